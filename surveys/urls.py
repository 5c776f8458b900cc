from django.urls import path

from .views import answering

app_name = "surveys"

urlpatterns = [
    path("invitation/", answering.invitation_landing, name="invitation_landing"),
    path("i/<str:token>/", answering.invitation_open, name="invitation"),
    path("<int:survey_id>/answer/", answering.answer, name="answer"),
    path("<int:survey_id>/thank-you/", answering.done, name="done"),
    path("<int:survey_id>/summary/", answering.public_summary, name="summary"),
]
