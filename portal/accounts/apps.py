from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = "Accounts and stakeholder groups"

    def ready(self):
        from . import signals  # noqa: F401
