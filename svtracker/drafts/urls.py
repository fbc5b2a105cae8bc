from django.urls import path

from . import views

app_name = "drafts"
urlpatterns = [
    path("", views.draft_list, name="list"),
    path("new/question/<int:pk>/", views.create_from_question, name="create_from_question"),
    path("new/series/<int:pk>/", views.create_from_series, name="create_from_series"),
    path("new/promise/<int:pk>/", views.create_from_promise, name="create_from_promise"),
    path("<int:pk>/", views.draft_detail, name="detail"),
    path("<int:pk>/preview/", views.preview, name="preview"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/sent/", views.mark_sent, name="mark_sent"),
    path("<int:pk>/versions/<int:number>/diff/", views.version_diff, name="version_diff"),
    path("<int:pk>/versions/<int:number>/restore/", views.restore, name="restore"),
]
