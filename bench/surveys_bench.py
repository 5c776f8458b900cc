"""Survey benchmark: many responses (bulk SQL), then the results page and the CSV export.

Run against PostgreSQL (not part of `make test`):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python manage.py migrate && \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/surveys_bench.py --responses 1000000

It reports generation time, the results page's time and query count, and the CSV export's
time, size and peak Python memory (tracemalloc) plus the process's peak RSS.
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


FREE_TEXT = ["More evening appointments would help.", "=cmd|' /C calc'!A0", "Thank you for asking."]


def generate_sql(survey, count: int, groups, regions) -> None:
    """`count` responses and their answers in bulk SQL (INSERT … SELECT generate_series),
    every question answered with a random option; then the tallies rebuilt in SQL."""
    from django.db import connection, transaction

    from surveys.models import Answer, Response
    from surveys.tallies import rebuild

    response_t, answer_t = Response._meta.db_table, Answer._meta.db_table
    group_ids = [g.pk for g in groups] if not survey.is_anonymous else [None]
    region_ids = [r.pk for r in regions] if not survey.is_anonymous else [None]
    with transaction.atomic(), connection.cursor() as cursor:
        # Identified surveys keep the language answered in; anonymous ones never do.
        languages = ["en", "es"] if not survey.is_anonymous else [""]
        cursor.execute(
            f"INSERT INTO {response_t} (survey_id, submitted_on, stakeholder_group_id, region_id, language)"
            " SELECT %s, current_date - (random() * 27)::int,"
            " (%s::bigint[])[1 + floor(random() * %s)::int], (%s::bigint[])[1 + floor(random() * %s)::int],"
            " (%s::text[])[1 + floor(random() * %s)::int]"
            " FROM generate_series(1, %s)",
            [survey.pk, group_ids, len(group_ids), region_ids, len(region_ids)]
            + [languages, len(languages), count],
        )
        # Every answer of a response written together, as a submit or a pool flush does.
        plan, params = [], []
        for q in survey.question_map().values():
            values = [v for v, _ in q.options]
            kind = (
                "scale" if q.is_scale else "choice" if values else "number" if q.type == "number" else "text"
            )
            for row in q.rows if q.type == "likert_grid" else [""]:
                plan.append("(%s, %s, %s::text[], %s, %s)")
                params += [q.id, row, values or FREE_TEXT, kind, len(plan)]
        cursor.execute(
            f"INSERT INTO {answer_t} (response_id, survey_id, question_id, row_key, choice, number, text,"
            " published) SELECT r.id, r.survey_id, q.qid, q.row_key,"
            " CASE WHEN q.kind IN ('scale', 'choice') THEN v.pick ELSE '' END,"
            " CASE q.kind WHEN 'scale' THEN v.pick::numeric WHEN 'number' THEN floor(random() * 20) END,"
            " CASE q.kind WHEN 'text' THEN v.pick ELSE '' END, false"
            f" FROM {response_t} r CROSS JOIN (VALUES {', '.join(plan)}) q(qid, row_key, opts, kind, ord),"
            " LATERAL (SELECT q.opts[1 + floor(random() * array_length(q.opts, 1))::int] AS pick"
            " WHERE r.id > 0) v WHERE r.survey_id = %s ORDER BY r.id, q.ord",
            [*params, survey.pk],
        )
    connection.cursor().execute(f"ANALYZE {response_t}; ANALYZE {answer_t}")
    rebuild(survey)


def _rss_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def export_alone(survey_pk: int) -> None:
    """Stream one survey's CSV export (surveys.exports.csv_stream, what the view streams) and
    report rows/s and this process's peak RSS (VmHWM), with the RSS Django had before it."""
    from surveys import exports
    from surveys.models import Response, SurveyPage

    survey = SurveyPage.objects.get(pk=survey_pk)
    responses = Response.objects.filter(survey=survey).count()
    before = _rss_mb("VmRSS")
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in exports.csv_stream(survey))
    elapsed = time.perf_counter() - started
    sys.stdout.write(
        f"CSV export alone (fresh process): {responses:,} rows, {size / 1e6:.1f} MB in {elapsed:.2f}s ="
        f" {responses / elapsed:,.0f} rows/s; peak RSS {_rss_mb('VmHWM'):.0f} MB"
        f" (RSS {before:.0f} MB before exporting, Django and Wagtail loaded)\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark survey afterwards")
    parser.add_argument("--survey", type=int, help="measure this (kept) survey again, no generation")
    parser.add_argument("--factory", action="store_true", help="generate with the Python factory (slow)")
    parser.add_argument("--export-alone", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()

    import django

    django.setup()
    if args.export_alone:
        export_alone(args.export_alone)
        return
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
    from surveys.models import Response, SurveyPage

    if args.survey:
        survey = SurveyPage.objects.get(pk=args.survey)
        args.keep = True
    else:
        survey_index()
        survey = SurveyPageFactory(title=f"Benchmark survey {int(time.time())}")
        groups = [StakeholderGroupFactory() for _ in range(4)]
        regions = [RegionFactory() for _ in range(3)]
        started = time.perf_counter()
        if args.factory:
            bulk_responses(
                survey, args.responses, random.Random(1), groups=groups, regions=regions, batch=5000
            )
        else:
            generate_sql(survey, args.responses, groups, regions)
        out(
            f"generated {args.responses:,} responses in {time.perf_counter() - started:.1f}s"
            f" (survey {survey.pk})\n"
        )
    responses = Response.objects.filter(survey=survey).count()

    analyst = UserFactory(username=f"bench-analyst-{survey.pk}-{int(time.time())}", roles=["Survey analysts"])
    totp_activate(user=analyst, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client(HTTP_HOST="localhost")
    client.force_login(analyst)

    url = reverse("surveys_admin:results", args=[survey.pk])
    started = time.perf_counter()
    client.get(url)  # the first request also loads the site, the user, the templates
    out(f"results page, first request: {time.perf_counter() - started:.3f}s\n")
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        page = client.get(url)
        elapsed = time.perf_counter() - started
    out(
        f"results page over {responses:,} responses: HTTP {page.status_code}, {elapsed:.3f}s,"
        f" {len(queries)} queries\n"
    )

    export_url = reverse("surveys_admin:export_csv", args=[survey.pk])
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in client.get(export_url).streaming_content)
    elapsed = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out(
        f"CSV export through the view: {responses:,} rows, {size / 1e6:.1f} MB in {elapsed:.2f}s ="
        f" {responses / elapsed:,.0f} rows/s (this bench process's peak RSS {rss_mb:.0f} MB)\n"
    )
    # The export alone, in a fresh process (as an app-server worker with Django loaded): its
    # own peak RSS, not the generation's or the results page's.
    subprocess.run([sys.executable, os.path.abspath(__file__), "--export-alone", str(survey.pk)], check=True)
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
