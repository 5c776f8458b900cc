"""A notification's sentence, written in the reader's language when it is read or mailed.

The event stores an English message id (marked with `gettext_noop`) and its parameters;
`render` translates it in whatever language is active. Parameters that are themselves
words to translate (a moderation reason) or moments (a meeting's start) are stored as
small tagged dicts, so they too come out in the reader's language.
"""

from datetime import datetime

from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext


def words(msgid: str, *, lower: bool = False) -> dict:
    """A parameter that is an English phrase to translate for the reader.

    `msgid` may be a lazy label (a TextChoices label): it is stored untranslated.
    """
    with translation.override(None):
        return {"msgid": str(msgid), "lower": lower}


def moment(value: datetime) -> dict:
    """A parameter that is a date and time, formatted for the reader's language."""
    return {"datetime": value.isoformat()}


def _param(value):
    if not isinstance(value, dict):
        return value
    if "msgid" in value:
        text = gettext(value["msgid"])
        return text.lower() if value.get("lower") else text
    if "datetime" in value:
        from portal.i18n.dates import plain_datetime

        moment_ = parse_datetime(value["datetime"])
        return plain_datetime(moment_) if moment_ else ""
    return ""


def render(message: str, params: dict) -> str:
    """`message` translated into the active language, with `params` filled in."""
    translated = gettext(message)
    values = {key: _param(value) for key, value in (params or {}).items()}
    try:
        return translated % values
    except (KeyError, TypeError, ValueError):
        # A translation that lost a placeholder must never hide the notification.
        return message % values
