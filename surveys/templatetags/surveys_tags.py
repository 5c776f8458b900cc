from django import template

from ..results.charts import cell_text, percent_text
from ..results.language import results_in_language

register = template.Library()


@register.filter
def cell(value, threshold):
    """A suppressed count as text in the page's language: the number, "fewer than N" or "hidden"."""
    return cell_text(value, threshold)


@register.filter
def percent(value):
    """A percentage in the page's language ("12.5%", "12,5 %")."""
    return percent_text(value)


@register.simple_tag
def results_in_page_language(results):
    """The results with questions, choices, statements and chart texts in the page's language
    (the same counts; the views hand over the English-keyed results)."""
    return results_in_language(results)
