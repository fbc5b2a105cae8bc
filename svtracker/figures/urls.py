from django.urls import path

from . import views

app_name = "figures"
urlpatterns = [
    path("cells/<int:pk>/", views.cell, name="cell"),
    path("series/<int:pk>/join/", views.join, name="join"),
    path("joins/<int:pk>/undo/", views.undo_join, name="undo_join"),
    path("series/<int:pk>/figures.xlsx", views.series_export, name="series_export"),
    path("questions/<int:pk>/tables.xlsx", views.question_export, name="question_export"),
    path("questions/<int:pk>/annex/", views.attach_annex, name="attach_annex"),
    path("annexes/<int:pk>/", views.annex_download, name="annex"),
]
