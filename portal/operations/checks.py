"""`manage.py check --deploy` refuses a cache that is not shared between processes."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Error(
                f"The default cache ({backend}) is per process: rate limits, two-step code "
                "replay checks and sessions would differ between workers and servers.",
                hint="Set REDIS_URL, or leave it empty to use the database cache.",
                id="operations.E001",
            )
        ]
    return []
