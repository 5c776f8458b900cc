"""Settings shared by every environment.

Secure by default: DEBUG off, no secret default, every variable read through one
environment schema below (django-environ). `.env.example` lists them all.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# --- Environment schema: name -> (type, default). Secrets have no default here. -------
env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    REDIS_URL=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Family Partnership Portal <no-reply@portal.example.org>"),
    SERVER_EMAIL=(str, "portal-errors@portal.example.org"),
    SITE_BASE_URL=(str, "http://127.0.0.1:8000"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    MEDIA_URL=(str, "/media/"),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    TASKS_BACKEND=(str, "django_tasks.backends.immediate.ImmediateBackend"),
    TIME_ZONE=(str, "America/Chicago"),
    STAFF_SESSION_IDLE_SECONDS=(int, 30 * 60),
    STAFF_SESSION_MAX_SECONDS=(int, 12 * 60 * 60),
    SUPPRESSION_THRESHOLD=(int, 11),
)
env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
SITE_BASE_URL = env("SITE_BASE_URL").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL

# --- Applications -----------------------------------------------------------------------
INSTALLED_APPS = [
    # Our apps first so their templates and static files win.
    "portal.accounts",
    "portal.notifications",
    "home",
    "forums",
    "forums.moderation",
    "surveys",
    "opendata",  # open data: read API and downloads (issue 14)
    "agenda",  # proposals and workgroup meetings (issue 15)
    # Stakeholder engagement (issue 11): partner registry, plan, eco-map, monitoring.
    "engagement",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",  # open data API (issue 14)
    "wagtail.api.v2",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Background tasks (django-tasks; the DB backend's tables are always migrated)
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # --- i18n: language choice, Wagtail locales and page translation (issue 12) ---
    "portal.i18n",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.i18n.middleware.LanguageMiddleware",  # i18n: prefix, cookie, profile, Accept-Language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.middleware.StaffSessionMiddleware",
    "portal.accounts.middleware.StaffMfaRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.RateLimitedMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.i18n.context_processors.languages",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
# A kept connection is checked before a request reuses it: after a database restart a
# worker that was idle during the outage would otherwise answer its next request 503.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # A real cache even without Redis: allauth's rate limits must never be disabled
    # by a dummy cache. Per-process memory is enough for one server.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }

TASKS = {"default": {"BACKEND": env("TASKS_BACKEND")}}

# --- Auth ---------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_portal"
LOGOUT_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# One way in, with allauth's rate limits: Wagtail's own password reset and change are off.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Family Partnership Portal] "
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "portal.accounts.adapter.user_display"
ACCOUNT_FORMS = {"signup": "portal.accounts.forms.SignupForm", "login": "portal.accounts.forms.LoginForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Family Partnership Portal"
STAFF_SESSION_IDLE_SECONDS = env("STAFF_SESSION_IDLE_SECONDS")
STAFF_SESSION_MAX_SECONDS = env("STAFF_SESSION_MAX_SECONDS")

# --- E-mail -------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL")

# --- I18N ---------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = env("TIME_ZONE")
USE_I18N = True
USE_TZ = True
# The interface and the content in English and Spanish (docs/languages.md).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date style per language, the time zone said in words (portal/i18n/dates.py).
FORMAT_MODULE_PATH = ["portal.formats"]
LANGUAGE_COOKIE_NAME = "portal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = env("MEDIA_URL")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Family Partnership Portal"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are served through Django so that private collections are checked.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests: admin avatars are not fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

# --- Security defaults (production tightens further) ------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Portal -------------------------------------------------------------------------------
# Aggregates of 1..threshold-1 respondents are suppressed; never below 5.
SUPPRESSION_THRESHOLD = max(5, env("SUPPRESSION_THRESHOLD"))
# Surveys (anonymity even to a database administrator): anonymous answers are written in
# shuffled batches of at least this many people (docs/surveys.md).
SURVEY_ANONYMITY_CROWD = max(2, env.int("SURVEY_ANONYMITY_CROWD", default=5))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Every task's start and end at INFO buries what matters (the demo, a worker's log).
        "django_tasks": {"level": "WARNING"},
    },
}

# --- frontend ---
# Files WhiteNoise serves at the site root (favicon.ico, which browsers ask for by name).
WHITENOISE_ROOT = BASE_DIR / "frontend" / "public"

# --- moderation ---------------------------------------------------------------------------
# Holds before publication (see docs/moderation.md). Off only in other apps' tests.
MODERATION_HOLD_RULES_ENABLED = env.bool("MODERATION_HOLD_RULES_ENABLED", default=True)
MODERATION_HOLD_FIRST_COMMENTS = env.int("MODERATION_HOLD_FIRST_COMMENTS", default=2)
MODERATION_NEW_ACCOUNT_HOURS = env.int("MODERATION_NEW_ACCOUNT_HOURS", default=24)
MODERATION_NEW_AUTHOR_DAYS = env.int("MODERATION_NEW_AUTHOR_DAYS", default=30)
MODERATION_NEW_AUTHOR_MAX_LINKS = env.int("MODERATION_NEW_AUTHOR_MAX_LINKS", default=2)
# Distinct reports that hide a comment pending review.
MODERATION_FLAG_HIDE_THRESHOLD = env.int("MODERATION_FLAG_HIDE_THRESHOLD", default=3)
# Who hears at once about a possible danger (comma-separated in the environment).
MODERATION_ONCALL_EMAILS = env.list("MODERATION_ONCALL_EMAILS", default=["oncall@lakeshore.example.org"])
# Abuse limits (django-ratelimit rates: count/period), per signed-in person and per IP.
MODERATION_RATE_LIMITS = {
    "comment": env("MODERATION_RATE_COMMENT", default="10/10m"),
    "flag": env("MODERATION_RATE_FLAG", default="20/h"),
    "join": env("MODERATION_RATE_JOIN", default="10/h"),
}
MODERATION_RATE_LIMIT_IP_FACTOR = env.int("MODERATION_RATE_LIMIT_IP_FACTOR", default=3)
MIDDLEWARE = [*MIDDLEWARE, "forums.moderation.middleware.AbuseLimitsMiddleware"]

# Open data (issue 14): the read API's rate per client address and its cache lifetime.
OPENDATA_API_RATE = env("OPENDATA_API_RATE", default="120/min")
OPENDATA_CACHE_SECONDS = env.int("OPENDATA_CACHE_SECONDS", default=300)
WAGTAILAPI_LIMIT_MAX = 100
# Staff issue 10: the danger notice in the admin's message area.
MIDDLEWARE = [
    *MIDDLEWARE,
    "forums.moderation.banner.DangerBannerMiddleware",
    "portal.accounts.admin_access.AdminForStaffMiddleware",
]
# --- Operations (issue 9): outages answer 503, shared cache, private headers ---------------
INSTALLED_APPS = [*INSTALLED_APPS, "portal.operations"]
# Outermost after SecurityMiddleware so database / cache outages inside sessions, auth and
# views answer the site's 503 page; the header middleware sees every response.
MIDDLEWARE.insert(1, "portal.operations.middleware.ServiceUnavailableMiddleware")
MIDDLEWARE.insert(2, "portal.operations.headers.PrivateHeadersMiddleware")
SERVICE_RETRY_AFTER_SECONDS = env.int("SERVICE_RETRY_AFTER_SECONDS", default=30)
CSRF_FAILURE_VIEW = "portal.operations.views.csrf_failure"
if REDIS_URL:
    # Redis errors are cache misses; security counters fail closed (portal/operations/cache.py).
    CACHES["default"]["BACKEND"] = "portal.operations.cache.FailSafeRedisCache"
    CACHES["default"]["OPTIONS"].update(
        {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}  # a dead Redis must not hang workers
    )
# The real client address behind nginx (e.g. X-Real-IP), for allauth and django-ratelimit.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")
if CLIENT_IP_HEADER:
    ALLAUTH_TRUSTED_CLIENT_IP_HEADER = CLIENT_IP_HEADER
    RATELIMIT_IP_META_KEY = "HTTP_" + CLIENT_IP_HEADER.upper().replace("-", "_")
# Mail outbox (portal/operations/mail.py): production sends every e-mail through it.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_BACKOFF_SECONDS = env.int("OUTBOX_BACKOFF_SECONDS", default=60)
OUTBOX_DELIVERY_BACKEND = env.email_url("EMAIL_URL")["EMAIL_BACKEND"]  # the real sender
# Content-Security-Policy (django-csp): no inline script or style on the portal's pages.
MIDDLEWARE.insert(3, "csp.middleware.CSPMiddleware")
MIDDLEWARE.insert(4, "portal.operations.headers.AdminCspMiddleware")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# --- Fast pages (issue 13): shared anonymous page cache in Redis, docs/performance.md ---
INSTALLED_APPS = [*INSTALLED_APPS, "portal.pagecache"]
# Outermost but for the outage page: a hit skips every other middleware and is returned with
# the headers (CSP, Permissions-Policy, Vary) its first render got, which are the same for
# every anonymous visitor (the policy has no nonce).
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.operations.middleware.ServiceUnavailableMiddleware") + 1,
    "portal.pagecache.middleware.PageCacheMiddleware",
)
# Issue 13 goal 5: gzip for anonymous HTML only (BREACH: never with cookies or CSRF tokens).
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "portal.pagecache.compress.AnonymousGZipMiddleware",
)
if REDIS_URL:  # no REDIS_URL: page caching is off (never a per-process page cache)
    CACHES["pages"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "pages",
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 1,  # a dead Redis must not hang workers
            "SOCKET_TIMEOUT": 1,
        },
    }
PAGECACHE_TIMEOUT = env.int("PAGECACHE_TIMEOUT", default=600)
PAGECACHE_BYPASS_TOKEN = env.str("PAGECACHE_BYPASS_TOKEN", default="")  # benchmark only
