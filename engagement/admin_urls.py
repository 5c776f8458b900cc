from django.urls import path

from . import views

app_name = "engagement_admin"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("eco-map/", views.ecomap, name="ecomap"),
    path("matrix/", views.matrix, name="matrix"),
    path("export/plan.<str:fmt>", views.export, name="export"),
    path("partners/<int:partner_id>/status/", views.status_change, name="status_change"),
]
