"""Pick the language of each request.

- A `/es/...` prefix decides; unprefixed pages are English (the default, no prefix).
- On an unprefixed page a remembered choice (signed-in person's profile, else the language
  cookie set by the switcher) or, on a first visit without a cookie, the browser's
  Accept-Language sends GET requests to the same page in that language. A prefixed page
  never redirects, so there is no loop; choosing English sets the cookie to "en".
- No cookie is ever set here: pages stay cache-friendly (`Vary` says what they depend on).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import languages


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        request.portal_language_redirect = None
        if request.method not in ("GET", "HEAD"):
            return None
        if translation.get_language_from_path(request.path_info):
            return None  # explicit prefix: the URL decides
        wanted = self._remembered(request) or self._first_visit(request)
        if not wanted or wanted == settings.LANGUAGE_CODE:
            return None
        if not languages.is_translatable_path(request.path_info):
            return None
        target = languages.path_in(request.get_full_path(), wanted)
        if target and target != request.get_full_path():
            response = HttpResponseRedirect(target)
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
            return response
        return None

    @staticmethod
    def _remembered(request) -> str | None:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "language", ""):
            return languages.supported(user.language)
        return languages.supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))

    @staticmethod
    def _first_visit(request) -> str | None:
        if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
            return None
        header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        if not header:
            return None
        for code, _quality in translation.trans_real.parse_accept_lang_header(header):
            if code == "*":
                return None
            found = languages.supported(code)
            if found:
                return found
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if not translation.get_language_from_path(request.path_info):
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response
