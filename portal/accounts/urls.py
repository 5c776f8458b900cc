from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_portal, name="my_portal"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("download/", views.data_export, name="data_export"),
    path("delete/", views.account_delete, name="account_delete"),
    path("verify-email/", views.verify_email, name="verify_email"),
]
