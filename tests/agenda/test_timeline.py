"""The review's public timeline: phases with dates, the current one, its linked pages."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from agenda.models import ReviewRound, RoundPhase
from home.cfsr import ReviewPhase
from portal.extension_points import HOME_PANELS, collect_panels

from .conftest import make_meeting

pytestmark = pytest.mark.django_db


def _round(**kwargs):
    today = timezone.localdate()
    review = ReviewRound.objects.create(title="CFSR Round 4", is_current=True, **kwargs)
    for i, phase in enumerate(ReviewPhase):
        RoundPhase.objects.create(
            round=review,
            phase=phase,
            sort_order=i,
            starts_on=today + datetime.timedelta(days=(i - 1) * 100 - 50),
            ends_on=today + datetime.timedelta(days=(i - 1) * 100 + 49),
            happening=f"Happening {i}",
        )
    return review


def test_timeline_shows_five_phases_and_the_current_one(client):
    _round()
    body = client.get(reverse("agenda_timeline")).content.decode()
    for phase in ReviewPhase:
        assert str(phase.label) in body
    assert body.count('aria-current="step"') == 1
    assert body.index('aria-current="step"') > body.index("Statewide assessment")


def test_current_phase_on_the_home_page_panel(rf):
    _round()
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    panels = [
        p for p in collect_panels(HOME_PANELS, request) if p.template == "agenda/panels/current_phase.html"
    ]
    assert panels and panels[0].context["phase"].phase == ReviewPhase.ONSITE_REVIEW


def test_only_one_current_round(db):
    ReviewRound.objects.create(title="A", is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.create(title="B", is_current=True)


def test_private_pages_never_listed(client, workgroup, private_workgroup):
    review = _round()
    phase = review.phases.first()
    phase.related_pages.set(
        [make_meeting(workgroup, title="Open meeting"), make_meeting(private_workgroup, title="Secret one")]
    )
    phase.save()
    body = client.get(reverse("agenda_timeline")).content.decode()
    assert "Open meeting" in body and "Secret one" not in body


def test_past_round_and_missing_round(client):
    past = ReviewRound.objects.create(title="CFSR Round 3")
    _round()
    assert "CFSR Round 3" in client.get(reverse("agenda_timeline_round", args=[past.pk])).content.decode()
    assert client.get(reverse("agenda_timeline_round", args=[99999])).status_code == 404


def test_timeline_queries_do_not_grow(client, workgroup, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    review = _round()
    phase = review.phases.first()
    phase.related_pages.set([make_meeting(workgroup, title="M1")])
    phase.save()
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("agenda_timeline"))
    phase.related_pages.add(*[make_meeting(workgroup, title=f"M{i}", days=10 + i) for i in range(2, 7)])
    phase.save()
    with django_assert_max_num_queries(len(small) + 6):  # pageurl resolves each page's site once per page
        client.get(reverse("agenda_timeline"))
