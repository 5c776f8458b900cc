"""Wagtail's per-render lookups, answered from the fragment cache (issue 13 goal 3).

Every uncached render asked PostgreSQL the same things again: the Site for the host (and its
root page), the Locale of the active language (Wagtail asks up to six times per page: routing,
`page.localized`, the language switcher) and the list of private sections (`.public()` on every
listing, the view-restriction check on every page served). These change only when a Site,
Locale or PageViewRestriction is saved or deleted, and those saves bump the page-cache
generation (`portal/pagecache/signals.py`), so the answers are kept in the fragment cache with
the same rule as the pages built from them: never staler than the cached pages themselves.

Within one request each answer is also remembered in memory (`remembered`), so a lookup costs
at most one cache read per request; outside a request (commands, tasks) nothing is remembered.
Without the `pages` cache every lookup is built from the database as Wagtail does.
"""

import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.http.request import split_domain_port, validate_host

from .fragments import cached_fragment

_local = threading.local()


def _start(**kwargs) -> None:
    _local.memo = {}


def _finish(**kwargs) -> None:
    _local.memo = None


request_started.connect(_start, dispatch_uid="pagecache-lookups-start")
request_finished.connect(_finish, dispatch_uid="pagecache-lookups-finish")


def remembered(name: str, build, *, vary: object = ""):
    """`cached_fragment(name, build)`, read once per request."""
    memo = getattr(_local, "memo", None)
    if memo is None:
        return cached_fragment(name, build, vary=vary)
    key = (name, vary)
    if key not in memo:
        memo[key] = cached_fragment(name, build, vary=vary)
    return memo[key]


def per_request(name: str, build):
    """`build()` once per request (never cached across requests); outside a request, built."""
    memo = getattr(_local, "memo", None)
    if memo is None:
        return build()
    key = ("per-request", name)
    if key not in memo:
        memo[key] = build()
    return memo[key]


# --- locales -----------------------------------------------------------------------------


def _all_locales() -> dict[str, object]:
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.all_objects.all()}


def locales() -> dict[str, object]:
    """{language_code: Locale} of every locale (a handful of rows)."""
    return remembered("locales", _all_locales)


def get_for_language(manager, language_code):
    """`LocaleManager.get_for_language` from the cached locales (same lookup, same errors)."""
    from wagtail.coreutils import get_supported_content_language_variant

    code = get_supported_content_language_variant(language_code)
    locale = locales().get(code)
    if locale is None:
        raise manager.model.DoesNotExist(f"Locale matching query does not exist ({code}).")
    return locale


def attach_locale(page) -> None:
    """Set `page.locale` from the cached locales, so templates reading it cost no query."""
    locale = next((x for x in locales().values() if x.pk == page.locale_id), None)
    if locale is not None:
        page.locale = locale


# --- private sections --------------------------------------------------------------------


def _restricted_sections() -> list[tuple[str, int]]:
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", "page__depth").distinct())


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page with a view restriction: the roots of private sections."""
    return remembered("restricted-sections", _restricted_sections)


def private_q(queryset) -> Q:
    """`PageQuerySet.private_q` from the cached sections: the same filter Wagtail builds."""
    q = Q()
    for path, depth in restricted_sections():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


def may_be_restricted(page) -> bool:
    """False when `page` is certainly in no private section (so Wagtail's view-restriction
    check can be skipped); aliases always get Wagtail's full check (their source decides)."""
    if page.alias_of_id is not None or _has_aliases():
        return True
    return any(page.path.startswith(path) for path, _depth in restricted_sections())


def _any_alias() -> bool:
    from wagtail.models import Page

    return Page.objects.filter(alias_of__isnull=False).exists()


def _has_aliases() -> bool:
    return remembered("has-aliases", _any_alias)


# --- sites -------------------------------------------------------------------------------


def _cacheable_host(hostname: str) -> bool:
    """Only hosts that passed ALLOWED_HOSTS get a cache entry: a forged Host header cannot
    fill the cache with one entry per invented name."""
    allowed = settings.ALLOWED_HOSTS
    return "*" not in allowed and validate_host(hostname, allowed)


def find_site(request, find):
    """`Site._find_for_request` through the cache, with the root page already specific (the
    home page is rendered from it: page publish, move and delete retire it)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    if not _cacheable_host(hostname):
        return find(request)
    port = request.get_port()

    def build():
        site = find(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    return remembered("site", build, vary=f"{hostname}:{port}")


# --- links to pages in rich text ---------------------------------------------------------


def page_link_tags(attrs_list: list[dict], expand) -> list[str]:
    """The `<a href>` tags of rich-text links to pages (Wagtail: one query for the pages and
    one per link under /es/ for its translation), cached per set of linked pages and language."""
    import hashlib

    from django.utils import translation

    ids = ",".join(str(attrs.get("id")) for attrs in attrs_list)
    digest = hashlib.sha256(ids.encode()).hexdigest()[:32]
    return remembered("page-links", lambda: expand(attrs_list), vary=f"{digest}:{translation.get_language()}")
