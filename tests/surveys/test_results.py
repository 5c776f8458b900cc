import random

import pytest
from django.urls import reverse

from portal.accounts.factories import RegionFactory, StakeholderGroupFactory
from surveys.factories import bulk_responses
from surveys.models import Response
from surveys.results import survey_results
from surveys.tallies import rebuild

from .conftest import q


@pytest.fixture
def analyst(make_staff):
    from portal.accounts.mfa import totp_activate

    person = make_staff("Survey analysts")
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return person


def _fill(survey, n, seed=1, **kwargs):
    bulk_responses(survey, n, random.Random(seed), **kwargs)


@pytest.mark.django_db
def test_results_wait_for_threshold(members_survey):
    _fill(members_survey, 5)
    results = survey_results(members_survey)
    assert not results.enough
    assert results.total.display(11) == "fewer than 11"
    assert results.questions == []


@pytest.mark.django_db
def test_counts_percentages_means_and_suppression(members_survey):
    groups = [StakeholderGroupFactory(), StakeholderGroupFactory()]
    _fill(members_survey, 60, groups=groups, regions=[RegionFactory(), RegionFactory()])
    results = survey_results(members_survey)
    assert results.enough and results.total.value == 60
    by_code = {r.question.code: r for r in results.questions}
    likert = by_code["Q4"]
    counts = {o.label: o.cell for o in likert.options}
    assert sum(c.value for c in counts.values()) == 60  # Q4 is required
    for cell in counts.values():
        if 0 < cell.value < 11:
            assert cell.hidden and cell.display(11) == "fewer than 11"
    if not any(c.hidden for c in counts.values()):
        assert likert.mean
    assert "<svg" in likert.chart
    yes_no = by_code["Q1"]
    assert {o.label for o in yes_no.options} == {"Yes", "No"}
    assert all(b.rows for b in yes_no.breakdowns)
    assert [b.title for b in yes_no.breakdowns] == ["By stakeholder group", "By region"]
    grid = by_code["Q5"]
    assert [row for row, _o, _t in grid.grid] == ["I know my rights", "I know who to call"]
    assert by_code["Q6"].texts  # free text for analysts


@pytest.mark.django_db
def test_no_breakdown_for_small_group(members_survey):
    big, small = StakeholderGroupFactory(name="Big"), StakeholderGroupFactory(name="Tiny")
    _fill(members_survey, 40, seed=2, groups=[big])
    _fill(members_survey, 4, seed=3, groups=[small])
    results = survey_results(members_survey)
    yes_no = next(r for r in results.questions if r.question.code == "Q1")
    for breakdown in yes_no.breakdowns:
        assert "Tiny" not in [name for name, _c, _t in breakdown.rows]


@pytest.mark.django_db
def test_anonymous_survey_has_no_breakdowns(anonymous_survey):
    _fill(anonymous_survey, 30)
    results = survey_results(anonymous_survey)
    assert all(not r.breakdowns for r in results.questions)


@pytest.mark.django_db
def test_results_page_queries_do_not_grow(client, members_survey, analyst, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(analyst)
    url = reverse("surveys_admin:results", args=[members_survey.pk])
    counts = []
    for n in (15, 60):
        Response.objects.filter(survey=members_survey).delete()
        rebuild(members_survey)
        _fill(members_survey, n, groups=[StakeholderGroupFactory()])
        client.get(url)  # warm caches (site, user)
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(url)
        assert page.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_results_page_shows_suppressed_cells(client, members_survey, analyst):
    big = StakeholderGroupFactory()
    _fill(members_survey, 30, groups=[big])
    first = q(members_survey, "Q1")
    Response.objects.filter(answers__question_id=first.id, answers__choice="No").delete()
    _fill(members_survey, 0)
    from surveys.models import Answer

    # Make "No" a small count: 3 responses answered No.
    for response in Response.objects.filter(survey=members_survey)[:3]:
        Answer.objects.filter(response=response, question_id=first.id).update(choice="No")
    client.force_login(analyst)
    page = client.get(reverse("surveys_admin:results", args=[members_survey.pk]))
    assert page.status_code == 200
    assert b"fewer than 11" in page.content
    assert b"<svg" in page.content and b"<table" in page.content


@pytest.mark.django_db
def test_public_summary_only_after_close_and_only_published_text(client, members_survey):
    from django.utils import timezone

    from surveys.models import Answer

    _fill(members_survey, 20)
    url = reverse("surveys:summary", args=[members_survey.pk])
    members_survey.public_summary = True
    members_survey.save()
    assert client.get(url).status_code == 404  # still open
    members_survey.closes_at = timezone.now() - timezone.timedelta(minutes=1)
    members_survey.save()
    texts = Answer.objects.filter(survey=members_survey).exclude(text="")
    chosen = texts.first()
    chosen.text = "A published thought"
    chosen.published = True
    chosen.save()
    texts.exclude(pk=chosen.pk).update(text="A private thought")
    page = client.get(url)
    assert page.status_code == 200
    assert b"A published thought" in page.content and b"A private thought" not in page.content
    assert b"Responses: <strong>20</strong>" in page.content
