"""SMTP down: the action keeps its mail in the outbox; it is sent later, exactly once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from portal.operations.mail import deliver_due
from portal.operations.models import OutboxMessage
from tests.services import SmtpSink, free_port

pytestmark = pytest.mark.django_db(transaction=True)

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def outbox_settings(settings):
    settings.EMAIL_BACKEND = "portal.operations.mail.OutboxEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there yet: SMTP is down
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    settings.OUTBOX_MAX_ATTEMPTS = 3
    settings.OUTBOX_BACKOFF_SECONDS = 60
    return settings


def make_due():
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_smtp_down_mail_kept_then_sent_once(outbox_settings):
    # The immediate task backend tries at once (on commit): SMTP is down, so it stays.
    assert mail.send_mail("Hello", "Body", None, ["member@example.org"]) == 1
    row = OutboxMessage.objects.get()
    assert row.status == OutboxMessage.Status.PENDING
    assert row.attempts == 1
    assert "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=50)  # backoff

    assert deliver_due() == {"sent": 0, "retry": 0, "failed": 0}  # not due yet
    sink = SmtpSink(outbox_settings.EMAIL_PORT).start()
    try:
        make_due()
        assert deliver_due()["sent"] == 1
        make_due()
        assert deliver_due()["sent"] == 0  # never twice
        call_command("outbox", "deliver")
    finally:
        sink.stop()
    assert len(sink.messages) == 1
    assert b"Subject: Hello" in sink.messages[0]
    row.refresh_from_db()
    assert row.status == OutboxMessage.Status.SENT


def test_rolled_back_action_sends_nothing(outbox_settings):
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Hello", "Body", None, ["member@example.org"])
        raise RuntimeError("the action failed")
    assert not OutboxMessage.objects.exists()


def test_gives_up_after_max_attempts_and_retry_command(outbox_settings):
    mail.send_mail("Hello", "Body", None, ["member@example.org"])
    for _ in range(2):
        make_due()
        deliver_due()
    row = OutboxMessage.objects.get()
    assert (row.status, row.attempts) == (OutboxMessage.Status.FAILED, 3)
    call_command("outbox", "retry", str(row.pk))
    row.refresh_from_db()
    assert row.status == OutboxMessage.Status.PENDING


def test_claimed_row_is_not_sent_again(outbox_settings):
    # A worker killed after claiming (status "sending") must not lead to a second send.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        mail.send_mail("Hello", "Body", None, ["member@example.org"])
    OutboxMessage.objects.update(status=OutboxMessage.Status.SENDING)
    make_due()
    assert deliver_due() == {"sent": 0, "retry": 0, "failed": 0}
