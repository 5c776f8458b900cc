"""Background e-mail: run by the task worker (`manage.py db_worker` in production)."""

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from portal.extension_points import hidden_url_prefixes
from portal.i18n.languages import user_language

from .emails import ALL_KINDS, absolute, build_message
from .models import Notification
from .selectors import is_hidden_url


@task()
def send_notification_email(*, notification_id: int) -> bool:
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at is not None or not notification.recipient.email:
        return False
    user = notification.recipient
    if is_hidden_url(notification.url, hidden_url_prefixes(user)):
        return False  # they left the private workgroup before the e-mail went
    with translation.override(user_language(user)):  # written in the recipient's language
        message = build_message(
            user=user,
            subject=notification.get_kind_display(),
            template="notification",
            context={
                "notification": notification,
                "url": absolute(notification.url) if notification.url else "",
            },
            kind=notification.kind,
        )
    message.send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True


@task()
def send_digest_email(*, user_id: int, notification_ids: list[int]) -> bool:
    notifications = list(
        Notification.objects.select_related("recipient")
        .filter(pk__in=notification_ids, recipient_id=user_id, emailed_at__isnull=True)
        .order_by("created_at")
    )
    if not notifications or not notifications[0].recipient.email:
        return False
    user = notifications[0].recipient
    prefixes = hidden_url_prefixes(user)
    notifications = [n for n in notifications if not is_hidden_url(n.url, prefixes)]
    if not notifications:
        return False
    items = [(n, absolute(n.url) if n.url else "") for n in notifications]
    with translation.override(user_language(user)):  # written in the recipient's language
        message = build_message(
            user=user,
            subject=_("Your daily summary"),
            template="digest",
            context={"items": items},
            kind=ALL_KINDS,
        )
    message.send()
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=timezone.now())
    return True
