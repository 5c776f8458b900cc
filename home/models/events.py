"""Events: meetings and sessions with time zone, place or online link, and iCal files."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock

from .base import BasePage

TIME_ZONE_CHOICES = [
    (name, name.replace("_", " "))
    for name in sorted(zoneinfo.available_timezones())
    if name.startswith(("America/", "Pacific/Honolulu", "UTC"))
]


class EventIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event index page")

    @path("")
    def upcoming(self, request):
        from home import selectors

        listing = selectors.event_listing(index_page=self, past=False, params=request.GET)
        return self.render(request, context_overrides={"listing": listing, "past": False})

    @path("past/")
    def past(self, request):
        from home import selectors

        listing = selectors.event_listing(index_page=self, past=True, params=request.GET)
        return self.render(request, context_overrides={"listing": listing, "past": True})

    @path("calendar/")
    def calendar(self, request):
        from home import calendar, selectors

        events = selectors.events_for_calendar(index_page=self)
        return _ics_response(
            calendar.calendar_ics(events=events, request=request, name=self.title), "calendar.ics"
        )


class EventPage(RoutablePageMixin, BasePage):
    start = models.DateTimeField()
    end = models.DateTimeField()
    time_zone = models.CharField(
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default=settings.TIME_ZONE,
        help_text=_("Times are shown to people in this time zone."),
    )
    location_name = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. Lakeshore County Library, Room B")
    )
    address = models.TextField(blank=True)
    online_url = models.URLField(blank=True, help_text=_("The link to join online, if people can."))
    agenda = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    minutes = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    parent_page_types = ["home.EventIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("location_name"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end"), FieldPanel("time_zone")], heading=_("When")),
        MultiFieldPanel(
            [FieldPanel("location_name"), FieldPanel("address"), FieldPanel("online_url")], heading=_("Where")
        ),
        MultiFieldPanel([FieldPanel("agenda"), FieldPanel("minutes")], heading=_("Documents")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("event page")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"
            ),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "The event must end after it starts."})

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.tz)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.tz)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("ical/")
    def ics(self, request):
        from home import calendar

        return _ics_response(
            calendar.calendar_ics(events=[self], request=request, name=self.title), f"{self.slug}.ics"
        )


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
