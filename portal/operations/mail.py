"""An e-mail backend that writes to the outbox; a task delivers with retries and backoff.

- `OutboxEmailBackend.send_messages` stores each message in `OutboxMessage` inside the
  caller's transaction: if the action rolls back, so does its mail; if SMTP is down, the
  action still succeeds and answers at once.
- `deliver_due()` claims due rows (`SELECT … FOR UPDATE SKIP LOCKED`, status "sending",
  committed) before talking to SMTP, so two workers never send the same row, and a worker
  killed mid-send leaves the row "sending": it is never sent a second time automatically
  (at most once); `manage.py outbox` lists such rows for an operator to retry.
- A failure puts the row back with `next_attempt_at = now + OUTBOX_BACKOFF_SECONDS ×
  2^(attempts-1)` until OUTBOX_MAX_ATTEMPTS, then "failed".
"""

import logging
import pickle
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger("portal.operations.mail")


def _enqueue_delivery():
    from .tasks import deliver_outbox

    try:
        deliver_outbox.enqueue()
    except Exception:  # the cron sweeper (`manage.py outbox deliver`) picks it up
        logger.exception("could not enqueue outbox delivery")


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        now = timezone.now()
        rows = [
            OutboxMessage(
                subject=str(message.subject)[:998],
                recipients=list(message.recipients()),
                payload=pickle.dumps(message),
                next_attempt_at=now,
            )
            for message in email_messages
            if message.recipients()
        ]
        OutboxMessage.objects.bulk_create(rows)
        transaction.on_commit(_enqueue_delivery)
        return len(rows)


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=settings.OUTBOX_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0))


def _claim(limit):
    with transaction.atomic():
        rows = list(
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=timezone.now())
            .order_by("next_attempt_at", "id")[:limit]
        )
        OutboxMessage.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=OutboxMessage.Status.SENDING, claimed_at=timezone.now()
        )
    return rows


def deliver_due(limit: int = 100) -> dict:
    """Send what is due; returns counts. Safe to run from several workers at once."""
    counts = {"sent": 0, "retry": 0, "failed": 0}
    rows = _claim(limit)
    if not rows:
        return counts
    connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)
    for row in rows:
        message = pickle.loads(row.payload)  # noqa: S301 (rows written by our backend only)
        message.connection = connection
        try:
            message.send(fail_silently=False)
        except Exception as error:  # noqa: BLE001 (SMTP down, refused, timed out: retry)
            row.attempts += 1
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            if row.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                row.status = OutboxMessage.Status.FAILED
                counts["failed"] += 1
                logger.error("outbox %s: giving up after %s attempts", row.pk, row.attempts)
            else:
                row.status = OutboxMessage.Status.PENDING
                row.next_attempt_at = timezone.now() + backoff(row.attempts)
                counts["retry"] += 1
                logger.warning("outbox %s: attempt %s failed: %s", row.pk, row.attempts, error)
            row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            continue
        row.attempts += 1
        row.status = OutboxMessage.Status.SENT
        row.sent_at = timezone.now()
        row.save(update_fields=["attempts", "status", "sent_at"])
        counts["sent"] += 1
    return counts
