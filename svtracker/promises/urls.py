from django.urls import path

from . import views

app_name = "promises"
urlpatterns = [
    path("", views.PromiseListView.as_view(), name="list"),
    path("bulk/", views.bulk, name="bulk"),
    path("<int:pk>/", views.detail, name="detail"),
]
