# Copied to <peer>/peer/settings/local.py (imported at the end of settings/production.py).
# Same as ../shared/bench-anchors, except that the database is reached over TCP (PEER_DB_HOST,
# PEER_DB_USER) so that the bench runs where the portal's PostgreSQL is.
import os

DEBUG = False
ALLOWED_HOSTS = ["*"]
SECRET_KEY = "bench-only-not-a-secret"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PEER_DB", "bench"),
        "HOST": os.environ.get("PEER_DB_HOST", ""),
        "USER": os.environ.get("PEER_DB_USER", ""),
        # persistent connections, as bakerydemo does (conn_max_age=500); set PEER_CONN_MAX_AGE=0 to compare
        "CONN_MAX_AGE": int(os.environ.get("PEER_CONN_MAX_AGE", "600")),
    }
}
