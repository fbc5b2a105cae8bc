"""Logging in and out, choosing the office to work in, office admins managing their staff and seeing the
mails svtracker sends."""


from csp.decorators import csp
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods

from svtracker.access import office_required, redirect_to_next
from svtracker.mail import INTENTS

from .forms import PasswordResetForm, StaffAddForm, StaffRemoveForm, StaffRoleForm
from .models import Membership
from .selectors import can_preview_mail, is_office_admin, memberships_of, offices_for
from .services import (
    InvitationRefused,
    OwnAccessRefused,
    accept_invitation,
    invite_staff,
    open_invitation,
    remove_staff,
    set_role,
)
from .throttle import client_ip, mail_allowed


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        """Over the limit for this address or IP nothing is sent, and the answer is the same."""
        address, ip = form.cleaned_data["email"], client_ip(self.request)
        if mail_allowed(kind="password-reset", address=address, ip=ip):
            return super().form_valid(form)
        return redirect(self.success_url)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")


@require_http_methods(["GET", "POST"])
def office_switch(request):
    """List the user's offices; choosing one keeps it in the session for the next requests."""
    offices = offices_for(user=request.user)
    if request.method == "POST":
        office = get_object_or_404(offices, pk=request.POST.get("office") or 0)
        request.session["office_id"] = office.pk
        messages.success(request, _("Je werkt nu voor %(office)s.") % {"office": office.name})
        return redirect_to_next(request, "dashboard")
    return render(request, "accounts/office.html", {"offices": offices})


@office_required
@require_http_methods(["GET", "POST"])
def staff(request):
    """Everyone sees who works in the office; only its admins add, remove or change roles."""
    office = request.office
    admin = is_office_admin(user=request.user, office=office)
    add_form = StaffAddForm()
    if request.method == "POST":
        if not admin:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "add":
            add_form = StaffAddForm(request.POST)
            if add_form.is_valid():
                invite_staff(office=office, by=request.user, ip=client_ip(request), **add_form.cleaned_data)
                # The same answer whether the username exists or not.
                text = _("%(user)s krijgt een uitnodiging per e-mail en komt in het team zodra die "
                         "aanvaard is.")
                messages.success(request, text % {"user": add_form.cleaned_data["username"]})
                return redirect("accounts:staff")
        elif action in ("role", "remove"):
            form = (StaffRoleForm if action == "role" else StaffRemoveForm)(request.POST)
            if form.is_valid():
                membership = get_object_or_404(memberships_of(office=office),
                                               pk=form.cleaned_data["membership"])
                try:
                    if action == "role":
                        set_role(membership=membership, role=form.cleaned_data["role"], by=request.user)
                        text = _("De rol van %(user)s is gewijzigd.")
                    else:
                        remove_staff(office=office, user=membership.user, by=request.user)
                        text = _("%(user)s werkt niet langer voor dit kantoor.")
                except OwnAccessRefused as refused:
                    messages.error(request, refused.message)
                else:
                    messages.success(request, text % {"user": membership.user.get_username()})
                return redirect("accounts:staff")
    return render(request, "accounts/staff.html", {
        "memberships": memberships_of(office=office), "is_admin": admin, "add_form": add_form,
        "roles": Membership.Role.choices,
    })


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """Accept an invitation: a new account chooses its password, an existing one accepts while logged in."""
    found = open_invitation(token=token)
    if found is None:
        return render(request, "accounts/invitation_accept.html", {"invalid": True}, status=404)
    new_account = not found.user.has_usable_password()
    form = SetPasswordForm(found.user, request.POST or None) if new_account else None
    own = request.user.is_authenticated and request.user.pk == found.user_id
    if request.method == "POST" and (new_account and form.is_valid() or own):
        try:
            accept_invitation(invitation=found, user=found.user,
                              password=form.cleaned_data["new_password1"] if new_account else None)
        except InvitationRefused as refused:
            messages.error(request, refused.message)
        else:
            if new_account:
                login(request, found.user, backend="django.contrib.auth.backends.ModelBackend")
            request.session["office_id"] = found.office_id
            messages.success(request, _("Je werkt nu voor %(office)s.") % {"office": found.office.name})
            return redirect("dashboard")
    return render(request, "accounts/invitation_accept.html", {
        "invitation": found, "new_account": new_account, "form": form, "own": own})


def _require_mail_preview(request) -> None:
    if not can_preview_mail(user=request.user, office=getattr(request, "office", None)):
        raise PermissionDenied


@require_GET
def mail_preview(request):
    """Every mail svtracker sends, rendered with its sample context: subject, text and (framed) HTML."""
    _require_mail_preview(request)
    return render(request, "accounts/mail_preview.html", {
        "mails": [(intent, intent.render(intent.sample)) for intent in INTENTS.values()]})


# The mail's HTML alone, for the preview's sandboxed frame: its inline styles apply as in a mail client,
# nothing else does (no script, form, request or top navigation), and only our own pages may frame it.
@require_GET
@xframe_options_sameorigin
@csp({"default-src": "'none'", "style-src": "'unsafe-inline'", "img-src": "data:", "base-uri": "'none'",
      "form-action": "'none'", "frame-ancestors": "'self'", "sandbox": [True]})
def mail_preview_html(request, name: str):
    _require_mail_preview(request)
    intent = INTENTS.get(name)
    if intent is None:
        raise Http404
    return HttpResponse(intent.render(intent.sample).html)
