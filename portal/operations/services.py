"""Writes of the operations app: putting outbox mail back for delivery."""

import logging

from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger("portal.operations")
RETRYABLE = (OutboxMessage.Status.FAILED, OutboxMessage.Status.SENDING)


def outbox_retry(*, message_ids, by=None) -> int:
    """Failed mail (or mail left "being sent" by a killed worker) waits again, due now.

    Sent and already waiting mail is left alone, so a double click never sends twice.
    """
    count = OutboxMessage.objects.filter(pk__in=list(message_ids), status__in=RETRYABLE).update(
        status=OutboxMessage.Status.PENDING, next_attempt_at=timezone.now(), claimed_at=None
    )
    logger.info("outbox: %s message(s) put back for delivery by %s", count, getattr(by, "pk", "command"))
    return count
