"""The language switcher: the same page in each other language."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from .. import languages

register = template.Library()


def _page_url_in(page, request, code: str) -> str:
    """The page's translation in `code`, else the same page under that language's prefix."""
    from portal.pagecache.lookups import remembered

    url = remembered("switcher", lambda: _translation_url(page, request, code), vary=f"{page.pk}:{code}")
    return url or languages.path_in(request.path, code)


def _translation_url(page, request, code: str) -> str | None:
    """The URL of the page's live translation in `code` (cached: publishing retires it)."""
    try:
        locale = Locale.objects.get_for_language(code)
        translated = page.get_translation_or_none(locale)
    except (Locale.DoesNotExist, AttributeError):
        translated = None
    if translated is not None and translated.live:
        with translation.override(code):
            url = translated.get_url(request=request)
        if url:
            return url
    return None


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url, current}] for the switcher (the choice goes through /language/)."""
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = context.get("page")
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        if page is not None and hasattr(page, "get_translation_or_none"):
            target = _page_url_in(page, request, code)
        else:
            target = languages.path_in(request.get_full_path(), code)
        url = reverse("i18n:choose", args=[code]) + "?" + urlencode({"next": target})
        links.append({"code": code, "name": name, "url": url})
    return links


@register.simple_tag(takes_context=True)
def page_in_other_language(context) -> bool:
    """True when the page shown is in another language than the interface (a fallback)."""
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return False
    # A page may carry its other languages in its own fields (surveys: `has_language`).
    has_language = getattr(page, "has_language", None)
    if has_language is not None and has_language(translation.get_language()):
        return False
    try:  # by id: the cached locales, no query for page.locale
        return locale_id != Locale.objects.get_for_language(translation.get_language()).pk
    except (Locale.DoesNotExist, LookupError):
        return True


@register.filter
def plain_date(value):
    """{{ when|plain_date }}: "March 15, 2027" / "15 de marzo de 2027"."""
    from ..dates import plain_date as render

    return render(value)


@register.filter
def plain_datetime(value):
    """{{ when|plain_datetime }}: "March 15, 2027, 6:00 p.m. Central time"."""
    from ..dates import plain_datetime as render

    return render(value)


@register.filter
def plain_time(value):
    """{{ when|plain_time }}: "6:00 p.m. Central time"."""
    from ..dates import plain_time as render

    return render(value)


@register.filter
def full_stop(value):
    """Close a sentence after a name without doubling a stop: "Dana R." stays "Dana R."."""
    text = str(value or "").rstrip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."
