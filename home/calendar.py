"""iCalendar files for events (one event, or a whole calendar feed)."""

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Lakeshore County Family Services//Family Partnership Portal//EN"


def calendar_ics(*, events, request, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_event_component(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event_component(event, request) -> Event:
    component = Event()
    host = request.get_host().split(":")[0]
    component.add("uid", f"event-{event.pk}@{host}")
    component.add("summary", event.title)
    component.add("dtstart", event.local_start)
    component.add("dtend", event.local_end)
    component.add("dtstamp", event.last_published_at or timezone.now())
    url = event.get_full_url(request)
    if url:
        component.add("url", url)
    location = ", ".join(part for part in [event.location_name, event.address.replace("\n", ", ")] if part)
    if event.online_url:
        location = f"{location} (online: {event.online_url})" if location else event.online_url
    if location:
        component.add("location", location)
    description = event.intro or ""
    if event.online_url:
        description = f"{description}\n\nJoin online: {event.online_url}".strip()
    if description:
        component.add("description", description)
    return component
