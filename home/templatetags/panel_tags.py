from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.extension_points import collect_header_links, collect_panels
from portal.pagecache.fragments import cached_fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panels(context, hook_name):
    """Render every panel apps registered under `hook_name`, in their order."""
    request = context["request"]

    def render():
        # Each panel is a rendered template (escaped by its own template); joining them must not
        # escape the markup a second time.
        return mark_safe(
            "".join(  # noqa: S308
                render_to_string(panel.template, {**panel.context, "panel": panel}, request=request)
                for panel in collect_panels(hook_name, request)
            )
        )

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return render()
    # Anonymous visitors all see the same panels: cached per page-cache generation (issue 13).
    return cached_fragment(f"panels:{hook_name}", render, vary=request.get_host())


@register.simple_tag(takes_context=True)
def header_links(context):
    return collect_header_links(context["request"])
