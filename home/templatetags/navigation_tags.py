from django import template
from wagtail.models import Page, Site

from portal.pagecache.fragments import cached_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """Top-level pages under the site root marked 'show in menus' (fragment-cached per generation)."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_portal_main_navigation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        items = cached_fragment(
            "main-navigation",
            lambda: list(
                Page.objects.child_of(site.root_page)
                .live()
                .public()
                .in_menu()
                .only("id", "title", "url_path", "path", "depth")
            ),
            vary=site.pk,
        )
    request._portal_main_navigation = items
    return items
