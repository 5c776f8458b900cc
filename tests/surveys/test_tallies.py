"""Result tallies: always equal to a recount, written only with the responses, counts only."""

import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts.factories import RegionFactory, StakeholderGroupFactory, UserFactory
from surveys import pool, services, tallies
from surveys.factories import bulk_responses
from surveys.models import Response, ResultTally
from surveys.results import survey_results

from .conftest import full_answers, q


def _submit_anonymous(survey, count):
    for token in services.invitations_create(survey=survey, count=count):
        services.response_submit(
            survey=survey,
            user=None,
            data=full_answers(survey),
            invitation=services.invitation_lookup(token=token),
        )


def _richer_answers(survey, rng):
    data = full_answers(survey, caseworker=rng.choice(["Yes", "No"]))
    data[q(survey, "Q2").id] = rng.choice(["From my caseworker", "Online"])
    data[q(survey, "Q5").id] = {"I know my rights": "4", "I know who to call": rng.choice(["2", "5"])}
    data[q(survey, "Q6").id] = "Evening visits"
    return data


@pytest.mark.django_db
def test_identified_submits_keep_tallies_equal_to_a_recount(members_survey, youth_group):
    rng = random.Random(4)
    for _ in range(12):
        person = UserFactory(stakeholder_groups=[youth_group])
        services.response_submit(
            survey=members_survey, user=person, data=_richer_answers(members_survey, rng)
        )
    bulk_responses(members_survey, 30, rng, groups=[StakeholderGroupFactory()], regions=[RegionFactory()])
    assert Response.objects.filter(survey=members_survey).count() == 42
    incremental = tallies.snapshot(members_survey)
    assert incremental == tallies.recount(members_survey)
    assert incremental[("total", "", "", "", 0)][0] == 42
    assert any(key[0] == "group" and key[4] == youth_group.pk for key in incremental)
    tallies.rebuild(members_survey)  # the SQL recount agrees with the incremental counts
    assert tallies.snapshot(members_survey) == incremental


@pytest.mark.django_db
def test_a_refused_submit_counts_nothing(members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    before = tallies.snapshot(members_survey)
    with pytest.raises(services.AlreadySubmitted):
        services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    assert tallies.snapshot(members_survey) == before == tallies.recount(members_survey)


@pytest.mark.django_db
def test_anonymous_tallies_move_only_in_the_batch_flush(anonymous_survey, settings):
    settings.SURVEY_ANONYMITY_CROWD = 5
    _submit_anonymous(anonymous_survey, 3)
    assert not ResultTally.objects.filter(survey=anonymous_survey).exists()  # sealed: nothing counted
    _submit_anonymous(anonymous_survey, 3)
    call_command("flush_survey_pools")
    assert Response.objects.filter(survey=anonymous_survey).count() == 6
    assert tallies.snapshot(anonymous_survey) == tallies.recount(anonymous_survey)
    # A too-small last batch rewrites an earlier one: its counts are taken away and re-added.
    _submit_anonymous(anonymous_survey, 2)
    call_command("flush_survey_pools", force=True)
    assert Response.objects.filter(survey=anonymous_survey).count() == 8
    snapshot = tallies.snapshot(anonymous_survey)
    assert snapshot == tallies.recount(anonymous_survey)
    assert snapshot[("total", "", "", "", 0)][0] == 8
    # Counts only: no breakdown by group or region, nothing finer than a week.
    kinds = set(ResultTally.objects.filter(survey=anonymous_survey).values_list("kind", flat=True))
    assert kinds <= {"total", "week", "choice", "answered"}
    assert not ResultTally.objects.filter(survey=anonymous_survey).exclude(dim=0).exists()


@pytest.mark.django_db
def test_rebuild_command_restores_lost_tallies(members_survey):
    bulk_responses(members_survey, 25, random.Random(5), groups=[StakeholderGroupFactory()])
    expected = tallies.recount(members_survey)
    ResultTally.objects.filter(survey=members_survey).delete()
    call_command("rebuild_survey_tallies", members_survey.pk)
    assert tallies.snapshot(members_survey) == expected
    assert survey_results(members_survey).total.value == 25


@pytest.mark.django_db
def test_results_read_the_tallies_with_suppression_applied_on_read(members_survey):
    bulk_responses(members_survey, 30, random.Random(6))
    assert survey_results(members_survey).total.value == 30
    # Tallies below the threshold are still suppressed when read: the counts are stored raw.
    ResultTally.objects.filter(survey=members_survey, kind="total").update(n=7)
    results = survey_results(members_survey)
    assert not results.enough and results.total.display(11) == "fewer than 11"


@pytest.mark.django_db
def test_results_page_queries_are_the_same_at_two_sizes(client, make_staff, index, youth_group):
    from portal.accounts.mfa import totp_activate
    from surveys.factories import SurveyPageFactory

    analyst = make_staff("Survey analysts")
    totp_activate(user=analyst, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(analyst)
    counts = []
    for n in (20, 200):
        survey = SurveyPageFactory(title=f"Survey {n}", target_groups=[youth_group])
        bulk_responses(
            survey, n, random.Random(n), groups=[StakeholderGroupFactory()], regions=[RegionFactory()]
        )
        url = reverse("surveys_admin:results", args=[survey.pk])
        client.get(url)  # warm caches (site, user)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
    # No query of the results page scans responses or answers to count them.
    assert not any(
        "COUNT(" in c["sql"].upper() and "surveys_answer" in c["sql"] for c in ctx.captured_queries
    )


@pytest.mark.django_db
def test_pool_flush_queries_include_one_tally_write(anonymous_survey, settings):
    settings.SURVEY_ANONYMITY_CROWD = 5
    for _ in range(6):
        pool.pool_add(survey=anonymous_survey, rows=[{"question_id": "q", "choice": "Yes"}])
    with CaptureQueriesContext(connection) as ctx:
        pool.pool_flush(survey_id=anonymous_survey.pk)
    assert sum("surveys_resulttally" in c["sql"] for c in ctx.captured_queries) == 1
