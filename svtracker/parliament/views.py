"""The page where an office chooses the members whose questions arrive from the parliament by themselves."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from svtracker.access import found_or_404, office_required
from svtracker.accounts.selectors import is_office_admin

from . import selectors
from .forms import FollowMemberForm
from .services import follow_member, members_to_offer, unfollow_member


@office_required
@require_http_methods(["GET", "POST"])
def followed_members(request):
    is_admin = is_office_admin(user=request.user, office=request.office)
    form = FollowMemberForm(request.POST or None)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied
        if form.is_valid() and form.cleaned_data["parliament_id"]:
            followed = follow_member(office=request.office, **form.cleaned_data)
            messages.success(request, _("%(member)s wordt gevolgd.") % {"member": followed.member})
            if followed.member.parliament_id != form.cleaned_data["parliament_id"]:
                messages.warning(request, _("%(member)s heeft in svtracker al persoons-id %(id)s; dat blijft "
                                            "zo.") % {"member": followed.member,
                                                     "id": followed.member.parliament_id})
            return redirect("parliament:followed")
        if form.is_valid():
            form = _offer_person_id(request, form)
    offers = selectors.id_offers(office=request.office)
    return render(request, "parliament/followed.html", {
        "followed": [(followed, offers.get(followed.pk, [])) for followed in
                     selectors.followed_members_of(office=request.office)],
        "runs": selectors.recent_sync_runs(office=request.office),
        "to_retry": selectors.questions_to_retry(office=request.office),
        "form": form, "is_admin": is_admin, "sync_enabled": bool(settings.PARLIAMENT_API_URL),
    })


def _offer_person_id(request, form: FollowMemberForm) -> FollowMemberForm:
    """A name without person id: the members list's id is offered for the admin to confirm."""
    offers = members_to_offer(name=form.cleaned_data["name"])
    if not offers:
        form.add_error("parliament_id", _("Niet gevonden in de ledenlijst van het parlement: geef het "
                                          "persoons-id."))
        return form
    for offer in offers:
        messages.info(request, _("In de ledenlijst van het parlement: %(name)s (%(party)s), persoons-id "
                                 "%(id)s. Klik op Volgen om te bevestigen.")
                      % {"name": offer.name, "party": offer.party or "–", "id": offer.parliament_id})
    first = offers[0]
    return FollowMemberForm(initial={"name": first.name, "parliament_id": first.parliament_id})


@office_required
@require_POST
def unfollow(request, pk: int):
    if not is_office_admin(user=request.user, office=request.office):
        raise PermissionDenied
    followed = found_or_404(selectors.followed_member, office=request.office, pk=pk)
    unfollow_member(office=request.office, member=followed.member)
    messages.success(request, _("%(member)s wordt niet meer gevolgd.") % {"member": followed.member})
    return redirect("parliament:followed")
