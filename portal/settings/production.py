"""Production: every switch from the environment; refuses to start without a real secret."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

if not SECRET_KEY or len(SECRET_KEY) < 40 or SECRET_KEY.startswith(("dev-", "test-", "change")):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        "(50+ characters; for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the portal's host names in production.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
# Every worker and server must share one cache (rate limits, TOTP replay, sessions): with no
# REDIS_URL, the database cache (`manage.py createcachetable`, run by the operations
# migration). `check --deploy` refuses a per-process cache (operations.E001).
if not env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", default="django_tasks_db.backend.DatabaseBackend")}}
# Wagtail's live preview renders the page in a same-origin iframe, so frames stay allowed
# from our own origin (X_FRAME_OPTIONS = "SAMEORIGIN" in base.py); other origins are refused.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Every e-mail is an outbox row written with the action; the worker delivers with retries.
if env.bool("MAIL_OUTBOX", default=True):
    EMAIL_BACKEND = "portal.operations.mail.OutboxEmailBackend"
