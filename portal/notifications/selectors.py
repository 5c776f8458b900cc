from django.db.models import QuerySet

from .models import Notification, NotificationKind, NotificationPreference, default_delivery


def notifications_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_for(*, user) -> list[tuple[str, str, str]]:
    """(kind, label, delivery) for every kind, defaults filled in."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [
        (kind, label, chosen.get(kind, default_delivery(kind))) for kind, label in NotificationKind.choices
    ]
