"""Outages answer the site's 503 page with Retry-After instead of a 500 traceback.

- The database cannot be reached (OperationalError / InterfaceError): every request
  answers 503; Django reconnects by itself on the next request once it is back.
- Redis is down and a security counter cannot be checked (`SecurityCacheUnavailable`):
  the action is refused with the same page, never allowed unchecked.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.shortcuts import render

from .cache import SecurityCacheUnavailable

logger = logging.getLogger("portal.operations")


def service_unavailable(request, reason: str = "database"):
    retry_after = int(getattr(settings, "SERVICE_RETRY_AFTER_SECONDS", 30))
    # A standalone template: no context processors, so nothing here touches the database.
    response = render(None, "errors/503.html", {"retry_after": retry_after, "reason": reason}, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def outage_response(request):
    """For handler500: the 503 page when the error being handled is an outage, else None.

    Django turns an exception raised in a middleware's process_view (e.g. a rate limit that
    cannot reach Redis) into a 500 before ServiceUnavailableMiddleware sees it; handler500
    runs inside that `except`, so the exception is still at hand.
    """
    error = sys.exc_info()[1]
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            logger.error("database unavailable on %s %s: %s", request.method, request.path, error)
            return service_unavailable(request, "database")
        if isinstance(error, SecurityCacheUnavailable):
            logger.error("security cache unavailable on %s %s", request.method, request.path)
            return service_unavailable(request, "limits")
        error = error.__cause__ or error.__context__
    return None


class ServiceUnavailableMiddleware:
    """Outermost useful layer: catches what views and inner middleware raise."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            # Raised by middleware before the view (sessions, auth) or while rendering.
            return self._database_down(request, error)
        except SecurityCacheUnavailable:
            return self._cache_down(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self._database_down(request, exception)
        if isinstance(exception, SecurityCacheUnavailable):
            return self._cache_down(request)
        return None

    def _database_down(self, request, error):
        logger.error("database unavailable on %s %s: %s", request.method, request.path, error)
        return service_unavailable(request, "database")

    def _cache_down(self, request):
        logger.error("security cache unavailable on %s %s", request.method, request.path)
        return service_unavailable(request, "limits")
