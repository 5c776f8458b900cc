"""Record a notification and send its e-mail in the background, as the person prefers."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from portal.extension_points import hidden_url_prefixes

from .messages import render
from .models import Delivery, Notification, NotificationKind, NotificationPreference, default_delivery
from .selectors import is_hidden_url


class NotificationError(Exception):
    pass


def delivery_for(*, user, kind: str) -> str:
    pref = (
        NotificationPreference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
    )
    return pref or default_delivery(kind)


def notify(
    *,
    recipient,
    kind: str,
    message: str = "",
    params: dict | None = None,
    text: str = "",
    url: str = "",
    dedupe_key: str = "",
) -> Notification | None:
    """Record a notification for `recipient` and, if they want it now, enqueue its e-mail.

    Pass `message`, an English message id marked with `gettext_noop`, and its `params`
    (see messages.py): the sentence is then translated for the recipient whenever it is
    read or mailed. `text` alone (a fixed sentence) is kept for callers that have no message.

    Returns None when nobody should be told (no account, a deleted account, or the
    same event already notified under `dedupe_key`).
    """
    if recipient is None or not recipient.is_active or getattr(recipient, "is_deidentified", False):
        return None
    if kind not in NotificationKind.values:
        raise NotificationError(f"Unknown notification kind {kind!r}")
    if url and is_hidden_url(url, hidden_url_prefixes(recipient)):
        return None  # about a private workgroup they are not (or no longer) in
    params = params or {}
    if message:
        with translation.override(settings.LANGUAGE_CODE):
            text = render(message, params)  # the English sentence, for staff and old readers
    elif not text:
        raise NotificationError("A notification needs a message or a text.")
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                text=text[:500],
                message=message,
                params=params,
                url=url,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        return None
    if delivery_for(user=recipient, kind=kind) == Delivery.IMMEDIATELY:
        from .tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification_id=notification.pk))
    return notification


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset.update(read_at=timezone.now())


@transaction.atomic
def preference_set(*, user, kind: str, delivery: str) -> NotificationPreference:
    if kind not in NotificationKind.values or delivery not in Delivery.values:
        raise NotificationError("Choose one of the listed options.")
    pref, _ = NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"delivery": delivery}
    )
    return pref


def notifications_deidentify(*, user) -> None:
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()


def digests_enqueue() -> int:
    """Queue one digest e-mail per person for un-mailed notifications of kinds set to daily."""
    from collections import defaultdict

    from .tasks import send_digest_email

    daily = set(NotificationPreference.objects.filter(delivery=Delivery.DAILY).values_list("user_id", "kind"))
    pending = Notification.objects.filter(emailed_at__isnull=True, recipient__is_active=True).values_list(
        "pk", "recipient_id", "kind"
    )
    by_user: dict[int, list[int]] = defaultdict(list)
    for pk, user_id, kind in pending:
        if (user_id, kind) in daily:
            by_user[user_id].append(pk)
    for user_id, ids in by_user.items():
        send_digest_email.enqueue(user_id=user_id, notification_ids=ids)
    return len(by_user)


def subscribers_notify(
    *, kind: str, url: str, dedupe_key: str, message: str = "", params: dict | None = None, text: str = ""
) -> int:
    """Notify everyone who chose to hear about an opt-in `kind` (e.g. new agency updates).

    `dedupe_key` makes a republished page tell nobody twice. Returns how many were told.
    """
    subscriber_ids = (
        NotificationPreference.objects.filter(kind=kind)
        .exclude(delivery=Delivery.OFF)
        .values_list("user_id", flat=True)
    )
    told = 0
    for recipient in get_user_model().objects.filter(pk__in=subscriber_ids, is_active=True):
        sent = notify(
            recipient=recipient,
            kind=kind,
            message=message,
            params=params,
            text=text,
            url=url,
            dedupe_key=dedupe_key,
        )
        told += sent is not None
    return told
