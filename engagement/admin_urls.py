from django.urls import path

from . import views
from .cqi import views as cqi_views

app_name = "engagement_admin"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("eco-map/", views.ecomap, name="ecomap"),
    path("matrix/", views.matrix, name="matrix"),
    path("export/plan.<str:fmt>", views.export, name="export"),
    path("partners/<int:partner_id>/status/", views.status_change, name="status_change"),
    path("cqi/<slug:key>/", cqi_views.panel, name="cqi"),
    path("cqi/<slug:key>/export.<str:fmt>", cqi_views.panel_export, name="cqi_export"),
]
