"""Turn rate-limit refusals into the site's 429 page with a Retry-After header."""

from django_ratelimit.exceptions import Ratelimited

from portal.views import too_many_requests

DEFAULT_RETRY_AFTER_SECONDS = 60


class RateLimitedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            # allauth answers its own limits with a bare 429; give it the site's page.
            if "text/html" in response.get("Content-Type", ""):
                return too_many_requests(request, DEFAULT_RETRY_AFTER_SECONDS)
            response["Retry-After"] = str(DEFAULT_RETRY_AFTER_SECONDS)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Ratelimited):
            return too_many_requests(request, DEFAULT_RETRY_AFTER_SECONDS)
        return None
