"""Response headers every page needs: no-store on private pages, Permissions-Policy."""

import re

from django.conf import settings
from django.utils.cache import add_never_cache_headers

# Paths whose responses are about one person (or staff work) and must never be stored by a
# browser or a shared cache, whoever asks.
DEFAULT_NO_STORE_PREFIXES = (
    "/accounts/",
    "/me/",
    "/notifications/",
    "/moderation/",
    "/admin/",  # also the newer apps' screens: /admin/agenda/..., /admin/drafts/...
    "/documents/",  # a document may belong to a private workgroup's collection
)
# Anywhere in the path (routable pages have no fixed prefix): results and every export or
# download of non-public data. Open data (/open-data/..., /api/v2/) stays cacheable.
DEFAULT_NO_STORE_PATH_PATTERNS = (
    r"/results/",  # survey results (admin) and any results view
    r"^/surveys/-/\d+/summary/",  # a survey's published summary: results, never stored
    r"/export/",  # survey responses, workgroup plans, paragraph drafts
    r"/meeting\.ics$",  # a workgroup meeting's calendar file
    r"/download/",  # a person's own data (/me/download/)
)


class PrivateHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(getattr(settings, "NO_STORE_PATH_PREFIXES", DEFAULT_NO_STORE_PREFIXES))
        patterns = getattr(settings, "NO_STORE_PATH_PATTERNS", DEFAULT_NO_STORE_PATH_PATTERNS)
        self.pattern = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        self.permissions_policy = getattr(
            settings,
            "PERMISSIONS_POLICY",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self._no_store(request):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        if self.permissions_policy and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = self.permissions_policy
        return response

    def _no_store(self, request) -> bool:
        # Whoever asks: an anonymous request for an export gets a redirect that is not
        # stored either.
        if request.path.startswith(self.prefixes):
            return True
        if self.pattern is not None and self.pattern.search(request.path):
            return True
        return request.user.is_authenticated if hasattr(request, "user") else False


ADMIN_RELAXED_POLICY = {
    # Wagtail's admin ships inline scripts and styles: it gets its own policy, still
    # same-origin only. Public pages keep the strict policy (no inline script or style).
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}


class AdminCspMiddleware:
    """Placed after csp.middleware.CSPMiddleware: relaxes the policy for /admin/ only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_replace = ADMIN_RELAXED_POLICY
        return response
