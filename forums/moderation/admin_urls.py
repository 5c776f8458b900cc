from django.urls import path

from . import admin_views

app_name = "moderation_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("comments/<int:pk>/", admin_views.item, name="item"),
    path("sanctions/", admin_views.sanctions, name="sanctions"),
    path("sanctions/<int:pk>/lift/", admin_views.sanction_lift, name="sanction_lift"),
]
