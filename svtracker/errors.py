"""The app's own error pages (400, 403, 404, 500, a refused CSRF check, a body too large), in Dutch, each
with the way back. Django's handlers (svtracker/urls.py, CSRF_FAILURE_VIEW) call these."""

from django.conf import settings
from django.core.exceptions import DisallowedHost, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token


def way_back(request) -> str:
    """The page the visitor came from when it is ours, else the dashboard (or the login page)."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
            return referer
    except DisallowedHost:  # the 400 for a foreign Host header itself
        pass
    user = getattr(request, "user", None)
    return reverse("dashboard") if user is not None and user.is_authenticated else reverse("accounts:login")


def error_page(request, *, status: int, title: str, message: str):
    return render(request, "errors/error.html", {"status": status, "title": title, "message": message,
                                                "back": way_back(request)}, status=status)


def too_large(request, *, size: int):
    """A request body over UPLOAD_MAX_REQUEST_BYTES, refused before it is read (see questions.uploads)."""
    return error_page(request, status=413, title=_("Te groot"), message=_(
        "Wat je stuurde is %(size)s MB; er kan hoogstens %(limit)s MB per keer. Stuur de bestanden in "
        "kleinere groepen.") % {"size": round(size / 2**20),
                                "limit": settings.UPLOAD_MAX_REQUEST_BYTES // 2**20})


@requires_csrf_token
def bad_request(request, exception=None):
    if isinstance(exception, TooManyFilesSent):
        message = _("Je stuurde te veel bestanden tegelijk: hoogstens %(limit)s per keer. Stuur de rest in "
                    "een volgende keer.") % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FILES}
    elif isinstance(exception, RequestDataTooBig | TooManyFieldsSent):
        message = _("Het formulier bevat te veel gegevens om in één keer te verwerken.")
    else:
        message = _("Deze vraag kon de server niet begrijpen. Probeer het opnieuw vanaf de vorige pagina.")
    return error_page(request, status=400, title=_("Ongeldige vraag"), message=message)


@requires_csrf_token
def permission_denied(request, exception=None):
    return error_page(request, status=403, title=_("Geen toegang"), message=_(
        "Je hebt geen toegang tot deze pagina. Vraag een beheerder van je kantoor als je dit nodig hebt."))


@requires_csrf_token
def page_not_found(request, exception=None):
    return error_page(request, status=404, title=_("Niet gevonden"), message=_(
        "Deze pagina bestaat niet (meer), of hoort bij een ander kantoor."))


def csrf_failure(request, reason=""):
    return error_page(request, status=403, title=_("Formulier verlopen"), message=_(
        "Dit formulier is verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en "
        "probeer nog eens."))


@requires_csrf_token
def server_error(request):
    """Rendered without context processors or the database: whatever failed may still be failing."""
    html = loader.get_template("errors/500.html").render({"back": reverse("dashboard")})
    return HttpResponseServerError(html)
