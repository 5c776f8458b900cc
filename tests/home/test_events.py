import datetime
import html
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from home import factories


@pytest.fixture
def events(event_index):
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    start = datetime.datetime(2031, 3, 4, 18, 0, tzinfo=chicago)
    upcoming = factories.EventPageFactory(
        parent=event_index,
        slug="kin-evening",
        title="Kinship evening",
        start=start,
        end=start + datetime.timedelta(hours=2),
        time_zone="America/Chicago",
        online_url="https://meet.example.org/kin",
    )
    past_start = timezone.now() - datetime.timedelta(days=30)
    past = factories.EventPageFactory(
        parent=event_index,
        slug="spring-meeting",
        title="Spring meeting",
        start=past_start,
        end=past_start + datetime.timedelta(hours=2),
    )
    return upcoming, past


@pytest.mark.django_db
def test_upcoming_and_past_views(client, events):
    upcoming = client.get("/events/").content.decode()
    past = client.get("/events/past/").content.decode()
    assert "Kinship evening" in upcoming and "Spring meeting" not in upcoming
    assert "Spring meeting" in past and "Kinship evening" not in past


@pytest.mark.django_db
def test_event_page_shows_local_time_with_zone(client, events):
    html = client.get("/events/kin-evening/").content.decode()
    assert "Tuesday, March 4, 2031, 6:00 PM" in html
    assert "CST" in html
    assert 'href="/events/kin-evening/ical/"' in html


@pytest.mark.django_db
def test_event_ical_parses_with_time_zone(client, events):
    response = client.get("/events/kin-evening/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Kinship evening"
    start = event.decoded("dtstart")
    assert start.utcoffset() == datetime.timedelta(hours=-6)
    assert start.astimezone(datetime.UTC) == datetime.datetime(2031, 3, 5, 0, 0, tzinfo=datetime.UTC)
    assert event["dtstart"].params["TZID"] == "America/Chicago"
    assert "meet.example.org" in str(event["location"])
    assert calendar.walk("VTIMEZONE")


@pytest.mark.django_db
def test_calendar_feed_lists_every_event(client, events):
    calendar = icalendar.Calendar.from_ical(client.get("/events/calendar/").content)
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == ["Kinship evening", "Spring meeting"]


@pytest.mark.django_db
def test_events_must_end_after_they_start(event_index):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    page = factories.EventPageFactory.build(start=start, end=start - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError):
        page.clean()


@pytest.mark.django_db
def test_bad_page_number_on_events_is_a_normal_page(client, events):
    response = client.get("/events/?page=zz")
    assert response.status_code == 200
    assert "a number" in html.unescape(response.content.decode())
