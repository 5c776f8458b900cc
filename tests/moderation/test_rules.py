from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from forums.factories import CommentFactory
from forums.models import CommentState
from forums.moderation.models import BlockedTerm, CommentReview, HoldCode, SanctionKind, TermKind
from forums.moderation.services import comment_approve, sanction_add
from forums.services import comment_post

pytestmark = pytest.mark.django_db


def _post(author, topic, body="A thoughtful remark about the subsidy draft."):
    return comment_post(author=author, topic=topic, body=body)


def test_first_comments_held_until_one_is_approved(newcomer, topic, moderator, settings):
    settings.MODERATION_NEW_ACCOUNT_HOURS = 0
    first = _post(newcomer, topic)
    second = _post(newcomer, topic)
    assert first.state == second.state == CommentState.PENDING
    assert "moderators read the first comments of new members" in first.held_reason
    assert first.review.hold_code == HoldCode.NEW_AUTHOR
    comment_approve(comment=first, by=moderator)
    assert _post(newcomer, topic).state == CommentState.PUBLISHED


def test_first_comments_setting_zero_turns_the_rule_off(newcomer, topic, settings):
    settings.MODERATION_NEW_ACCOUNT_HOURS = 0
    settings.MODERATION_HOLD_FIRST_COMMENTS = 0
    assert _post(newcomer, topic).state == CommentState.PUBLISHED


def test_new_account_held(veteran, topic, settings):
    veteran.date_joined = timezone.now() - timedelta(hours=2)
    veteran.save()
    CommentFactory(author=veteran, topic=topic)  # one published already
    comment = _post(veteran, topic)
    assert comment.state == CommentState.PENDING
    assert comment.held_reason == "held for review because your account is new"


def test_veteran_publishes(veteran, topic):
    CommentFactory(author=veteran, topic=topic)
    assert _post(veteran, topic).state == CommentState.PUBLISHED


def test_more_than_two_links_from_a_new_author(veteran, topic):
    veteran.date_joined = timezone.now() - timedelta(days=3)
    veteran.save()
    CommentFactory(author=veteran, topic=topic)
    two = "See https://a.example/x and https://b.example/y"
    three = two + " and www.c.example"
    assert _post(veteran, topic, two).state == CommentState.PUBLISHED
    held = _post(veteran, topic, three)
    assert held.state == CommentState.PENDING
    assert held.review.hold_code == HoldCode.LINKS


def test_links_from_an_established_author_publish(veteran, topic):
    CommentFactory(author=veteran, topic=topic)
    body = "https://a.example https://b.example https://c.example https://d.example"
    assert _post(veteran, topic, body).state == CommentState.PUBLISHED


@pytest.mark.parametrize(
    "body",
    [
        "Call the mom at 616-555-0134",
        "Her DOB is 4/2/2013",
        "Case number JV-2023-0441 is ours",
        "They live at 14 Birch Lane",
    ],
)
def test_personal_data_held_with_plain_reason(veteran, topic, body):
    CommentFactory(author=veteran, topic=topic)
    comment = _post(veteran, topic, body)
    assert comment.state == CommentState.PENDING
    assert comment.held_reason == (
        "held for review because it may contain personal information about a child or family"
    )


def test_the_2024_plan_is_not_held(veteran, topic):
    CommentFactory(author=veteran, topic=topic)
    assert _post(veteran, topic, "the 2024 plan needs more respite care").state == CommentState.PUBLISHED


def test_blocked_terms_moderators_edit(veteran, topic):
    CommentFactory(author=veteran, topic=topic)
    assert _post(veteran, topic, "Buy cheap pills here").state == CommentState.PUBLISHED
    BlockedTerm.objects.create(term="Cheap Pills", kind=TermKind.BLOCKED)
    comment = _post(veteran, topic, "Buy cheap pills here")
    assert comment.state == CommentState.PENDING
    assert comment.review.hold_code == HoldCode.BLOCKED_WORDS


def test_danger_words_hold_and_alert_on_call(veteran, topic, settings, django_capture_on_commit_callbacks):
    settings.MODERATION_ONCALL_EMAILS = ["oncall@example.org", "lead@example.org"]
    CommentFactory(author=veteran, topic=topic)
    with django_capture_on_commit_callbacks(execute=True):
        comment = _post(veteran, topic, "I am not safe at home and nobody listens")
    assert comment.state == CommentState.PENDING
    assert "someone is in danger" in comment.held_reason
    assert "1-800-555-0199" in comment.held_reason and "911" in comment.held_reason
    review = CommentReview.objects.get(comment=comment)
    assert review.is_danger and review.danger_alerted_at is not None
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"oncall@example.org", "lead@example.org"}
    assert f"/admin/moderation/comments/{comment.pk}/" in mail.outbox[0].body


def test_danger_terms_from_the_admin_list(veteran, topic):
    CommentFactory(author=veteran, topic=topic)
    BlockedTerm.objects.create(term="runaway tonight", kind=TermKind.DANGER)
    comment = _post(veteran, topic, "My cousin says runaway tonight is the plan")
    assert comment.review.is_danger


def test_silenced_author_is_held(veteran, topic, moderator):
    CommentFactory(author=veteran, topic=topic)
    sanction_add(by=moderator, user=veteran, kind=SanctionKind.SILENCE, reason="Insults", days=3)
    comment = _post(veteran, topic)
    assert comment.state == CommentState.PENDING
    assert comment.review.hold_code == HoldCode.SANCTIONED


@pytest.mark.parametrize("role", ["staff", "facilitator"])
def test_staff_and_facilitators_are_trusted(role, topic, facilitator, make_staff):
    author = facilitator if role == "facilitator" else make_staff("Editors")
    comment = _post(
        author, topic, "Call 616-555-0134 for the info session, 3 links: https://a https://b https://c"
    )
    assert comment.state == CommentState.PUBLISHED


def test_rules_can_be_switched_off(newcomer, topic, settings):
    settings.MODERATION_HOLD_RULES_ENABLED = False
    assert _post(newcomer, topic, "616-555-0134").state == CommentState.PUBLISHED


def test_editing_in_personal_data_hides_the_comment(veteran, topic):
    from forums.services import comment_edit

    CommentFactory(author=veteran, topic=topic)
    comment = _post(veteran, topic, "A harmless first version.")
    assert comment.state == CommentState.PUBLISHED
    comment_edit(user=veteran, comment=comment, body="Now with her number: 616-555-0199")
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN
    decision = comment.decisions.get()
    assert decision.actor is None and decision.reason == "personal_info"
