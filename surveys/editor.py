"""The skip-rule chooser in the page editor: the script and the fixed answer lists it offers."""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext as _

from .questionnaire.schema import OTHER, Question
from .questionnaire.skip_logic import TARGET_TYPES


def skip_logic_options() -> dict:
    """What the chooser needs that is not in the form: the answers of fixed-answer question types."""
    fixed = {
        kind: Question(id="", type=kind, label="").options
        for kind in TARGET_TYPES
        if kind not in ("single_choice", "multiple_choice")
    }
    return {
        "types": fixed,
        "other": OTHER,
        "other_label": _("Other (please say)"),
        "label": _("Show this only when"),
        "always": _("Always show"),
        "when": _("“%(question)s” is answered “%(answer)s”"),
        "not_valid": _("Current rule, not valid:"),
    }


def editor_js() -> str:
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(skip_logic_options(), "skip-logic-options"),
        static("surveys/skip_logic.js"),
    )
