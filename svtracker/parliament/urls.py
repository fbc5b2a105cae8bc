from django.urls import path

from . import views

app_name = "parliament"
urlpatterns = [
    path("", views.followed_members, name="followed"),
    path("<int:pk>/unfollow/", views.unfollow, name="unfollow"),
]
