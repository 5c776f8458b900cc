"""The analysts' panel on the Wagtail dashboard: who sees it, what it counts, what it hides."""

import random
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from surveys.factories import SurveyPageFactory, bulk_responses
from surveys.models import Invitation

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

ROLES = [
    ("Survey analysts", True),
    ("Administrators", True),
    ("Editors", False),
    ("Moderators", False),
    ("Facilitators", False),
]


def _staff(client, role):
    person = UserFactory(roles=[role])
    totp_activate(user=person, secret=SECRET)
    client.force_login(person)
    return person


@pytest.mark.django_db
@pytest.mark.parametrize("role, sees_panel", ROLES)
def test_open_surveys_panel_audience(client, members_survey, role, sees_panel):
    _staff(client, role)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert (b'id="open-surveys' in response.content) is sees_panel
    results_link = reverse("surveys_admin:results", args=[members_survey.pk]).encode()
    assert (results_link in response.content) is sees_panel


@pytest.mark.django_db
def test_panel_lists_open_surveys_with_counts_rate_and_closing_date(client, index, youth_group):
    closes = timezone.now() + timedelta(days=9)
    busy = SurveyPageFactory(title="Busy survey", target_groups=[youth_group], closes_at=closes)
    bulk_responses(busy, 12, random.Random(1))
    Invitation.objects.bulk_create(Invitation(survey=busy, token_hash=f"{i:064x}") for i in range(24))
    SurveyPageFactory(
        title="Closed survey",
        target_groups=[youth_group],
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(days=1),
    )
    _staff(client, "Survey analysts")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="open-surveys') :]
    assert "Busy survey" in panel and "Closed survey" not in panel
    assert "<td>12</td>" in panel and "<td>50%</td>" in panel
    assert closes.strftime("%-d %b %Y") in panel


@pytest.mark.django_db
def test_panel_hides_small_response_counts(client, members_survey):
    bulk_responses(members_survey, 2, random.Random(2))
    Invitation.objects.bulk_create(
        Invitation(survey=members_survey, token_hash=f"{i:064x}") for i in range(4)
    )
    _staff(client, "Survey analysts")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    panel = html[html.index('id="open-surveys') :]
    assert "fewer than" in panel
    assert "<td>2</td>" not in panel and "50%" not in panel


@pytest.mark.django_db
def test_panel_query_count_does_not_grow_with_surveys(
    client, index, youth_group, django_assert_max_num_queries
):
    from surveys.selectors import open_surveys_overview

    for i in range(2):
        SurveyPageFactory(title=f"Survey {i}", target_groups=[youth_group])
    with django_assert_max_num_queries(1):
        assert len(open_surveys_overview(threshold=5)) == 2
    for i in range(2, 8):
        SurveyPageFactory(title=f"Survey {i}", target_groups=[youth_group])
    with django_assert_max_num_queries(1):
        assert len(open_surveys_overview(threshold=5)) == 8
