from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "engagement"
    verbose_name = _("Stakeholder engagement")
    default_auto_field = "django.db.models.BigAutoField"
