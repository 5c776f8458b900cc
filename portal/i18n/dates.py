"""The portal's one way of writing a date or a moment, per language, with the time zone in words.

English: "March 15, 2027, 6:00 p.m. Central time"; Spanish: "15 de marzo de 2027, 6:00 p. m.,
hora del centro". The patterns are Django formats (portal/formats/<lang>/formats.py); the
template filters `plain_date` and `plain_datetime` (portal_i18n) call these.
"""

from datetime import date, datetime

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

# Django writes the meridiem with its own catalogue ("p.m."); listing it here puts it in
# ours, so Spanish reads "p. m." as the agency's style guide asks.
gettext_noop("a.m.")
gettext_noop("p.m.")

ZONE_NAMES = {
    "America/Chicago": _("Central time"),
    "America/New_York": _("Eastern time"),
    "America/Denver": _("Mountain time"),
    "America/Phoenix": _("Mountain time"),
    "America/Los_Angeles": _("Pacific time"),
    "America/Anchorage": _("Alaska time"),
    "Pacific/Honolulu": _("Hawaii time"),
    "UTC": _("UTC"),
}


def zone_name(value: datetime | None = None) -> str:
    """The portal's time zone in words ("Central time"), else its abbreviation ("CST")."""
    name = ZONE_NAMES.get(settings.TIME_ZONE)
    if name:
        return str(name)
    moment = timezone.localtime(value) if value is not None else timezone.localtime()
    return moment.tzname() or settings.TIME_ZONE


def plain_date(value: date | datetime | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATE_FORMAT")


def plain_datetime(value: datetime | None) -> str:
    """Date, time and time zone: "March 15, 2027, 6:00 p.m. Central time"."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime):
        return plain_date(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    # Translators: a date and time followed by the time zone in words.
    return gettext("%(datetime)s %(zone)s") % {
        "datetime": formats.date_format(value, "DATETIME_FORMAT"),
        "zone": zone_name(value),
    }


def plain_time(value: datetime | None) -> str:
    """Time and time zone only: "6:00 p.m. Central time"."""
    if value is None or value == "":
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return gettext("%(datetime)s %(zone)s") % {
        "datetime": formats.time_format(value, "TIME_FORMAT"),
        "zone": zone_name(value),
    }
