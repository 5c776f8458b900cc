"""Template filters for the engagement screens."""

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from surveys.suppression import SMALL, Cell, suppress_single

register = template.Library()


@register.filter
def suppressed(value, threshold=None):
    """A count as text after small-cell suppression: the number, "fewer than N" or "hidden".

    Takes a `Cell` from the suppression module, or a plain count (suppressed on its own).
    """
    threshold = threshold or settings.SUPPRESSION_THRESHOLD
    if not isinstance(value, Cell):
        value = suppress_single(int(value or 0), threshold=threshold)
    if not value.hidden:
        return number_format(value.value, force_grouping=True)
    if value.kind == SMALL:
        return _("fewer than %(threshold)s") % {"threshold": threshold}
    return _("hidden")


@register.filter
def cqi_cell(value):
    """A CQI table cell as text: suppressed counts in words, numbers grouped (engagement.cqi.tables)."""
    from engagement.cqi.tables import show

    return show(value)
