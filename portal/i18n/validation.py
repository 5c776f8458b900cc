"""The portal's own plain validation messages, used by every public form instead of Django's.

"Enter a date like 03/15/2027", "Choose a number from 0 to 12", "Please answer this question":
one wording per situation, in the reader's language (the messages are lazy).
"""

from datetime import date
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import formats
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PLEASE_ANSWER = _("Please answer this question.")
CHOOSE_LISTED = _("Choose one of the listed answers.")
EXAMPLE_DATE = date(2027, 3, 15)


def _number(value) -> str:
    value = Decimal(str(value))
    return formats.number_format(int(value) if value == value.to_integral_value() else value)


def _date_message() -> str:
    example = formats.date_format(EXAMPLE_DATE, "SHORT_DATE_FORMAT")
    return gettext("Enter a date like %(example)s.") % {"example": example}


date_message = lazy(_date_message, str)


def text_messages(*, required=PLEASE_ANSWER) -> dict:
    return {
        "required": required,
        "max_length": _(
            "Please keep it shorter: at most %(limit_value)d characters (you wrote %(show_value)d)."
        ),
    }


def choice_messages(*, required=PLEASE_ANSWER) -> dict:
    return {"required": required, "invalid_choice": CHOOSE_LISTED, "invalid_list": CHOOSE_LISTED}


def date_messages(*, required=PLEASE_ANSWER) -> dict:
    return {"required": required, "invalid": date_message()}


def number_messages(*, required=PLEASE_ANSWER) -> dict:
    return {
        "required": required,
        "invalid": _("Enter a number, like 3 or 2.5."),
        "max_decimal_places": _("Use at most %(max)s digits after the decimal point."),
        "max_digits": _("Enter a shorter number."),
        "max_whole_digits": _("Enter a shorter number."),
    }


def _range_message(low, high):
    def message() -> str:
        if low is not None and high is not None:
            values = {"min": _number(low), "max": _number(high)}
            return gettext("Choose a number from %(min)s to %(max)s.") % values
        if low is not None:
            return gettext("Enter a number of %(min)s or more.") % {"min": _number(low)}
        return gettext("Enter a number of %(max)s or less.") % {"max": _number(high)}

    return lazy(message, str)()


def range_validators(low, high) -> list:
    """Min/max validators that both say the whole allowed range."""
    message = _range_message(low, high)
    validators = []
    if low is not None:
        validators.append(MinValueValidator(low, message=message))
    if high is not None:
        validators.append(MaxValueValidator(high, message=message))
    return validators
