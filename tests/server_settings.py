"""Settings for the real app servers the fault tests start: production, plus what tests need.

Static files come from the source folders (no collectstatic), and the test suite's fast
password hasher is accepted so that factory-made users can sign in.
"""

from portal.settings.production import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.MD5PasswordHasher",
]
