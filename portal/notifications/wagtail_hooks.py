"""Registration only: the header badge, the My portal panel, data export and deletion."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from portal.extension_points import (
    HEADER_LINKS,
    MY_PORTAL_PANELS,
    USER_DATA_EXPORT,
    USER_DEIDENTIFY,
    HeaderLink,
    Panel,
)

from . import selectors, services


@hooks.register(HEADER_LINKS)
def notifications_header_link(request):
    if not request.user.is_authenticated:
        return []
    count = selectors.unread_count_for_request(request)
    return [
        HeaderLink(
            label=_("Notifications"),
            url=reverse("notifications:list"),
            badge=count or None,
            badge_label=ngettext("%(count)d unread", "%(count)d unread", count) % {"count": count},
        )
    ]


@hooks.register(MY_PORTAL_PANELS)
def my_notifications_panel(request):
    if not request.user.is_authenticated:
        return None
    recent = list(selectors.notifications_for(user=request.user)[:5])
    return Panel(
        title=_("Notifications"),
        template="notifications/panels/my_notifications.html",
        context={"notifications": recent, "unread": selectors.unread_count_for_request(request)},
        order=10,
    )


@hooks.register(USER_DATA_EXPORT)
def export_notifications(user):
    return "notifications", {
        "notifications": [
            {
                "kind": n.kind,
                "text": n.sentence,
                "url": n.url,
                "created": n.created_at.isoformat(),
                "read": n.read_at.isoformat() if n.read_at else None,
            }
            for n in selectors.notifications_for(user=user)
        ],
        "preferences": {kind: delivery for kind, _label, delivery in selectors.preferences_for(user=user)},
    }


@hooks.register(USER_DEIDENTIFY)
def deidentify_notifications(user):
    services.notifications_deidentify(user=user)
