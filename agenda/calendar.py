"""iCalendar for workgroup meetings. Public feeds never carry place or call details."""

from django.utils import timezone
from icalendar import Calendar, Event

from home.calendar import PRODID


def meetings_ics(*, meetings, request, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    host = request.get_host().split(":")[0]
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("summary", meeting.title)
        event.add("dtstart", meeting.starts_at)
        event.add("dtend", meeting.ends_at)
        event.add("dtstamp", timezone.now())
        url = meeting.get_full_url(request)
        if url:
            event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()
