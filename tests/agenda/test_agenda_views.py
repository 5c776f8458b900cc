"""The agenda's new views per role: bringing a proposal to a meeting, proposing items from the
meeting page, deciding on them, ordering without JavaScript; clear messages; query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agenda import services
from agenda.models import AgendaItem, AgendaItemStatus

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(member, other_member, facilitator, outsider, make_staff):
    return {
        "anonymous": None,
        "outsider": outsider,
        "member": member,
        "other_member": other_member,
        "facilitator": facilitator,
        "moderator": make_staff("Moderators"),
    }


def _as(client, person):
    if person is not None:
        client.force_login(person)
    return client


@pytest.fixture
def proposal(member, workgroup):
    return services.proposal_create(author=member, workgroup=workgroup, title="Respite", body="None.")


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("anonymous", 302, None),
        ("outsider", 200, None),  # told only members propose, nothing saved
        ("other_member", 200, None),  # not their proposal
        ("member", 302, AgendaItemStatus.PROPOSED),  # the proposer
        ("facilitator", 302, AgendaItemStatus.ON_AGENDA),
        ("moderator", 302, AgendaItemStatus.ON_AGENDA),
    ],
)
def test_bring_proposal_to_meeting_per_role(client, people, proposal, meeting, role, status, expected):
    response = _as(client, people[role]).post(
        reverse("agenda_proposal_to_agenda", args=[proposal.pk]), {"meeting": meeting.pk}
    )
    assert response.status_code == status
    item = AgendaItem.objects.filter(proposal=proposal).first()
    assert (item.status if item else None) == expected


def test_proposal_page_offers_open_meetings_to_its_author_only(client, people, proposal, meeting, workgroup):
    make_meeting(workgroup, title="Closed meeting", days=2, cutoff_days=-1)
    url = services.proposal_url(proposal)
    author_page = _as(client, people["member"]).get(url).content.decode()
    assert "Bring it to a meeting" in author_page and "Spring meeting" in author_page
    assert "Closed meeting" not in author_page
    other_page = _as(client, people["other_member"]).get(url).content.decode()
    assert "Bring it to a meeting" not in other_page


def test_after_cutoff_the_proposer_reads_when_it_closed(client, member, proposal, workgroup):
    closed = make_meeting(workgroup, title="Closed meeting", days=2, cutoff_days=-1)
    client.force_login(member)
    response = client.post(reverse("agenda_proposal_to_agenda", args=[proposal.pk]), {"meeting": closed.pk})
    assert response.status_code == 200 and "The agenda closed on" in response.content.decode()
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize(
    ("role", "status", "expected"),
    [
        ("anonymous", 302, None),
        ("outsider", 200, None),
        ("member", 302, AgendaItemStatus.PROPOSED),
        ("facilitator", 302, AgendaItemStatus.ON_AGENDA),
        ("moderator", 302, AgendaItemStatus.ON_AGENDA),
    ],
)
def test_item_from_meeting_page_per_role(client, people, meeting, role, status, expected):
    response = _as(client, people[role]).post(
        reverse("agenda_item_add", args=[meeting.pk]), {"title": "Transport"}
    )
    assert response.status_code == status
    item = AgendaItem.objects.first()
    assert (item.status if item else None) == expected
    if role == "outsider":
        assert "Only members of this workgroup can propose agenda items." in response.content.decode()


def test_member_brings_own_proposal_from_the_meeting_page(client, member, other_member, proposal, meeting):
    others = services.proposal_create(
        author=other_member, workgroup=meeting.workgroup, title="Theirs", body="x"
    )
    client.force_login(member)
    page = client.get(meeting.url).content.decode()
    assert f'<option value="{proposal.pk}">' in page and f'<option value="{others.pk}">' not in page
    client.post(reverse("agenda_item_add", args=[meeting.pk]), {"proposal": proposal.pk})
    assert AgendaItem.objects.get().proposal == proposal
    response = client.post(reverse("agenda_item_add", args=[meeting.pk]), {"proposal": others.pk})
    assert response.status_code == 200 and AgendaItem.objects.count() == 1  # not a choice for them


def test_empty_item_and_closed_agenda_are_clear_and_keep_the_text(client, member, workgroup):
    meeting = make_meeting(workgroup, title="Closed", days=2, cutoff_days=-1)
    client.force_login(member)
    response = client.post(reverse("agenda_item_add", args=[meeting.pk]), {"title": ""})
    assert "Write an agenda item or choose a proposal." in response.content.decode()
    response = client.post(reverse("agenda_item_add", args=[meeting.pk]), {"title": "Late transport item"})
    body = response.content.decode()
    assert "The agenda closed on" in body and not AgendaItem.objects.exists()


@pytest.mark.parametrize(
    ("role", "status", "decided"),
    [
        ("anonymous", 302, False),
        ("outsider", 403, False),
        ("member", 403, False),
        ("facilitator", 302, True),
        ("moderator", 302, True),
    ],
)
def test_decide_per_role(client, people, member, meeting, role, status, decided):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport")
    response = _as(client, people[role]).post(
        reverse("agenda_item_decide", args=[meeting.pk, item.pk]),
        {"decision": "decline", "reason": "Covered."},
    )
    assert response.status_code == status
    assert (AgendaItem.objects.get(pk=item.pk).status == AgendaItemStatus.DECLINED) == decided


def test_facilitator_sees_waiting_items_and_a_decline_without_reason_keeps_it(
    client, member, facilitator, meeting
):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport to visits")
    client.force_login(facilitator)
    page = client.get(meeting.url).content.decode()
    assert "waiting for your decision" in page and "Transport to visits" in page
    url = reverse("agenda_item_decide", args=[meeting.pk, item.pk])
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert (
        response.status_code == 200
        and "Say why the item is not taken on the agenda." in response.content.decode()
    )
    assert AgendaItem.objects.get(pk=item.pk).status == AgendaItemStatus.PROPOSED
    client.post(url, {"decision": "accept"})
    assert AgendaItem.objects.get(pk=item.pk).status == AgendaItemStatus.ON_AGENDA


def test_member_sees_own_declined_item_with_its_reason(client, member, facilitator, meeting):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport to visits")
    services.agenda_item_decline(by=facilitator, item=item, reason="The transport group covers it.")
    client.force_login(member)
    page = client.get(meeting.url).content.decode()
    assert "What you proposed for this meeting" in page and "The transport group covers it." in page


@pytest.mark.parametrize(("role", "status"), [("anonymous", 302), ("member", 403), ("moderator", 302)])
def test_order_endpoint_per_role(client, people, facilitator, meeting, role, status):
    first = services.agenda_item_add(by=facilitator, meeting=meeting, title="Welcome")
    second = services.agenda_item_add(by=facilitator, meeting=meeting, title="Respite")
    response = _as(client, people[role]).post(
        reverse("agenda_reorder", args=[meeting.pk]), {"move": f"down:{first.pk}"}
    )
    assert response.status_code == status
    order = list(meeting.agenda_items.values_list("pk", flat=True))
    assert order == ([second.pk, first.pk] if role == "moderator" else [first.pk, second.pk])


def test_order_without_javascript_buttons_and_bad_input(client, facilitator, meeting):
    items = [services.agenda_item_add(by=facilitator, meeting=meeting, title=t) for t in ("A", "B", "C")]
    client.force_login(facilitator)
    page = client.get(meeting.url).content.decode()
    assert f'value="down:{items[0].pk}"' in page and f'value="up:{items[0].pk}"' not in page
    url = reverse("agenda_reorder", args=[meeting.pk])
    client.post(url, {"move": f"down:{items[0].pk}"})
    client.post(url, {"item": [items[2].pk, items[1].pk, items[0].pk]})
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["C", "B", "A"]
    response = client.post(url, {"move": "down:nonsense"}, follow=True)
    assert "The agenda changed meanwhile" in response.content.decode()
    response = client.post(url, {"item": [items[0].pk]}, follow=True)
    assert "The agenda changed meanwhile" in response.content.decode()
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["C", "B", "A"]


def _fill(meeting, facilitator, member, n):
    for i in range(n):
        services.agenda_item_add(by=facilitator, meeting=meeting, title=f"Item {i}")
        proposal = services.proposal_create(
            author=member, workgroup=meeting.workgroup, title=f"P{i}", body="b"
        )
        services.agenda_item_add(by=member, meeting=meeting, proposal=proposal)


@pytest.mark.parametrize("role", ["facilitator", "member", "anonymous"])
def test_meeting_page_queries_do_not_grow_with_items(
    client, people, facilitator, member, meeting, role, django_assert_max_num_queries
):
    _as(client, people[role])
    _fill(meeting, facilitator, member, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(meeting.url).status_code == 200
    _fill(meeting, facilitator, member, 12)
    with django_assert_max_num_queries(len(small)):
        response = client.get(meeting.url)
    assert response.content.decode().count("agenda-list__item") >= 14


def test_proposal_page_queries_do_not_grow_with_meetings_and_notes(
    client, facilitator, member, proposal, workgroup, django_assert_max_num_queries
):
    from forums.factories import PlanItemFactory
    from forums.models import ProgressNote

    plan_item = PlanItemFactory(workgroup=workgroup)
    services.proposal_triage(by=facilitator, proposal=proposal, state="in_progress", plan_item=plan_item)

    def grow(n, start):
        for i in range(start, start + n):
            meeting = make_meeting(workgroup, title=f"Meeting {i}", days=7 + i)
            services.agenda_item_add(by=facilitator, meeting=meeting, proposal=proposal)
            ProgressNote.objects.create(plan_item=plan_item, text=f"Note {i}")

    client.force_login(member)
    grow(2, 0)
    with CaptureQueriesContext(connection) as small:
        assert client.get(services.proposal_url(proposal)).status_code == 200
    grow(6, 2)
    with django_assert_max_num_queries(len(small)):
        client.get(services.proposal_url(proposal))
