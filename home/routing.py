"""Routing a request from the home page in two queries whatever the depth.

Wagtail's `Page.route` walks the tree one level at a time, two queries a level (the child by
slug, then its specific row): a topic three levels down cost six. Here every page on the path
is read in one query (by slug, below the home page), the walk is done in memory with Wagtail's
rules — a live routable page's own sub-routes (e.g. /workgroups/plan/) come before its children;
a page that is not live still routes to its children — and only the page that answers is read
specifically. Page types that override `route` itself would not be honoured (none does;
RoutablePageMixin's rule is built in).

The page a plain address leads to (no sub-route) is the same for every reader until a page is
published, moved or deleted, so it is kept in the fragment cache by address: a signed-in
reader, whose pages are never page-cached, is routed with no query. Addresses that lead nowhere
(404) or to a sub-route are never stored, so invented addresses cannot fill the cache.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from portal.pagecache.lookups import attach_locale, remembered


class _SubRoute(Exception):  # noqa: N818 - not an error: carries a result that is not cached
    def __init__(self, result: RouteResult):
        self.result = result


def route(root, request, components: list[str]) -> RouteResult:
    def build():
        result = _walk(root, request, components)
        if result.args:
            raise _SubRoute(result)
        return result.page

    try:
        page = remembered("route", build, vary=f"{root.pk}:{'/'.join(components)}")
    except _SubRoute as sub_route:
        return sub_route.result
    attach_locale(page)
    return RouteResult(page)


def _walk(root, request, components: list[str]) -> RouteResult:
    pages = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(components),
        slug__in=set(components),
    )
    by_parent_and_slug = {(page.path[: -Page.steplen], page.slug): page for page in pages}
    page, remaining = root, list(components)
    while True:
        cls = page.specific_class or type(page)
        if issubclass(cls, RoutablePageMixin) and page.live:
            path = "/" + "".join(f"{part}/" for part in remaining)
            try:  # the class's routes: the specific row is read only if one matches
                cls.get_resolver().resolve(path)
            except Http404:
                pass
            else:
                page = page if isinstance(page, cls) else page.specific
                attach_locale(page)
                match = page.resolve_subpage(path)
                request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(page, args=(view, args, kwargs))
        if not remaining:
            if not page.live:
                raise Http404
            page = page if isinstance(page, cls) else page.specific
            attach_locale(page)
            return RouteResult(page)
        child = by_parent_and_slug.get((page.path, remaining[0]))
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page, remaining = child, remaining[1:]
