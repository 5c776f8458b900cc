"""Gzip for anonymous HTML (and feeds/sitemaps), never for anything that could carry a secret.

BREACH needs a secret (CSRF token, session-bound content) reflected in a compressed response
next to attacker-controlled input. We compress only responses that cannot hold one: the
request carries no cookie at all, the response sets none, no CSRF token was used while
rendering, and nobody is signed in — the same rules as the page cache. Placed right inside
`PageCacheMiddleware`, so the cache stores the compressed bytes (keyed by the encoding) and
a hit costs no compression.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = (
    "text/html",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
)


def anonymous_without_secrets(request, response) -> bool:
    if request.COOKIES or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type in COMPRESSIBLE_TYPES


class AnonymousGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not anonymous_without_secrets(request, response):
            return response
        return super().process_response(request, response)
