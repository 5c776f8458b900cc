"""Serve anonymous GETs from the shared `pages` cache and store cacheable responses.

Placed just inside the outage middleware, outside everything else (headers, CSP, sessions,
CSRF, messages), so a hit costs one cache round trip and the store sees every cookie and
header the inner middlewares set on the way out. Bypassed for: any cookie in the request, non-GET/HEAD,
forged or wildcard hosts, unknown query parameters, the paths in PAGECACHE_BYPASS_PATHS, and
the benchmark's secret header. Stored only for 200 responses that set no cookie, used no CSRF
token, are not streaming and are not marked private/no-store.
"""

import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.cache import patch_vary_headers

from . import cache as pagecache

logger = logging.getLogger(__name__)
DEFAULT_BYPASS_PATHS = (
    "/admin/",
    "/accounts/",
    "/me/",
    "/notifications/",
    "/moderation/",
    "/surveys/-/",
    "/workgroups/-/",
    "/documents/",
    "/healthz",
    "/search/",
    # Partners are edited in admin viewsets with no service to say what changed.
    "/engagement/",
)


def _path_without_language(path: str) -> str:
    """`/es/me/` is `/me/` for the rules: a language prefix never makes a private path public."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def _bypass_header_matches(request) -> bool:
    token = getattr(settings, "PAGECACHE_BYPASS_TOKEN", "")
    return bool(token) and request.headers.get("X-Pagecache-Bypass") == token


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = getattr(settings, "PAGECACHE_TIMEOUT", 600)
        self.bypass_paths = tuple(getattr(settings, "PAGECACHE_BYPASS_PATHS", DEFAULT_BYPASS_PATHS))
        # Static files and uploads are nginx's (or WhiteNoise's) and never cached here.
        self.bypass_paths += tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p and p != "/")

    def __call__(self, request):
        scope = pagecache.request_scope()
        try:
            return self._respond(request)
        finally:
            pagecache.end_request_scope(scope)

    def _respond(self, request):
        cache = pagecache.backend()
        address = self._address(request) if cache is not None else None
        if address is None:
            return self.get_response(request)
        try:
            key, generation, cached = pagecache.lookup(cache, **address)
        except Exception:
            logger.exception("page cache: read failed; serving uncached")
            return self.get_response(request)
        if cached is not None:
            cached["X-Page-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if self._storable(request, response):
            try:
                pagecache.store(cache, key, generation, response, timeout=self.timeout)
            except Exception:
                logger.exception("page cache: write failed; serving uncached")
            response["X-Page-Cache"] = "MISS"
        return response

    def _address(self, request) -> dict | None:
        if request.method not in ("GET", "HEAD") or request.COOKIES:
            return None
        if "*" in settings.ALLOWED_HOSTS or _bypass_header_matches(request):
            return None
        if _path_without_language(request.path).startswith(self.bypass_paths):
            return None
        try:
            host = request.get_host()  # validated against ALLOWED_HOSTS
        except DisallowedHost:
            return None
        query = pagecache.normalised_query(request.GET)
        if query is None:
            return None
        encoding = pagecache.encoding_of(request)
        return {"host": host, "path": request.path, "query": query, "encoding": encoding}

    def _storable(self, request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "")
        if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
            return False
        if getattr(request, "_messages", None) is not None and len(request._messages._queued_messages):
            return False
        patch_vary_headers(response, ("Cookie",))
        return True
