"""Abuse limits and the honeypot for public forms: posting, reporting and joining.

Per signed-in person and per IP (IP limit = the person's limit x MODERATION_RATE_LIMIT_IP_FACTOR),
with django-ratelimit's cache counters. A limit answers with the 429 page, a Retry-After
header and the text the person typed, so nothing is lost.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

LIMITED_VIEWS = {
    "forums:comment_create": "comment",
    "forums:join": "join",
    "moderation:flag": "flag",
}
HONEYPOT_FIELD = "website"


def _scaled(rate: str, factor: int) -> str:
    count, period = rate.split("/", 1)
    return f"{int(count) * factor}/{period}"


def limit_usage(request, kind: str) -> dict | None:
    """Count this try; the usage that is over its limit, or None."""
    rate = settings.MODERATION_RATE_LIMITS[kind]
    checks = [("ip", _scaled(rate, settings.MODERATION_RATE_LIMIT_IP_FACTOR))]
    if request.user.is_authenticated:
        checks.insert(0, ("user", rate))
    for key, key_rate in checks:
        usage = get_usage(
            request, group=f"moderation.{kind}.{key}", key=key, rate=key_rate, method="POST", increment=True
        )
        if usage and usage["should_limit"]:
            return usage
    return None


def _back(request) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    if url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return "/"


class AbuseLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        kind = LIMITED_VIEWS.get(request.resolver_match.view_name)
        if kind is None:
            return None
        if request.POST.get(HONEYPOT_FIELD):
            logger.info("honeypot filled on %s from %s", kind, request.META.get("REMOTE_ADDR"))
            messages.success(request, _("Thank you."))
            return HttpResponseRedirect(_back(request))
        usage = limit_usage(request, kind)
        if usage is None:
            return None
        retry_after = max(1, int(usage.get("time_left") or 60))
        logger.warning("rate limit %s hit by user %s", kind, getattr(request.user, "pk", None))
        typed = request.POST.get("body") or request.POST.get("note") or ""
        response = render(
            request,
            "moderation/429.html",
            {"retry_after": retry_after, "typed": typed, "back": _back(request), "kind": kind},
            status=429,
        )
        response["Retry-After"] = str(retry_after)
        return response
