from django.urls import path

from . import views

app_name = "questions"
urlpatterns = [
    path("questions/", views.QuestionListView.as_view(), name="list"),
    path("questions/upload/", views.upload, name="upload"),
    path("questions/register/", views.register, name="register"),
    path("questions/<int:pk>/", views.question_detail, name="detail"),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("series/", views.series_list, name="series_list"),
    path("series/<int:pk>/", views.series_detail, name="series_detail"),
]
