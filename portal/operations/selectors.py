"""Reads of the operations app: the outbox screen."""

from django.db.models import Count

from .models import OutboxMessage

SCREEN_LIMIT = 200


def outbox_unsent(limit: int = SCREEN_LIMIT):
    """Mail not sent yet (waiting, being sent, given up), the ones needing attention first."""
    rows = OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).defer("payload")
    return rows.order_by("-status", "next_attempt_at", "pk")[:limit]  # failed, sending, pending


def outbox_counts() -> dict:
    counts = dict(
        OutboxMessage.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in OutboxMessage.Status.values}
