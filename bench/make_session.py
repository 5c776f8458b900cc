"""Print a session key for a demo user, for benchmarking a signed-in reader.

    bench/make_session.py fosterparent     # -> the value of the `sessionid` cookie

Run with the benchmark's environment (the same SECRET_KEY and DATABASE_URL as the server
that will read the session: bench/compare.py passes one environment to both).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username=sys.argv[1]))
    print(client.cookies[settings.SESSION_COOKIE_NAME].value)


if __name__ == "__main__":
    main()
