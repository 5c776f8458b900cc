"""Render Django form fields with USWDS classes and accessible descriptions."""

from django import template

register = template.Library()

_WIDGET_CLASSES = {
    "select": "usa-select",
    "selectmultiple": "usa-select",
    "textarea": "usa-textarea",
}


@register.simple_tag
def uswds_widget(field):
    """The field's widget with its USWDS class, aria-describedby and aria-invalid."""
    css = _WIDGET_CLASSES.get(field.widget_type, "usa-input")
    attrs = {"class": css}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        attrs["class"] = f"{css} usa-input--error"
        attrs["aria-invalid"] = "true"
        described_by.append(f"{field.auto_id}-error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def is_choice_list(field) -> bool:
    return field.widget_type in {"checkboxselectmultiple", "radioselect"}
