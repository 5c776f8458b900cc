"""Profile uncached renders of portal pages with pyinstrument (a dev requirement).

    bench/profile_page.py / /workgroups/plan/        # text call tree of 10 renders each

Uses the benchmark's environment: set DATABASE_URL, REDIS_URL and PAGECACHE_BYPASS_TOKEN as
bench/compare.py does (production settings); every request sends the bypass header.
PROFILE_USER=<username> profiles the pages as that user, signed in.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402


def main() -> None:
    headers = {"X-Pagecache-Bypass": os.environ.get("PAGECACHE_BYPASS_TOKEN", "")}
    client = Client(HTTP_HOST="127.0.0.1", headers=headers)
    if os.environ.get("PROFILE_USER"):
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username=os.environ["PROFILE_USER"]))
    for path in sys.argv[1:]:
        client.get(path)  # warm per-process caches
        profiler = Profiler(interval=0.0005)
        with profiler:
            for _ in range(10):
                client.get(path)
        print(f"=== {path} (10 renders)")
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
