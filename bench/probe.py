"""In-process render probe of the portal, uncached: queries and median render time per path.

Run by bench/compare.py with the benchmark's environment (production settings, Redis); sends
the page-cache bypass header so every request renders. Prints one JSON line per path.
With PROBE_USER=<username> the pages are rendered for that user, signed in.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def main() -> None:
    setup_test_environment(debug=False)
    client = Client(
        HTTP_HOST="127.0.0.1", headers={"X-Pagecache-Bypass": os.environ["PAGECACHE_BYPASS_TOKEN"]}
    )
    if os.environ.get("PROBE_USER"):
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username=os.environ["PROBE_USER"]))
    for path in sys.argv[1:]:
        client.get(path)  # warm per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        count = len(queries.captured_queries)  # now: later requests reset the query log
        if os.environ.get("PROBE_SHOW_QUERIES"):
            print("\n".join(f"  {query['sql'][:220]}" for query in queries.captured_queries))
        times = []
        for _ in range(10):
            start = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - start) * 1000)
        print(
            json.dumps(
                {
                    "path": path,
                    "status": response.status_code,
                    "queries": count,
                    "render_ms": round(statistics.median(times), 1),
                }
            )
        )


if __name__ == "__main__":
    main()
