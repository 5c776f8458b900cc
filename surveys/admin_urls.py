from django.urls import path

from .views import analysis

app_name = "surveys_admin"

urlpatterns = [
    path("", analysis.survey_list, name="list"),
    path("<int:survey_id>/results/", analysis.results, name="results"),
    path("<int:survey_id>/export/responses.csv", analysis.export_csv, name="export_csv"),
    path("<int:survey_id>/export/responses.xlsx", analysis.export_xlsx, name="export_xlsx"),
    path("<int:survey_id>/export/summary.csv", analysis.export_aggregate, name="export_aggregate"),
    path("<int:survey_id>/invitations/", analysis.invitations, name="invitations"),
    path("<int:survey_id>/reminders/", analysis.reminders, name="reminders"),
    path("<int:survey_id>/text/<int:answer_id>/publish/", analysis.publish_text, name="publish_text"),
]
