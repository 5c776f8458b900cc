"""Feedback stays a loop: after a proposal is answered, a new "what we did" on its topic and
changes to its plan item show on the proposal page and reach its people once per event."""

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import caches

from agenda import services
from forums.factories import PlanItemFactory
from forums.models import PlanStatus, ProgressNote
from portal.accounts.mfa import totp_activate
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(member, other_member, workgroup):
    proposal = services.proposal_create(author=member, workgroup=workgroup, title="Respite", body="None.")
    services.support_add(user=other_member, proposal=proposal)
    return proposal


@pytest.fixture
def plan_item(workgroup):
    return PlanItemFactory(workgroup=workgroup, title="Respite weekends pilot", status=PlanStatus.NOT_STARTED)


@pytest.fixture
def in_progress(proposal, plan_item, facilitator):
    services.proposal_triage(by=facilitator, proposal=proposal, state="in_progress", plan_item=plan_item)
    return proposal


def _plan_news():
    return Notification.objects.filter(kind=NotificationKind.PROPOSAL_UPDATE, dedupe_key__contains="-plan-")


def _edit_in_admin(client, by, plan_item, notes=(), **changes):
    """Save the plan item's admin edit form, the way facilitators change the plan."""
    plan_item.refresh_from_db()
    data = {
        "workgroup": plan_item.workgroup_id,
        "level": plan_item.level,
        "title": plan_item.title,
        "status": plan_item.status,
        "sort_order": plan_item.sort_order,
        "progress_notes-TOTAL_FORMS": len(notes),
        "progress_notes-INITIAL_FORMS": 0,
        "progress_notes-MIN_NUM_FORMS": 0,
        "progress_notes-MAX_NUM_FORMS": 1000,
        **changes,
    }
    for i, text in enumerate(notes):
        data[f"progress_notes-{i}-date"] = "2027-05-03"
        data[f"progress_notes-{i}-text"] = text
        data[f"progress_notes-{i}-ORDER"] = i
    if not Authenticator.objects.filter(user=by).exists():
        totp_activate(user=by, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")  # staff sign in with two steps
    client.force_login(by)
    response = client.post(f"/admin/workgroups/plan-items/edit/{plan_item.pk}/", data)
    assert response.status_code == 302 and "/edit/" not in response["Location"], response
    assert "plan-items" in response["Location"], response["Location"]
    plan_item.refresh_from_db()


def test_plan_item_change_tells_proposer_and_supporters_once(
    client, facilitator, in_progress, plan_item, member, other_member
):
    _edit_in_admin(client, facilitator, plan_item, status=PlanStatus.ON_TRACK)
    assert set(_plan_news().values_list("recipient", flat=True)) == {member.pk, other_member.pk}
    assert "On track" in _plan_news().first().text
    _edit_in_admin(client, facilitator, plan_item)  # saved, but nothing people see changed
    _edit_in_admin(client, facilitator, plan_item, owner="Respite team")  # not shown on the proposal
    assert _plan_news().count() == 2


def test_progress_note_is_news_too(client, facilitator, in_progress, plan_item, member):
    _edit_in_admin(client, facilitator, plan_item, notes=["First respite weekend held in May."])
    assert ProgressNote.objects.filter(plan_item=plan_item).count() == 1
    assert any("First respite weekend" in n.text for n in _plan_news().filter(recipient=member))


def test_unlinked_plan_item_tells_nobody(client, facilitator, proposal, plan_item):
    _edit_in_admin(client, facilitator, plan_item, status=PlanStatus.DONE)
    assert plan_item.status == PlanStatus.DONE
    assert not _plan_news().exists()


def test_new_what_we_did_is_news_again_same_text_is_not(proposal, facilitator, topic, member):
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", topic=topic)
    feedback = Notification.objects.filter(recipient=member, dedupe_key__contains="feedback")
    topic.what_we_did = "<p>We funded respite weekends.</p>"
    topic.save_revision().publish()
    topic.save_revision().publish()
    assert feedback.count() == 1
    topic.what_we_did = "<p>We funded respite weekends, and doubled them in the fall.</p>"
    topic.save_revision().publish()
    assert feedback.count() == 2


@pytest.fixture
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "agenda-loop"},
    }
    settings.ALLOWED_HOSTS = ["testserver"]
    caches["pages"].clear()
    return caches["pages"]


def _anonymous(client, url):
    client.cookies.clear()
    return client.get(url)


def test_proposal_page_shows_plan_changes_to_the_next_anonymous_visitor(
    client, pages_cache, in_progress, plan_item
):
    url = services.proposal_url(in_progress)
    _anonymous(client, url)
    assert _anonymous(client, url)["X-Page-Cache"] == "HIT"
    assert "Not started" in _anonymous(client, url).content.decode()
    plan_item.status = PlanStatus.AT_RISK
    plan_item.save()
    ProgressNote.objects.create(plan_item=plan_item, text="Two providers withdrew.")
    body = _anonymous(client, url).content.decode()
    assert "At risk" in body and "Two providers withdrew." in body


def test_proposal_page_shows_what_we_did_to_the_next_anonymous_visitor(
    client, pages_cache, proposal, facilitator, topic
):
    services.proposal_triage(by=facilitator, proposal=proposal, state="accepted", topic=topic)
    url = services.proposal_url(proposal)
    _anonymous(client, url)
    assert _anonymous(client, url)["X-Page-Cache"] == "HIT"
    topic.what_we_did = "<p>We funded respite weekends.</p>"
    topic.save_revision().publish()
    body = _anonymous(client, url).content.decode()
    assert "What happened since" in body and "We funded respite weekends." in body


def test_agenda_decisions_retire_the_cache(client, pages_cache, member, facilitator, meeting):
    item = services.agenda_item_add(by=member, meeting=meeting, title="Transport to visits")
    _anonymous(client, meeting.url)
    assert _anonymous(client, meeting.url)["X-Page-Cache"] == "HIT"
    services.agenda_item_accept(by=facilitator, item=item)
    response = _anonymous(client, meeting.url)
    assert response["X-Page-Cache"] == "MISS" and "Transport to visits" in response.content.decode()
