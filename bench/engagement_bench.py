"""Engagement dashboard benchmark: 100,000 survey responses and a 1,000-comment topic, then
every engagement admin screen and CQI panel timed in-process (goal: each under 1 s).

Run against a migrated PostgreSQL database (not part of `make test`), best after load_demo:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python bench/engagement_bench.py              # --responses 100000 --rounds 3

Reuses bench/surveys_bench.py's bulk SQL generator and bench/prepare_forums_topic.py's topic.
Prints, per screen: the best of the timed rounds, the median, and the query count.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

GOAL_SECONDS = 1.0


def _ensure_forum():
    """A public workgroup and some people, for the 1,000-comment topic (load_demo has them)."""
    from forums.factories import WorkgroupIndexPageFactory, WorkgroupPageFactory
    from forums.models import WorkgroupIndexPage, WorkgroupPage
    from home.models import HomePage
    from portal.accounts.factories import UserFactory
    from portal.accounts.models import User

    if not WorkgroupPage.objects.filter(is_private=False).live().exists():
        index = WorkgroupIndexPage.objects.first() or WorkgroupIndexPageFactory(
            parent=HomePage.objects.first(), slug="workgroups"
        )
        WorkgroupPageFactory(parent=index, title="Bench workgroup", slug="bench-workgroup")
    for i in range(10 - User.objects.filter(is_deidentified=False).count()):
        UserFactory(username=f"bench-person-{i}-{int(time.time())}")


def _screens():
    from django.urls import reverse

    from engagement.cqi.views import PANELS

    screens = [
        ("dashboard", reverse("engagement_admin:dashboard")),
        ("eco-map", reverse("engagement_admin:ecomap")),
        ("matrix", reverse("engagement_admin:matrix")),
    ]
    screens += [(f"cqi {key}", reverse("engagement_admin:cqi", args=[key])) for key in PANELS]
    screens += [
        (f"cqi {key} CSV", reverse("engagement_admin:cqi_export", args=[key, "csv"])) for key in PANELS
    ]
    screens.append(("public summary", reverse("engagement:summary")))
    return screens


def _time(client, url, rounds: int):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: templates, site, translations
    times = []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return min(times), statistics.median(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated survey and topic")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from bench.surveys_bench import generate_sql
    from portal.accounts.factories import RegionFactory, StakeholderGroupFactory, UserFactory
    from portal.accounts.mfa import totp_activate
    from portal.accounts.models import Region, StakeholderGroup
    from surveys.factories import SurveyPageFactory, survey_index
    from surveys.models import Response, SurveyPage

    out = sys.stdout.write
    if connection.vendor != "postgresql":
        out("warning: not PostgreSQL; numbers will not mean much\n")
    load = os.getloadavg()[0]

    _ensure_forum()
    import bench.prepare_forums_topic as topic_bench  # sets up Django itself: already done

    started = time.perf_counter()
    topic_bench.main()
    out(f"1,000-comment topic built in {time.perf_counter() - started:.1f}s\n")

    groups = list(StakeholderGroup.objects.all()[:4]) or [StakeholderGroupFactory() for _ in range(4)]
    regions = list(Region.objects.all()[:3]) or [RegionFactory() for _ in range(3)]
    survey = SurveyPageFactory(parent=survey_index(), title=f"Engagement bench survey {int(time.time())}")
    started = time.perf_counter()
    generate_sql(survey, args.responses, groups, regions)
    total = Response.objects.count()
    out(
        f"generated {args.responses:,} responses in {time.perf_counter() - started:.1f}s ({total:,} in all)\n"
    )

    lead = UserFactory(username=f"bench-lead-{int(time.time())}", roles=["Engagement leads", "Moderators"])
    totp_activate(user=lead, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client = Client(HTTP_HOST="localhost")
    client.force_login(lead)

    out(f"load average before: {load:.2f}; {args.rounds} timed rounds per screen, in-process\n\n")
    out("| screen | best | median | queries | under 1 s |\n| --- | --- | --- | --- | --- |\n")
    worst = 0.0
    for name, url in _screens():
        best, median, queries = _time(client, url, args.rounds)
        worst = max(worst, median)
        out(
            f"| {name} | {best * 1000:.0f} ms | {median * 1000:.0f} ms | {queries} | "
            f"{'yes' if median < GOAL_SECONDS else 'NO'} |\n"
        )
    out(f"\nslowest median {worst * 1000:.0f} ms; load average after: {os.getloadavg()[0]:.2f}\n")

    if not args.keep:
        SurveyPage.objects.filter(pk=survey.pk).delete()
        lead.delete()


if __name__ == "__main__":
    main()
