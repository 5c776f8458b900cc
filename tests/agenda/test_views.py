"""Every agenda view and admin screen, per role; privacy of private workgroups; iCal; query counts."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from agenda import services
from agenda.models import AgendaItem, MeetingAttendance, Proposal, ProposalSupport
from agenda.wagtail_hooks import meeting_attendance
from portal.accounts.factories import UserFactory
from portal.extension_points import collect_attendance

from .conftest import make_meeting

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "member", "facilitator", "moderator"]


@pytest.fixture
def people(member, facilitator, outsider, make_staff):
    return {
        "anonymous": None,
        "outsider": outsider,
        "member": member,
        "facilitator": facilitator,
        "moderator": make_staff("Moderators"),
    }


def _client(client, person):
    if person is not None:
        client.force_login(person)
    return client


def _proposal(author, workgroup, title="Respite for kin carers"):
    return services.proposal_create(
        author=author, workgroup=workgroup, title=title, body="Kin carers get no respite."
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("outsider", 403), ("member", 200), ("facilitator", 200), ("moderator", 200)],
)
def test_propose_form_per_role(client, people, workgroup, role, status):
    response = _client(client, people[role]).get(reverse("agenda_proposal_new", args=[workgroup.pk]))
    assert response.status_code == status


def test_propose_post_creates_and_bad_input_keeps_text(client, member, workgroup):
    client.force_login(member)
    url = reverse("agenda_proposal_new", args=[workgroup.pk])
    response = client.post(url, {"title": "", "body": "What I wrote stays"})
    assert response.status_code == 200 and "What I wrote stays" in response.content.decode()
    response = client.post(url, {"title": "Respite", "body": "Kin carers get no respite."})
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == services.proposal_url(proposal)


@pytest.mark.parametrize("role", ROLES)
def test_proposal_page_public_workgroup_per_role(client, people, member, workgroup, role):
    proposal = _proposal(member, workgroup)
    response = _client(client, people[role]).get(services.proposal_url(proposal))
    assert response.status_code == 200
    body = response.content.decode()
    assert ("Answer this proposal" in body) == (role in ("facilitator", "moderator"))
    assert ("Support this proposal" in body) == (role in ("facilitator", "moderator"))  # member is the author


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("outsider", 404), ("member", 200), ("facilitator", 200), ("moderator", 200)],
)
def test_private_workgroup_proposals_and_meetings_are_hidden(
    client, people, member, private_workgroup, role, status
):
    proposal = _proposal(member, private_workgroup, title="Secret proposal title")
    meeting = make_meeting(private_workgroup, title="Secret meeting")
    c = _client(client, people[role])
    assert c.get(services.proposal_url(proposal)).status_code == status
    assert c.get(meeting.url).status_code == status
    assert c.get(reverse("agenda_meeting_ics", args=[meeting.pk])).status_code == status
    assert c.get(reverse("agenda_workgroup_calendar", args=[private_workgroup.pk])).status_code == status


def test_support_view_once_with_clear_message(client, member, other_member, workgroup):
    proposal = _proposal(member, workgroup)
    client.force_login(other_member)
    url = reverse("agenda_proposal_support", args=[proposal.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert ProposalSupport.objects.count() == 1
    assert (
        "already support" in response.content.decode() or "Withdraw my support" in response.content.decode()
    )


def test_author_support_is_refused(client, member, workgroup):
    proposal = _proposal(member, workgroup)
    client.force_login(member)
    response = client.post(reverse("agenda_proposal_support", args=[proposal.pk]), follow=True)
    assert "own proposal" in response.content.decode()
    assert not ProposalSupport.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("outsider", 403), ("member", 403), ("facilitator", 302), ("moderator", 302)],
)
def test_triage_view_per_role(client, people, other_member, workgroup, role, status):
    proposal = _proposal(other_member, workgroup)
    response = _client(client, people[role]).post(
        reverse("agenda_proposal_triage", args=[proposal.pk]),
        {"state": "declined", "answer": "Out of scope."},
    )
    assert response.status_code == status
    expected = "declined" if role in ("facilitator", "moderator") else "open"
    assert Proposal.objects.get(pk=proposal.pk).state == expected


def test_decline_without_reason_in_view_saves_nothing(client, facilitator, member, workgroup):
    proposal = _proposal(member, workgroup)
    client.force_login(facilitator)
    response = client.post(
        reverse("agenda_proposal_triage", args=[proposal.pk]), {"state": "declined"}, follow=True
    )
    assert "Say why" in response.content.decode()
    assert Proposal.objects.get(pk=proposal.pk).state == "open"


def test_comment_view(client, member, other_member, outsider, workgroup):
    proposal = _proposal(member, workgroup)
    client.force_login(other_member)
    client.post(reverse("agenda_proposal_comment", args=[proposal.pk]), {"body": "Same for us."})
    assert proposal.comments.count() == 1
    client.force_login(outsider)
    client.post(reverse("agenda_proposal_comment", args=[proposal.pk]), {"body": "Me too."})
    assert proposal.comments.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_meeting_place_is_for_members_only(client, people, meeting, role):
    body = _client(client, people[role]).get(meeting.url).content.decode()
    assert ("555-0100" in body) == (role in ("member", "facilitator", "moderator"))


@pytest.mark.parametrize(
    ("role", "added"), [("anonymous", False), ("outsider", False), ("member", True), ("facilitator", True)]
)
def test_agenda_item_view_per_role(client, people, meeting, role, added):
    _client(client, people[role]).post(reverse("agenda_item_add", args=[meeting.pk]), {"title": "Respite"})
    assert AgendaItem.objects.filter(meeting=meeting).exists() == added


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("facilitator", 302), ("anonymous", 302)])
def test_reorder_view_per_role(client, people, facilitator, meeting, role, status):
    item = services.agenda_item_add(by=facilitator, meeting=meeting, title="Welcome")
    response = _client(client, people[role]).post(
        reverse("agenda_reorder", args=[meeting.pk]), {"item": [item.pk]}
    )
    assert response.status_code == status


def test_ical_per_meeting_and_workgroup_feed_are_valid(client, workgroup, meeting):
    make_meeting(workgroup, title="Summer meeting", days=60)
    one = Calendar.from_ical(client.get(reverse("agenda_meeting_ics", args=[meeting.pk])).content)
    events = one.walk("VEVENT")
    assert len(events) == 1 and str(events[0]["summary"]) == meeting.title
    assert "555-0100" not in one.to_ical().decode()  # call details never in a public feed
    feed = client.get(reverse("agenda_workgroup_calendar", args=[workgroup.pk]))
    assert feed["Content-Type"].startswith("text/calendar")
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 2


# Participants get the "admin is for agency staff" page; staff without the permission are sent back.
@pytest.mark.parametrize(
    ("role", "status"), [("outsider", 403), ("member", 403), ("facilitator", 302), ("moderator", 200)]
)
def test_admin_proposals_to_review_per_role(client, people, member, workgroup, role, status):
    from django.contrib.auth.models import Permission

    from portal.accounts.mfa import totp_activate

    person = people[role]
    if role in ("facilitator", "moderator"):  # staff roles reach the admin with a second factor
        person.user_permissions.add(Permission.objects.get(codename="access_admin"))
        totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    _proposal(member, workgroup)
    response = _client(client, person).get(reverse("agenda_admin_proposals"))
    assert response.status_code == status  # refused: Wagtail sends people without the permission away
    assert ("Respite for kin carers" in response.content.decode()) == (role == "moderator")


def test_admin_release_publishes_held_proposal(client, member, workgroup, make_staff):
    from django.contrib.auth.models import Permission

    proposal = _proposal(member, workgroup)
    Proposal.objects.filter(pk=proposal.pk).update(state="pending", held_reason="held")
    moderator = make_staff("Moderators")
    moderator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    from portal.accounts.mfa import totp_activate

    totp_activate(user=moderator, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(moderator)
    client.post(reverse("agenda_admin_release", args=[proposal.pk]), {"approve": "1"})
    assert Proposal.objects.get(pk=proposal.pk).state == "open"


def test_pending_proposal_seen_only_by_author_and_reviewers(client, member, other_member, workgroup):
    proposal = _proposal(member, workgroup)
    Proposal.objects.filter(pk=proposal.pk).update(state="pending")
    client.force_login(other_member)
    assert client.get(services.proposal_url(proposal)).status_code == 404
    client.force_login(member)
    assert client.get(services.proposal_url(proposal)).status_code == 200


def _grow(workgroup, n):
    supporters = [UserFactory() for _ in range(2)]
    for i in range(n):
        proposal = Proposal.objects.create(workgroup=workgroup, title=f"P{i}", body="b", support_count=2)
        for person in supporters:
            ProposalSupport.objects.create(proposal=proposal, user=person)


def test_workgroup_page_queries_do_not_grow_with_proposals(client, workgroup, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _grow(workgroup, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(workgroup.url + "?sort=supported").status_code == 200
    _grow(workgroup, 12)
    with django_assert_max_num_queries(len(small)):
        response = client.get(workgroup.url + "?sort=supported")
    assert response.content.decode().count('class="usa-collection__item"') >= 14


def test_meeting_page_queries_do_not_grow_with_agenda(
    client, facilitator, meeting, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(2):
        services.agenda_item_add(by=facilitator, meeting=meeting, title=f"Item {i}")
    with CaptureQueriesContext(connection) as small:
        client.get(meeting.url)
    for i in range(10):
        services.agenda_item_add(by=facilitator, meeting=meeting, title=f"More {i}")
    with django_assert_max_num_queries(len(small)):
        client.get(meeting.url)


def test_attendance_feeds_engagement_by_organisation(workgroup, meeting):
    MeetingAttendance.objects.create(meeting=meeting, organisation="Foster Parents Association", people=4)
    records = [r for r in collect_attendance() if r.occasion == meeting.title]
    assert [r.organisation for r in records] == ["Foster Parents Association"]
    assert meeting_attendance(since=meeting.starts_at.date() + __import__("datetime").timedelta(days=1)) == []


@pytest.mark.parametrize(("role", "moved"), [("member", False), ("facilitator", True)])
def test_move_up_per_role(client, people, facilitator, meeting, role, moved):
    first = services.agenda_item_add(by=facilitator, meeting=meeting, title="Welcome")
    second = services.agenda_item_add(by=facilitator, meeting=meeting, title="Respite")
    _client(client, people[role]).post(
        reverse("agenda_reorder", args=[meeting.pk]), {"move": f"up:{second.pk}"}
    )
    order = list(meeting.agenda_items.values_list("pk", flat=True))
    assert order == ([second.pk, first.pk] if moved else [first.pk, second.pk])
