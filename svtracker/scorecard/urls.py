from django.urls import path

from . import views

app_name = "scorecard"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("minister/<int:pk>/", views.minister, name="minister"),
    path("area/<int:pk>/", views.area, name="area"),
    path("list/", views.item_list, name="list"),
]
