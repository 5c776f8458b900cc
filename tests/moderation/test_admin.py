import pytest
from django.urls import reverse

from forums.models import Comment, CommentState
from forums.moderation import services
from forums.moderation.models import BlockedTerm, FlagReason, Reason
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXP"
QUEUE = "/admin/moderation/"


@pytest.fixture
def admin_client(client):
    def _login(person):
        totp_activate(user=person, secret=SECRET)
        client.force_login(person)
        return client

    return _login


def test_queue_refuses_people_who_do_not_moderate(client, user, make_staff, admin_client):
    assert client.get(QUEUE).status_code == 302
    client.force_login(user)
    assert client.get(QUEUE).status_code in (302, 403)
    analyst = admin_client(make_staff("Survey analysts"))
    refused = analyst.get(QUEUE)  # Wagtail turns PermissionDenied into a redirect with a message
    assert refused.status_code == 302 and refused.url == "/admin/"


def test_moderator_sees_everything_facilitator_only_their_workgroups(
    admin_client, moderator, facilitator, other_topic, make_comment
):
    make_comment(state=CommentState.PENDING, body="Mine to review")
    theirs = make_comment(state=CommentState.PENDING, topic=other_topic, body="Someone else's workgroup")
    page = admin_client(moderator).get(QUEUE).content.decode()
    assert "Mine to review" in page and "Someone else&#x27;s workgroup" in page
    page = admin_client(facilitator).get(QUEUE).content.decode()
    assert "Mine to review" in page and "Someone else" not in page
    refused = admin_client(facilitator).get(reverse("moderation_admin:item", args=[theirs.pk]))
    assert refused.status_code == 302 and refused.url == "/admin/"
    response = admin_client(facilitator).post(
        QUEUE, {"comments": [theirs.pk], "action": "approve", "reason": "ok"}
    )
    theirs.refresh_from_db()
    assert theirs.state == CommentState.PENDING
    assert response.status_code == 400
    assert admin_client(facilitator).get(reverse("moderation_admin:sanctions")).status_code == 302
    with pytest.raises(services.NotAllowed):
        services.comment_approve(comment=theirs, by=facilitator)


def test_bulk_approve_needs_a_reason_and_records_it(admin_client, moderator, make_comment):
    comments = [make_comment(state=CommentState.PENDING) for _ in range(3)]
    client = admin_client(moderator)
    response = client.post(QUEUE, {"comments": [c.pk for c in comments], "action": "approve", "reason": ""})
    assert response.status_code == 400 and "Choose a reason" in response.content.decode()
    response = client.post(
        QUEUE, {"comments": [c.pk for c in comments[:2]], "action": "approve", "reason": "ok", "note": "fine"}
    )
    assert response.status_code == 302
    states = [CommentState(c.__class__.objects.get(pk=c.pk).state) for c in comments]
    assert states == [CommentState.PUBLISHED, CommentState.PUBLISHED, CommentState.PENDING]
    assert comments[0].decisions.get().note == "fine"


def test_item_shows_thread_history_and_refuses_a_wrong_state(admin_client, moderator, make_comment, user):
    parent = make_comment(body="The question above it")
    reply = make_comment(parent=parent, body="A reply under review")
    services.flag_add(user=user, comment=reply, reason=FlagReason.ABUSIVE, note="rude")
    services.comment_hide(comment=reply, by=moderator, reason=Reason.ABUSIVE, note="first look")
    client = admin_client(moderator)
    url = reverse("moderation_admin:item", args=[reply.pk])
    page = client.get(url).content.decode()
    assert "The question above it" in page and "A reply under review" in page
    assert "first look" in page and "rude" in page and "Abusive" in page
    response = client.post(url, {"action": "approve", "reason": "ok"}, follow=True)
    assert "cannot be approved" in response.content.decode()
    client.post(url, {"action": "restore", "reason": "ok"})
    reply.refresh_from_db()
    assert reply.state == CommentState.PUBLISHED


def test_keep_dismisses_reports_on_a_published_comment(admin_client, moderator, make_comment, user):
    comment = make_comment()
    services.flag_add(user=user, comment=comment, reason=FlagReason.OFF_TOPIC)
    client = admin_client(moderator)
    assert comment.body[:20] in client.get(QUEUE).content.decode()
    client.post(reverse("moderation_admin:item", args=[comment.pk]), {"action": "keep", "reason": "ok"})
    assert comment.body[:20] not in client.get(QUEUE).content.decode()


def test_queue_query_count_does_not_grow(admin_client, moderator, make_comment, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = admin_client(moderator)
    services.flag_add(user=user, comment=make_comment(), reason=FlagReason.SPAM)
    counts = []
    for size in (5, 50):
        while Comment.objects.filter(state=CommentState.PENDING).count() < size:
            make_comment(state=CommentState.PENDING, parent=make_comment() if size == 50 else None)
        client.get(QUEUE)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(QUEUE).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_admin_home_panel_menu_badge_and_danger_banner(admin_client, moderator, make_comment, user):
    make_comment(state=CommentState.PENDING)
    danger = make_comment()
    services.flag_add(user=user, comment=danger, reason=FlagReason.DANGER)
    page = admin_client(moderator).get("/admin/").content.decode()
    assert "Comment review" in page and "Decisions this week" in page
    assert "Review queue (2)" in page
    assert "Someone may be in danger" in page


def test_blocked_words_are_edited_by_moderators_only(admin_client, moderator, make_staff):
    client = admin_client(moderator)
    response = client.post(reverse("moderation_words:add"), {"term": "Cheap Pills", "kind": "blocked"})
    assert response.status_code == 302
    assert BlockedTerm.objects.get().term == "cheap pills"
    editor = admin_client(make_staff("Editors"))
    assert editor.get(reverse("moderation_words:index")).status_code in (302, 403)


def test_sanction_add_and_lift_in_the_admin(admin_client, moderator):
    person = UserFactory(email="sam@example.org")
    client = admin_client(moderator)
    url = reverse("moderation_admin:sanctions")
    response = client.post(
        url, {"user": "sam@example.org", "kind": "silence", "days": 7, "reason": "Insults"}
    )
    assert response.status_code == 302
    sanction = person.sanctions.get()
    assert sanction.ends_at is not None and sanction.created_by == moderator
    client.post(reverse("moderation_admin:sanction_lift", args=[sanction.pk]), {"note": "Apologised"})
    sanction.refresh_from_db()
    assert sanction.lifted_by == moderator and sanction.lift_note == "Apologised"
    response = client.post(url, {"user": "nobody@example.org", "kind": "silence", "reason": "x"})
    assert response.status_code == 400 and "No account" in response.content.decode()
