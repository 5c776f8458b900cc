"""One date style per language, with the time zone said in words."""

from datetime import date, datetime

from django.template import Context, Template
from django.utils import timezone, translation

from portal.i18n.dates import plain_date, plain_datetime, plain_time

MOMENT = timezone.make_aware(datetime(2027, 3, 15, 18, 0), timezone.get_fixed_timezone(-300))  # 6 p.m. CDT


def test_english_date_and_time(settings):
    settings.TIME_ZONE = "America/Chicago"
    with translation.override("en"):
        assert plain_datetime(MOMENT) == "March 15, 2027, 6:00 p.m. Central time"
        assert plain_date(date(2027, 3, 15)) == "March 15, 2027"
        assert plain_time(MOMENT) == "6:00 p.m. Central time"


def test_spanish_date_and_time(settings):
    settings.TIME_ZONE = "America/Chicago"
    with translation.override("es"):
        assert plain_datetime(MOMENT) == "15 de marzo de 2027, 6:00 p. m., hora del centro"
        assert plain_date(date(2027, 3, 15)) == "15 de marzo de 2027"


def test_template_filter_uses_the_active_language(settings):
    settings.TIME_ZONE = "America/Chicago"
    template = Template("{% load portal_i18n %}{{ when|plain_datetime }}")
    with translation.override("es"):
        assert template.render(Context({"when": MOMENT})).startswith("15 de marzo de 2027")


def test_unknown_zone_falls_back_to_its_abbreviation(settings):
    settings.TIME_ZONE = "Europe/London"
    with translation.override("en"):
        assert plain_datetime(MOMENT).endswith(("GMT", "BST"))
