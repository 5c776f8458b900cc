from django.apps import AppConfig, apps


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Accounts and stakeholder groups"

    def ready(self):
        from . import signals  # noqa: F401

        # Wagtail's user admin with the portal's profile fields (display name, age band,
        # region). Wagtail reads this when the admin viewsets are registered, after ready().
        apps.get_app_config("wagtailusers").user_viewset = "portal.accounts.viewsets.PortalUserViewSet"
