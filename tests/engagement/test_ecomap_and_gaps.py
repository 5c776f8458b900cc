"""The eco-map (every partner once, status never by colour alone, a table with the same content)
and the gaps list under it."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from engagement.factories import EngagementActionFactory, PartnerFactory
from engagement.models import PhaseInvolvement
from engagement.vocabulary import STATUS_STYLES, Status
from portal.accounts.models import StakeholderGroup
from portal.extension_points import ATTENDANCE_RECORDS, AttendanceRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def four_statuses():
    return {status: PartnerFactory(name=f"{status.label} partner", status=status.value) for status in Status}


def _ecomap(client, lead, query=""):
    client.force_login(lead)
    response = client.get(reverse("engagement_admin:ecomap") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_every_partner_drawn_once_with_status_in_colour_pattern_symbol_and_word(client, lead, four_statuses):
    body = _ecomap(client, lead)
    start = body.index('<svg class="engagement-ecomap"')
    svg = body[start : body.index("</svg>", start)]
    for status, partner in four_statuses.items():
        style = STATUS_STYLES[status]
        lines = re.findall(rf'<line [^>]*data-partner="{partner.pk}"[^>]*/>', svg)
        assert len(lines) == 1
        assert f'stroke="{style.colour}"' in lines[0] and f'stroke-dasharray="{style.dash}"' in lines[0]
        assert f'data-status="{status.value}"' in lines[0]
        node = re.search(rf'<g class="ecomap-node" data-partner="{partner.pk}".*?</g>', svg, re.S).group(0)
        assert svg.count(f'class="ecomap-node" data-partner="{partner.pk}"') == 1
        assert f"{style.symbol} {status.label}" in node  # the word and symbol, not only the colour
        assert str(style.meaning).replace("'", "&#x27;") in node
    dashes = {STATUS_STYLES[s].dash for s in Status}
    assert len(dashes) == 4  # each status has its own line pattern


def test_table_has_the_same_partners_and_statuses(client, lead, four_statuses):
    body = _ecomap(client, lead)
    table = body[body.index('id="ecomap-table"') :]
    table = table[: table.index("</table>")]
    for status, partner in four_statuses.items():
        row = re.search(rf'<tr data-partner="{partner.pk}">.*?</tr>', table, re.S).group(0)
        assert partner.name in row and str(status.label) in row
    assert table.count("<tr data-partner=") == len(four_statuses)


def test_filter_by_status_draws_only_matching_partners(client, lead, four_statuses):
    body = _ecomap(client, lead, "?status=red")
    assert len(re.findall(r"<line [^>]*data-partner=", body)) == 1
    assert f'data-partner="{four_statuses[Status.RED].pk}"' in body


def test_thickness_follows_planned_involvement(client, lead):
    partnering = PartnerFactory()
    PhaseInvolvement.objects.create(partner=partnering, phase="pip-development", level=3)
    unplanned = PartnerFactory()
    body = _ecomap(client, lead)
    width = {
        p.pk: float(
            re.search(rf'<line [^>]*stroke-width="([\d.]+)"[^>]*data-partner="{p.pk}"', body).group(1)
        )
        for p in (partnering, unplanned)
    }
    assert width[partnering.pk] > width[unplanned.pk]


def test_gaps(client, lead):
    covered = StakeholderGroup.objects.create(name="Covered group", slug="covered-group")
    uncovered = StakeholderGroup.objects.create(name="Nobody speaks for us", slug="nobody")
    involved = PartnerFactory(name="Involved partner", kind="court", status="red", aliases="IP, Involved")
    involved.stakeholder_groups.add(covered)
    PhaseInvolvement.objects.create(partner=involved, phase="pip-development", level=2)
    EngagementActionFactory(partner=involved, phase="pip-development")
    uninvolved = PartnerFactory(name="Uninvolved yellow partner", status="yellow")

    def attendance(since):
        return [
            AttendanceRecord("The Involved Partner", since, "Workgroup"),  # matched by name, case and "the"
            AttendanceRecord("ip", since, "Workgroup"),  # matched by alias
            AttendanceRecord("Lakeshore Legal Aid", since, "Workgroup"),
            AttendanceRecord("lakeshore legal aid ", since, "Council"),
        ]

    with hooks.register_temporarily(ATTENDANCE_RECORDS, attendance):
        client.force_login(lead)
        response = client.get(reverse("engagement_admin:ecomap"), {"phase": "pip-development"})
    gaps = response.context["gaps"]
    assert uncovered in gaps.groups_without_partner and covered not in gaps.groups_without_partner
    assert "Tribal nation or tribal partner" in [str(k) for k in gaps.kinds_without_partner]
    assert [p.pk for p in gaps.not_involved_in_phase] == [uninvolved.pk]
    assert [p.pk for p in gaps.unplanned_red_yellow] == [uninvolved.pk]  # red with an action is planned
    assert [(o["organisation"], o["occasions"]) for o in gaps.unmatched_organisations] == [
        ("Lakeshore Legal Aid", 2)
    ]
    body = response.content.decode()
    unplanned = body[body.index('id="gap-unplanned"') :]
    assert uninvolved.name in unplanned[: unplanned.index("</ul>")]
    assert "Program improvement plan development" in body  # the phase's label, not its slug


def test_matched_attendance_counts_as_meetings(client, lead):
    partner = PartnerFactory(name="Harbor Family Services", aliases="Harbor FS")
    PhaseInvolvement.objects.create(partner=partner, phase="pip-development", level=2)

    def attendance(since):
        return [AttendanceRecord("Harbor FS", timezone.localdate(), f"Meeting {i}") for i in range(12)]

    with hooks.register_temporarily(ATTENDANCE_RECORDS, attendance):
        client.force_login(lead)
        response = client.get(reverse("engagement_admin:dashboard"))
    (row,) = response.context["activity"]
    assert row.meetings == 12 and not row.quiet


@pytest.mark.parametrize(
    "url, title",
    [
        ("/admin/engagement/", "Stakeholder engagement"),
        ("/admin/engagement/eco-map/", "Eco-map of agency partners"),
        ("/admin/engagement/matrix/", "Involvement across the review"),
    ],
)
def test_admin_screens_have_their_title_as_h1(client, lead, url, title):
    client.force_login(lead)
    body = client.get(url).content.decode()
    assert re.search(rf'<h1 class="w-header__title"[^>]*>.*?{title}.*?</h1>', body, re.S)


def test_status_screen_has_its_title_as_h1(client, lead):
    partner = PartnerFactory(name="Harbor Family Services")
    client.force_login(lead)
    body = client.get(reverse("engagement_admin:status_change", args=[partner.pk])).content.decode()
    assert re.search(r'<h1 class="w-header__title"[^>]*>.*?Harbor Family Services.*?</h1>', body, re.S)
