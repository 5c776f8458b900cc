"""Error pages in the site's look for what Django would answer with a bare page."""

import logging

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render

logger = logging.getLogger("portal.operations")


def csrf_failure(request, reason=""):
    # CSRF_FAILURE_VIEW: the form was stale or forged. Say what to do; log nothing secret.
    response = render(request, "errors/403_csrf.html", status=403)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    # Standalone (no request context): a forged Host must not be read again while rendering.
    if isinstance(exception, RequestDataTooBig):
        # A body over DATA_UPLOAD_MAX_MEMORY_SIZE: the same page nginx shows past its limit.
        logger.warning("request body too large on %s %s", request.method, request.path)
        response = render(None, "errors/413.html", status=413)
        response["Cache-Control"] = "no-store"
        return response
    return render(None, "errors/400.html", status=400)
