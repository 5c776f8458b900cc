from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "forums.moderation"
    label = "moderation"
    verbose_name = "Moderation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import rules, signals

        rules.register_all()
        signals.connect()
