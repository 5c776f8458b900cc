"""Survey benchmark: 100,000 responses, then the results page and the CSV export.

Run against PostgreSQL (not part of `make test`):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python manage.py migrate && \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/surveys_bench.py --responses 100000

It reports generation time, the results page's time and query count, and the CSV export's
time, size and peak Python memory (tracemalloc) plus the process's peak RSS.
"""

import argparse
import os
import random
import resource
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark survey afterwards")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from portal.accounts.factories import RegionFactory, StakeholderGroupFactory, UserFactory
    from portal.accounts.mfa import totp_activate
    from surveys.factories import SurveyPageFactory, bulk_responses, survey_index

    out = sys.stdout.write
    if connection.vendor != "postgresql":
        out("warning: not PostgreSQL; numbers will not mean much\n")
    survey_index()
    survey = SurveyPageFactory(title=f"Benchmark survey {int(time.time())}")
    groups = [StakeholderGroupFactory() for _ in range(4)]
    regions = [RegionFactory() for _ in range(3)]
    started = time.perf_counter()
    bulk_responses(survey, args.responses, random.Random(1), groups=groups, regions=regions, batch=5000)
    out(f"generated {args.responses:,} responses in {time.perf_counter() - started:.1f}s\n")

    analyst = UserFactory(username=f"bench-analyst-{survey.pk}", roles=["Survey analysts"])
    totp_activate(user=analyst, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client(HTTP_HOST="localhost")
    client.force_login(analyst)

    url = reverse("surveys_admin:results", args=[survey.pk])
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        page = client.get(url)
        elapsed = time.perf_counter() - started
    out(f"results page: HTTP {page.status_code}, {elapsed:.2f}s, {len(queries)} queries\n")

    export_url = reverse("surveys_admin:export_csv", args=[survey.pk])
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in client.get(export_url).streaming_content)
    elapsed = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out(f"CSV export: {size / 1e6:.1f} MB in {elapsed:.2f}s (process peak RSS {rss_mb:.0f} MB)\n")
    # A second pass under tracemalloc (which slows Python down) for the peak it allocates.
    tracemalloc.start()
    sum(len(chunk) for chunk in client.get(export_url).streaming_content)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out(f"CSV export peak Python memory (tracemalloc): {peak / 1e6:.1f} MB\n")

    if not args.keep:
        survey.delete()
        analyst.delete()


if __name__ == "__main__":
    main()
