from django import template

register = template.Library()


@register.simple_tag
def breadcrumb_trail(page):
    """The page's ancestors below the tree root (home first); empty on the home page."""
    if page is None or getattr(page, "depth", 0) <= 2:
        return []
    from portal.pagecache.lookups import remembered

    def build():  # titles and addresses change by publishing or moving: both retire it
        return list(page.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "path", "depth"))

    return remembered("breadcrumbs", build, vary=page.path)


@register.simple_tag(takes_context=True)
def querystring_with(context, **kwargs):
    """The current filters (a Listing's) with some values replaced, for pagination links."""
    listing = context.get("listing")
    params = dict(listing.filters) if listing is not None else {}
    params.update(kwargs)
    from urllib.parse import urlencode

    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


@register.simple_tag(takes_context=True)
def render_initiative_related(context, initiative):
    """Panels other apps registered under INITIATIVE_RELATED (home/extension_points.py)."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from home.extension_points import collect_initiative_related

    request = context["request"]
    return mark_safe(
        "".join(
            render_to_string(
                panel.template, {**panel.context, "panel": panel, "initiative": initiative}, request=request
            )
            for panel in collect_initiative_related(request, initiative)
        )
    )
