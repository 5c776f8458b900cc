"""Which language a request, a person or a URL is in (one place for the rules)."""

from django.conf import settings
from django.urls import URLResolver, get_resolver, translate_url
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

SUPPORTED = [code for code, _name in settings.LANGUAGES]


def supported(code: str | None) -> str | None:
    """The supported language for `code` ("es-MX" -> "es"), or None."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def user_language(user) -> str:
    """The language to write to a person in (e-mails, notifications)."""
    return supported(getattr(user, "language", "")) or settings.LANGUAGE_CODE


def is_translatable_path(path: str) -> bool:
    """True when `path` is served by the language-prefixed part of the URL configuration."""
    remaining = path.lstrip("/")
    with translation.override(settings.LANGUAGE_CODE):
        for pattern in get_resolver().url_patterns:
            try:
                match = pattern.resolve(remaining)
            except Resolver404:
                continue
            if match:
                return isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern)
    return False


def path_in(path: str, language: str) -> str:
    """The same path in another language (`/es/...` or unprefixed for the default)."""
    return translate_url(path, language)
