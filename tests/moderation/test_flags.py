import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forums.models import CommentState
from forums.moderation import services
from forums.moderation.models import CommentReview, Flag, FlagReason, HoldCode, SanctionKind
from portal.accounts.factories import UnverifiedUserFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_flag_once_then_already_reported(make_comment, user):
    comment = make_comment()
    services.flag_add(user=user, comment=comment, reason=FlagReason.SPAM)
    with pytest.raises(services.AlreadyReported, match="already reported"):
        services.flag_add(user=user, comment=comment, reason=FlagReason.ABUSIVE)
    assert Flag.objects.filter(comment=comment).count() == 1
    assert CommentReview.objects.get(comment=comment).waiting_since is not None
    assert ModelLogEntry.objects.filter(object_id=str(comment.pk), action="moderation.flag").count() == 1


def test_unverified_and_suspended_people_cannot_flag(make_comment, moderator):
    comment = make_comment()
    with pytest.raises(services.NotAllowed):
        services.flag_add(user=UnverifiedUserFactory(), comment=comment, reason=FlagReason.SPAM)
    suspended = UserFactory()
    services.sanction_add(by=moderator, user=suspended, kind=SanctionKind.SUSPEND, reason="Spam", days=1)
    with pytest.raises(services.NotAllowed):
        services.flag_add(user=suspended, comment=comment, reason=FlagReason.SPAM)


def test_other_needs_a_note_and_own_comment_cannot_be_flagged(make_comment, user):
    comment = make_comment()
    with pytest.raises(services.ModerationError, match="Other"):
        services.flag_add(user=user, comment=comment, reason=FlagReason.OTHER)
    mine = make_comment(author=user)
    with pytest.raises(services.ModerationError, match="your own"):
        services.flag_add(user=user, comment=mine, reason=FlagReason.SPAM)


def test_three_distinct_flags_hide_pending_review(make_comment, settings, django_capture_on_commit_callbacks):
    comment = make_comment()
    reporters = [UserFactory() for _ in range(3)]
    services.flag_add(user=reporters[0], comment=comment, reason=FlagReason.SPAM)
    services.flag_add(user=reporters[1], comment=comment, reason=FlagReason.SPAM)
    comment.refresh_from_db()
    assert comment.state == CommentState.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        services.flag_add(user=reporters[2], comment=comment, reason=FlagReason.OFF_TOPIC)
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN
    decision = comment.decisions.get()
    assert decision.actor is None and decision.reason == "spam"
    assert CommentReview.objects.get(comment=comment).hold_code == HoldCode.FLAGS
    assert comment.author.notifications.filter(text__contains="hidden").exists()


def test_personal_information_flag_from_a_member_hides_at_once(make_comment, member):
    comment = make_comment()
    services.flag_add(user=member, comment=comment, reason=FlagReason.PERSONAL_INFO)
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN
    assert comment.decisions.get().reason == "personal_info"


def test_personal_information_flag_from_staff_hides_at_once(make_comment, make_staff):
    comment = make_comment()
    services.flag_add(user=make_staff("Editors"), comment=comment, reason=FlagReason.PERSONAL_INFO)
    comment.refresh_from_db()
    assert comment.state == CommentState.HIDDEN


def test_personal_information_flag_from_a_non_member_waits(make_comment, user):
    comment = make_comment()
    services.flag_add(user=user, comment=comment, reason=FlagReason.PERSONAL_INFO)
    comment.refresh_from_db()
    assert comment.state == CommentState.PUBLISHED


def test_danger_flag_alerts_on_call_once_and_sorts_first(
    make_comment, user, moderator, settings, django_capture_on_commit_callbacks
):
    from forums.moderation.selectors import queue

    settings.MODERATION_ONCALL_EMAILS = ["oncall@example.org"]
    older = make_comment(state=CommentState.PENDING)
    comment = make_comment()
    with django_capture_on_commit_callbacks(execute=True):
        services.flag_add(user=user, comment=comment, reason=FlagReason.DANGER, note="She says he hits her")
        services.flag_add(user=UserFactory(), comment=comment, reason=FlagReason.DANGER)
    assert [m.to for m in mail.outbox] == [["oncall@example.org"]]
    assert "danger" in mail.outbox[0].subject
    assert list(queue(user=moderator))[:2] == [comment, older]
    assert (
        ModelLogEntry.objects.filter(object_id=str(comment.pk), action="moderation.danger_alert").count() == 1
    )


def test_flag_view_shows_safety_numbers_after_a_danger_report(client, make_comment, user):
    comment = make_comment()
    client.force_login(user)
    url = reverse("moderation:flag", args=[comment.pk])
    page = client.get(url)
    assert page.status_code == 200 and "1-800-555-0199" in page.content.decode()
    response = client.post(url, {"reason": "danger", "note": ""})
    assert response.status_code == 200
    body = response.content.decode()
    assert "1-800-555-0199" in body and "911" in body and "on call" in body
    again = client.post(url, {"reason": "spam"}, follow=True)
    assert "already reported" in again.content.decode()


def test_flag_view_errors_keep_the_note_and_honeypot_does_nothing(client, make_comment, user):
    comment = make_comment()
    client.force_login(user)
    url = reverse("moderation:flag", args=[comment.pk])
    response = client.post(url, {"reason": "other", "note": ""})
    assert response.status_code == 400 and "Tell us a little more" in response.content.decode()
    response = client.post(url, {"reason": "spam", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Flag.objects.exists()


def test_flag_view_needs_sign_in_and_a_visible_comment(client, make_comment, user):
    comment = make_comment()
    url = reverse("moderation:flag", args=[comment.pk])
    assert client.get(url).status_code == 302
    client.force_login(user)
    hidden = make_comment(state=CommentState.HIDDEN)
    assert client.get(reverse("moderation:flag", args=[hidden.pk])).status_code == 404


def test_data_export_and_deidentify(make_comment, user, moderator):
    comment = make_comment()
    services.flag_add(user=user, comment=comment, reason=FlagReason.OTHER, note="He named my neighbour")
    services.sanction_add(by=moderator, user=user, kind=SanctionKind.SILENCE, reason="Test", days=1)
    name, data = services.user_moderation_export(user)
    assert name == "moderation"
    assert data["reports_made"][0]["note"] == "He named my neighbour"
    assert data["account_limits"][0]["kind"] == "silence"
    services.user_moderation_deidentify(user)
    assert Flag.objects.get(user=user).note == ""
