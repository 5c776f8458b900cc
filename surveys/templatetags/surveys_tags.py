from django import template

register = template.Library()


@register.filter
def cell(value, threshold):
    """A suppressed count as text: the number, "fewer than N" or "hidden"."""
    return value.display(threshold)
