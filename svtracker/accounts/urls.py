from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("office/", views.office_switch, name="office"),
    path("staff/", views.staff, name="staff"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("mails/", views.mail_preview, name="mail_preview"),
    path("mails/<slug:name>.html", views.mail_preview_html, name="mail_preview_html"),
]
