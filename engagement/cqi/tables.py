"""What a CQI table cell says, the same on screen and in the CSV/XLSX exports."""

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from surveys.suppression import SMALL, Cell


def show(value, threshold: int | None = None) -> str:
    """A suppressed `Cell` as "fewer than N" or "hidden"; numbers grouped; text unchanged."""
    threshold = threshold or settings.SUPPRESSION_THRESHOLD
    if isinstance(value, Cell):
        if not value.hidden:
            return number_format(value.value, force_grouping=True)
        if value.kind == SMALL:
            return _("fewer than %(threshold)s") % {"threshold": threshold}
        return _("hidden")
    if value is None:
        return "–"
    if isinstance(value, int | float):
        return number_format(value, force_grouping=True)
    return str(value)


def export_value(value):
    """Exports keep plain numbers as numbers (spreadsheets can sum them), the rest as text."""
    if isinstance(value, Cell) and not value.hidden:
        return value.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return show(value)
