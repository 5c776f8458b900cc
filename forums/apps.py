from django.apps import AppConfig


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Program-improvement workgroups"

    def ready(self):
        from . import signals

        signals.connect()
