"""`{% render_workgroup_sections page %}`: the sections apps add to a workgroup's page."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.extension_points import collect_workgroup_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def render_workgroup_sections(context, workgroup_page):
    request = context["request"]
    # Each section is a rendered (self-escaping) template; joining must not escape it again.
    return mark_safe(
        "".join(  # noqa: S308
            render_to_string(panel.template, {**panel.context, "panel": panel}, request=request)
            for panel in collect_workgroup_sections(request, workgroup_page)
        )
    )
