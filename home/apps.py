from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Agency content"

    def ready(self):
        from . import signals  # noqa: F401
