import pytest
from wagtail.models import ModelLogEntry

from forums.models import CommentState
from forums.moderation import services
from forums.moderation.models import Action, CommentReview, ModerationDecision, Reason
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db
S = CommentState

LEGAL = [
    (Action.APPROVE, S.PENDING, S.PUBLISHED),
    (Action.REJECT, S.PENDING, S.REJECTED),
    (Action.HIDE, S.PUBLISHED, S.HIDDEN),
    (Action.RESTORE, S.HIDDEN, S.PUBLISHED),
    (Action.REMOVE, S.HIDDEN, S.REMOVED),
    (Action.REMOVE, S.PUBLISHED, S.REMOVED),
]
LEGAL_PAIRS = {(a, f) for a, f, _ in LEGAL}
ILLEGAL = [(a, s) for a in Action.values for s in S.values if (a, s) not in LEGAL_PAIRS]


def test_every_legal_transition_records_logs_and_notifies(
    make_comment, moderator, django_capture_on_commit_callbacks
):
    for action, from_state, to_state in LEGAL:
        comment = make_comment(state=from_state)
        with django_capture_on_commit_callbacks(execute=True):
            decision = services.comment_decide(
                comment=comment, by=moderator, action=action, reason=Reason.OFF_TOPIC, note="see rules"
            )
        comment.refresh_from_db()
        assert comment.state == to_state, action
        assert (decision.from_state, decision.to_state, decision.actor, decision.note) == (
            from_state,
            to_state,
            moderator,
            "see rules",
        )
        entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action=f"moderation.{action}")
        assert entry.user_id == moderator.pk and entry.data["reason"] == "off_topic"
        note = Notification.objects.get(recipient=comment.author, kind=NotificationKind.MODERATION_DECISION)
        assert comment.topic.title in note.text
        if action != Action.APPROVE and action != Action.RESTORE:
            assert "off topic" in note.text


def test_every_illegal_transition_is_refused_and_logged(make_comment, moderator):
    for action, state in ILLEGAL:
        comment = make_comment(state=state)
        with pytest.raises(services.IllegalTransition):
            services.comment_decide(comment=comment, by=moderator, action=action, reason=Reason.SPAM)
        comment.refresh_from_db()
        assert comment.state == state
        assert not ModerationDecision.objects.filter(comment=comment).exists()
        assert ModelLogEntry.objects.filter(object_id=str(comment.pk), action="moderation.refused").exists()


def test_named_services_match_the_state_machine(make_comment, moderator):
    pending = make_comment(state=S.PENDING)
    services.comment_approve(comment=pending, by=moderator)
    services.comment_hide(comment=pending, by=moderator, reason=Reason.ABUSIVE)
    services.comment_restore(comment=pending, by=moderator)
    services.comment_remove(comment=pending, by=moderator, reason=Reason.SPAM)
    other = make_comment(state=S.PENDING)
    services.comment_reject(comment=other, by=moderator, reason=Reason.PERSONAL_INFO)
    assert list(pending.decisions.values_list("action", flat=True)) == [
        "remove",
        "restore",
        "hide",
        "approve",
    ]
    other.refresh_from_db()
    assert other.state == S.REJECTED


def test_reason_required_from_the_list_and_note_for_other(make_comment, moderator):
    comment = make_comment(state=S.PENDING)
    with pytest.raises(services.ModerationError, match="reason from the list"):
        services.comment_reject(comment=comment, by=moderator, reason="because")
    with pytest.raises(services.ModerationError, match="Other"):
        services.comment_reject(comment=comment, by=moderator, reason=Reason.OTHER, note="  ")
    services.comment_reject(comment=comment, by=moderator, reason=Reason.OTHER, note="Duplicate")


def test_facilitator_acts_only_in_own_workgroup(make_comment, facilitator, other_facilitator):
    comment = make_comment(state=S.PENDING)
    with pytest.raises(services.NotAllowed):
        services.comment_approve(comment=comment, by=other_facilitator)
    comment.refresh_from_db()
    assert comment.state == S.PENDING
    services.comment_approve(comment=comment, by=facilitator)
    comment.refresh_from_db()
    assert comment.state == S.PUBLISHED


def test_decision_leaves_the_queue(make_comment, moderator):
    comment = make_comment(state=S.PENDING)
    assert CommentReview.objects.get(comment=comment).waiting_since is not None  # held: it waits
    services.comment_approve(comment=comment, by=moderator)
    assert CommentReview.objects.get(comment=comment).waiting_since is None
    services.comment_hide(comment=comment, by=moderator, reason=Reason.ABUSIVE)
    assert CommentReview.objects.get(comment=comment).waiting_since is not None


def test_approving_a_reply_notifies_the_parent_author(
    make_comment, moderator, django_capture_on_commit_callbacks
):
    parent = make_comment()
    reply = make_comment(state=S.PENDING, parent=parent)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=reply, by=moderator)
    assert Notification.objects.filter(recipient=parent.author, kind=NotificationKind.REPLY).exists()
