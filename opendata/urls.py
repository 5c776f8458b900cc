from django.urls import path

from . import api, openapi, views
from .wagtail_api import api_router

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.open_data_index, name="index"),
    path("open-data/<slug:slug>.<str:fmt>", views.open_data_download, name="download"),
    path("api/v2/openapi.json", openapi.openapi_view, name="openapi"),
    path("api/v2/plan-items/", api.PlanItemList.as_view(), name="plan-items"),
    path("api/v2/topics/", api.TopicList.as_view(), name="topics"),
    path("api/v2/events/", api.EventList.as_view(), name="events"),
    path("api/v2/surveys/", api.SurveyList.as_view(), name="surveys"),
    path("api/v2/surveys/<int:survey_id>/", api.SurveyDetail.as_view(), name="survey-detail"),
]

# Wagtail's API v2 router (pages, images, documents), under its own namespace.
wagtail_urlpatterns = [path("api/v2/", api_router.urls)]
