from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import languages, services


def choose_language(request, language):
    """The switcher's link: remember the choice (cookie, profile) and go to `next`."""
    code = languages.supported(language)
    if code is None or code not in languages.SUPPORTED:
        raise Http404
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=code)
    response["Cache-Control"] = "no-store"
    return response


def serve(request, path):
    """Wagtail's page view; a page not translated yet is shown in the default language."""
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        if translation.get_language() == settings.LANGUAGE_CODE:
            raise
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [part for part in path.split("/") if part]
    root = site.root_page.specific
    try:
        request._wagtail_route_for_request = root.route(request, components)
    except Http404:
        raise Http404 from None
    page = request._wagtail_route_for_request[0]
    if not isinstance(page, Page):
        raise Http404
    return wagtail_views.serve(request, path)
