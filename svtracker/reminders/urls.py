from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path("preferences/", views.preferences, name="preferences"),
    path("preferences/calendar-token/", views.renew_token, name="renew_token"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:pk>/retry/", views.retry, name="retry"),
    path("policy/", views.policy, name="policy"),
    path("recess/", views.recess_list, name="recess"),
    path("recess/<int:year>/<str:kind>/", views.recess_edit, name="recess_edit"),
]
