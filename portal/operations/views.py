"""Error pages in the site's look for what Django would answer with a bare page."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    # CSRF_FAILURE_VIEW: the form was stale or forged. Say what to do; log nothing secret.
    response = render(request, "errors/403_csrf.html", status=403)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    # Standalone (no request context): a forged Host must not be read again while rendering.
    return render(None, "errors/400.html", status=400)
