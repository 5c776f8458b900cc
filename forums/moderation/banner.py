"""The admin's danger notice: a warning in Wagtail's message area while a danger item waits.

Shown only to people who may act on danger items (`forums.moderate_comment`), on admin pages
that render a template (never added to a redirect, so it never lingers). The count is cached,
so an admin page costs no query when nothing waits; moderation services clear it on change.
"""

from django.contrib import messages
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors

DANGER_COUNT_KEY = "moderation:danger-count"
DANGER_COUNT_SECONDS = 60


def danger_count_cached() -> int:
    count = cache.get(DANGER_COUNT_KEY)
    if count is None:
        count = selectors.danger_count()
        cache.set(DANGER_COUNT_KEY, count, DANGER_COUNT_SECONDS)
    return count


def danger_count_changed() -> None:
    cache.delete(DANGER_COUNT_KEY)


def sees_danger_banner(user) -> bool:
    return user.is_authenticated and user.has_perm("forums.moderate_comment")


class DangerBannerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_template_response(self, request, response):
        if not request.path.startswith(reverse("wagtailadmin_home")) or not sees_danger_banner(request.user):
            return response
        count = danger_count_cached()
        if count:
            messages.warning(
                request,
                format_html(
                    '<strong data-testid="danger-banner">{}</strong> {} <a href="{}">{}</a>',
                    _("Someone may be in danger."),
                    ngettext("%(count)d report waiting.", "%(count)d reports waiting.", count)
                    % {"count": count},
                    reverse("moderation_admin:queue"),
                    _("Open the review queue now"),
                ),
                extra_tags="moderation-danger-message",
            )
        return response
