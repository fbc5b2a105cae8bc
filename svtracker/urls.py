from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from svtracker.pages.views import dashboard

urlpatterns = [
    # Public so that the login page can switch language too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("accounts/", include("svtracker.accounts.urls")),
    path("", dashboard, name="dashboard"),
    path("", include("svtracker.pages.urls")),
    path("promises/", include("svtracker.promises.urls")),
    path("reminders/", include("svtracker.reminders.urls")),
    path("drafts/", include("svtracker.drafts.urls")),
    path("parliament/", include("svtracker.parliament.urls")),
    path("figures/", include("svtracker.figures.urls")),
    path("scorecard/", include("svtracker.scorecard.urls")),
]
# The app's own error pages, in Dutch, with the way back (svtracker/errors.py).
handler400 = "svtracker.errors.bad_request"
handler403 = "svtracker.errors.permission_denied"
handler404 = "svtracker.errors.page_not_found"
handler500 = "svtracker.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
