from django.apps import AppConfig


class AgendaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda"
    verbose_name = "Proposals and meetings"

    def ready(self):
        from . import signals

        signals.connect()
