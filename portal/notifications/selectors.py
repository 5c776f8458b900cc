import re
from urllib.parse import urlsplit

from django.db.models import Q, QuerySet

from portal.extension_points import hidden_url_prefixes

from .models import Notification, NotificationKind, NotificationPreference, default_delivery


def is_hidden_url(url: str, prefixes: list[str]) -> bool:
    """Does `url` point into something (a private workgroup) its reader may not see?"""
    path = urlsplit(url or "").path
    return any(path.startswith(prefix) for prefix in prefixes)


def _hidden(prefixes: list[str]) -> Q:
    hidden = Q(pk__in=[])
    for prefix in prefixes:
        hidden |= Q(url__startswith=prefix) | Q(url__regex=r"^https?://[^/]+" + re.escape(prefix))
    return hidden


def notifications_for(*, user) -> QuerySet[Notification]:
    """Their notifications, less any about a private workgroup they may (no longer) see."""
    return Notification.objects.filter(recipient=user).exclude(_hidden(hidden_url_prefixes(user)))


def unread_count(*, user) -> int:
    if not user.is_authenticated:
        return 0
    return notifications_for(user=user).filter(read_at__isnull=True).count()


def unread_count_for_request(request) -> int:
    """The reader's unread count, counted once per request: the header badge and the My portal
    panel both show it, and each count also works out which private workgroups to leave out."""
    if not hasattr(request, "_portal_unread_count"):
        request._portal_unread_count = unread_count(user=request.user)
    return request._portal_unread_count


def preferences_for(*, user) -> list[tuple[str, str, str]]:
    """(kind, label, delivery) for every kind, defaults filled in."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [
        (kind, label, chosen.get(kind, default_delivery(kind))) for kind, label in NotificationKind.choices
    ]
