"""/admin/login/ is allauth's login (rate-limited, with MFA), keeping ?next=."""

from django.urls import path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="account_login", query_string=True), name="admin_login"),
]
