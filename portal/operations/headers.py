"""Response headers every page needs: no-store on private pages, Permissions-Policy."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

# Paths whose responses are about one person (or staff work) and must never be stored by a
# browser or a shared cache, whoever asks.
DEFAULT_NO_STORE_PREFIXES = (
    "/accounts/",
    "/me/",
    "/notifications/",
    "/moderation/",
    "/admin/",
)


class PrivateHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(getattr(settings, "NO_STORE_PATH_PREFIXES", DEFAULT_NO_STORE_PREFIXES))
        self.permissions_policy = getattr(
            settings,
            "PERMISSIONS_POLICY",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        )

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefixes) or (
            request.user.is_authenticated if hasattr(request, "user") else False
        ):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        if self.permissions_policy and not response.has_header("Permissions-Policy"):
            response["Permissions-Policy"] = self.permissions_policy
        return response


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
