"""Small-cell suppression on the dashboard's monitoring and representation tables and on the
public summary; the public summary's privacy rules; query counts independent of data size."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from engagement.factories import PartnerFactory
from engagement.models import PhaseInvolvement
from portal.accounts.models import Region, StakeholderGroup
from portal.extension_points import ATTENDANCE_RECORDS, AttendanceRecord

from .cqi_data import build

pytestmark = pytest.mark.django_db
FEWER = f"fewer than {settings.SUPPRESSION_THRESHOLD}"


def _section(body, marker):
    start = body.index(marker)
    return body[start : body.index("</table>", start)]


def _attendance(names):
    def records(since):
        return [AttendanceRecord(name, timezone.localdate(), f"Meeting {i}") for i, name in enumerate(names)]

    return records


def test_representation_cells_show_numbers_and_suppressed_labels(client, lead, monkeypatch):
    g1 = StakeholderGroup.objects.create(name="Group one", slug="g-one")
    g2 = StakeholderGroup.objects.create(name="Group two", slug="g-two")
    r1 = Region.objects.create(name="North county", slug="north")
    r2 = Region.objects.create(name="South county", slug="south")
    counts = [(g1.pk, r1.pk, 3), (g1.pk, r2.pk, 40), (g2.pk, r1.pk, 25), (g2.pk, r2.pk, 30)]
    monkeypatch.setattr("engagement.selectors.response_counts_by_group_and_region", lambda since=None: counts)
    client.force_login(lead)
    table = _section(
        client.get(reverse("engagement_admin:dashboard")).content.decode(), 'id="representation-table"'
    )
    row = re.search(r"Group one</th>(.*?)</tr>", table, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row)
    assert cells[0] == FEWER  # 3: small
    assert cells[1] == "hidden"  # 40 would give the 3 away from the row total
    assert all(c for c in cells)  # nothing renders empty
    row = re.search(r"Group two</th>(.*?)</tr>", table, re.S).group(1)
    assert re.findall(r"<td>(.*?)</td>", row)[:2] in (["25", "30"], ["hidden", "hidden"])
    assert "55" in row or "hidden" in row


def test_monitoring_counts_are_suppressed(client, lead):
    few = PartnerFactory(name="Few meetings")
    many = PartnerFactory(name="Many meetings")
    names = ["Few meetings"] * 3 + ["Many meetings"] * 12
    with hooks.register_temporarily(ATTENDANCE_RECORDS, _attendance(names)):
        client.force_login(lead)
        table = _section(
            client.get(reverse("engagement_admin:dashboard")).content.decode(), 'id="monitoring-table"'
        )
    cells = {
        p.name: re.findall(r"<td>(.*?)</td>", re.search(rf"{p.name}</th>(.*?)</tr>", table, re.S).group(1))
        for p in (few, many)
    }
    assert cells["Few meetings"][3] == FEWER and cells["Many meetings"][3] == "12"
    assert cells["Few meetings"][0] == "0"  # zeros are shown


def test_public_summary_privacy_and_suppression(client, monkeypatch):
    listed = PartnerFactory(name="Listed court", kind="court", status="red", listed_publicly=True)
    PartnerFactory(name="Secret partner", kind="court", status="green", listed_publicly=False)
    PhaseInvolvement.objects.create(partner=listed, phase="pip-development", level=2)
    group = StakeholderGroup.objects.create(name="Group one", slug="g-one")
    monkeypatch.setattr(
        "engagement.public.response_counts_by_group_and_region", lambda since=None: [(group.pk, None, 4)]
    )
    with hooks.register_temporarily(ATTENDANCE_RECORDS, _attendance(["Listed court"] * 12)):
        response = client.get(reverse("engagement:summary"))
    body = response.content.decode()
    main = body[body.index("<main") :]
    assert "Listed court" in main and "Secret partner" not in main
    for word in ("Red", "Green", "Yellow", "No dot", "Heal and re-involve", "Keep positive"):
        assert word not in main
    assert "attendance at meetings: 12" in main
    assert f"Survey responses: {FEWER}" in main
    assert "Group one" not in main  # no distribution when the total is suppressed
    assert not response.cookies  # cache-friendly: no cookie on an anonymous GET
    # CSP on public pages: no inline style or script.
    assert "<style" not in body and " style=" not in body
    assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\")=?)[^>]*>", body)


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url", ["engagement_admin:dashboard", "engagement_admin:ecomap", "engagement_admin:matrix"]
)
def test_admin_query_count_independent_of_data_size(client, lead, make_partners, url):
    client.force_login(lead)
    make_partners(2)
    client.get(reverse(url))  # warm per-process caches (site, locale)
    small = _queries(client, reverse(url))
    make_partners(12)
    assert _queries(client, reverse(url)) == small


def test_public_query_count_independent_of_data_size(client, make_partners):
    make_partners(2, listed_publicly=True)
    data = build(1)
    client.get(reverse("engagement:summary"))
    small = _queries(client, reverse("engagement:summary"))
    make_partners(12, listed_publicly=True)
    build(6, index=data["index"])
    assert _queries(client, reverse("engagement:summary")) == small


@pytest.mark.parametrize("key", ["participation", "representation", "responsiveness", "feedback", "progress"])
def test_cqi_panel_query_count_independent_of_data_size(client, lead, make_partners, key):
    """Every panel and its export: the same number of queries for 1x and 6x the data (more
    workgroups, topics, comments, questions, answers, responses, plan items and partners)."""
    client.force_login(lead)
    make_partners(2)
    data = build(1)
    url = reverse("engagement_admin:cqi", args=[key])
    export = reverse("engagement_admin:cqi_export", args=[key, "csv"])
    client.get(url)  # warm per-process caches (site, locale)
    small, small_export = _queries(client, url), _queries(client, export)
    make_partners(12)
    build(6, index=data["index"])
    assert _queries(client, url) == small
    assert _queries(client, export) == small_export
