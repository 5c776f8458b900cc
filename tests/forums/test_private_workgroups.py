"""Private stays private: nothing of a private workgroup (titles, addresses, counts) reaches
someone who is not (or no longer) its member, on any surface, for every role."""

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from forums.factories import CommentFactory, PlanItemFactory, TopicPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole
from forums.services import comment_published_effects, follow_add, membership_leave, membership_set
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from portal.notifications.models import Notification
from portal.notifications.services import digests_enqueue, preference_set

pytestmark = pytest.mark.django_db

SECRETS = ("Zephyr cabinet", "Quartz draft", "zephyr-cabinet", "Quartz plan goal")
HIDDEN_FROM = ["anonymous", "outsider", "former_member", "other_facilitator"]
SEE = ["member", "staff"]


@pytest.fixture
def world(workgroup, topic, index_page, make_staff):
    private_workgroup = WorkgroupPageFactory(
        parent=index_page, title="Zephyr cabinet", slug="zephyr-cabinet", is_private=True
    )
    private_topic = TopicPageFactory(parent=private_workgroup, title="Quartz draft", slug="quartz")
    other = WorkgroupPageFactory(parent=index_page, slug="other", title="Other workgroup")
    PlanItemFactory(workgroup=private_workgroup, title="Quartz plan goal")
    PlanItemFactory(workgroup=workgroup, title="Public plan goal")
    people = {
        "anonymous": None,
        "outsider": UserFactory(),
        "member": UserFactory(),
        "former_member": UserFactory(),
        "other_facilitator": make_staff("Facilitators"),
        "staff": make_staff("Moderators"),
    }
    for role in ("other_facilitator", "staff"):
        totp_activate(user=people[role], secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    membership_set(user=people["other_facilitator"], workgroup=other, role=MembershipRole.FACILITATOR)
    membership_set(user=people["member"], workgroup=private_workgroup)
    former = people["former_member"]
    membership_set(user=former, workgroup=private_workgroup)
    follow_add(user=former, workgroup=private_workgroup)
    follow_add(user=former, topic=private_topic)
    mine = CommentFactory(topic=private_topic, author=former, body="My point while a member")
    CommentFactory(topic=topic, author=former, body="A public comment")
    reply = CommentFactory(topic=private_topic, author=people["member"], parent=mine, body="A reply")
    comment_published_effects(comment=reply)  # told while a member
    assert Notification.objects.filter(recipient=former).count() == 1
    membership_leave(user=former, workgroup=private_workgroup)
    return {"people": people, "private_topic": private_topic, "mine": mine, "topic": topic}


def _as(client, person):
    client.logout()
    if person is not None:
        client.force_login(person)


def _surfaces(client, person) -> dict[str, str]:
    urls = {
        "home": "/",
        "search": "/search/?q=draft",
        "sitemap": "/sitemap.xml",
        "workgroups": "/workgroups/",
        "plan overview": "/workgroups/plan/",
        "plan export": "/workgroups/plan/export/csv/",
    }
    if person is not None:
        urls |= {"my portal": "/me/", "notifications": "/notifications/", "my data": "/me/download/"}
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[name] = body.decode()
    return pages


@pytest.mark.parametrize("role", HIDDEN_FROM)
def test_nothing_of_a_private_workgroup_reaches_a_non_member(client, world, role):
    _as(client, world["people"][role])
    for name, text in _surfaces(client, world["people"][role]).items():
        for secret in SECRETS:
            assert secret not in text, (role, name, secret)


@pytest.mark.parametrize("role", SEE)
def test_members_and_staff_see_it(client, world, role):
    _as(client, world["people"][role])
    pages = _surfaces(client, world["people"][role])
    assert "Quartz draft" in pages["home"]  # open for comments
    assert "Quartz draft" in pages["search"]
    assert "Quartz plan goal" in pages["plan overview"] and "Quartz plan goal" in pages["plan export"]
    assert "Zephyr cabinet" in pages["workgroups"]
    assert "zephyr-cabinet" not in pages["sitemap"]  # never listed publicly, even for members


def test_a_former_member_keeps_their_words_but_not_the_workgroups_name(client, world):
    former = world["people"]["former_member"]
    _as(client, former)
    data = json.loads(client.get("/me/download/").content)
    comments = data["workgroups"]["comments"]
    assert {c["text"] for c in comments} == {"My point while a member", "A public comment"}
    assert world["topic"].title in {c["topic"] for c in comments}
    assert data["workgroups"]["follows"] == []  # their follows there no longer count
    assert data["notifications"]["notifications"] == []
    portal = client.get("/me/").content.decode()
    assert world["topic"].title in portal  # the public comment is still listed in My portal


def test_my_portal_lists_in_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    from forums import selectors

    former = world["people"]["former_member"]
    with django_assert_max_num_queries(4):
        assert [c.body for c in selectors.my_comments(user=former)] == ["A public comment"]
    with django_assert_max_num_queries(4):
        assert list(selectors.my_follows(user=former)) == []


def test_a_former_member_is_told_and_mailed_nothing_more(client, world, django_capture_on_commit_callbacks):
    former = world["people"]["former_member"]
    member = world["people"]["member"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        later = CommentFactory(
            topic=world["private_topic"], author=member, parent=world["mine"], body="Later"
        )
        comment_published_effects(comment=later)
        world["private_topic"].closes_at = timezone.now() + timezone.timedelta(days=2)
        world["private_topic"].save()
        call_command("notify_closing_windows")
        TopicPageFactory(parent=world["private_topic"].get_parent(), title="Another quartz", slug="another")
    assert Notification.objects.filter(recipient=former).count() == 1  # only the one from before
    assert not [m for m in mail.outbox if former.email in m.to]
    assert Notification.objects.filter(recipient=former).count() == 1
    # the notification from before is neither listed, counted in the badge, nor in a digest
    _as(client, former)
    listing = client.get("/notifications/").content.decode()
    assert "Quartz draft" not in listing and "zephyr-cabinet" not in listing
    from portal.notifications.selectors import unread_count

    assert unread_count(user=former) == 0
    Notification.objects.filter(recipient=former).update(emailed_at=None)
    preference_set(user=former, kind="reply", delivery="daily")
    with django_capture_on_commit_callbacks(execute=True):
        digests_enqueue()
    assert not [m for m in mail.outbox if former.email in m.to]
    # and an e-mail queued while they were a member is not sent after they left
    from portal.notifications.tasks import send_notification_email

    assert (
        send_notification_email.call(notification_id=Notification.objects.get(recipient=former).pk) is False
    )


def test_a_member_still_gets_their_notifications(world, django_capture_on_commit_callbacks):
    member = world["people"]["member"]
    question = CommentFactory(topic=world["private_topic"], author=member, body="Question")
    reply = CommentFactory(
        topic=world["private_topic"], author=world["people"]["staff"], parent=question, body="Answer"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment_published_effects(comment=reply)
    assert Notification.objects.filter(recipient=member).count() == 1
    assert [m for m in mail.outbox if member.email in m.to]
