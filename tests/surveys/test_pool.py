"""The sealed pool: what it stores, the flush command, and what analysts are told."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from surveys import pool, services
from surveys.models import Response, SealedAnswers

from .conftest import full_answers


def test_sealed_answers_are_padded_encrypted_and_bound_to_their_survey(settings):
    rows = [
        {
            "question_id": "a",
            "row_key": "",
            "choice": "Yes",
            "number": "4.00",
            "text": "short",
            "published": False,
        }
    ]
    long = [{**rows[0], "text": "x" * 500}]
    sealed = pool.seal(survey_id=3, rows=rows)
    assert b"Yes" not in sealed and b"short" not in sealed
    assert len(sealed) == len(pool.seal(survey_id=3, rows=long))  # size does not tell them apart
    assert pool.unseal(survey_id=3, sealed=sealed) == rows
    with pytest.raises(pool.PoolError):
        pool.unseal(survey_id=4, sealed=sealed)  # moved to another survey: refused
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-new-key-" * 5, [old_key]
    assert pool.unseal(survey_id=3, sealed=sealed) == rows  # a rotated key still opens them
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(pool.PoolError):
        pool.unseal(survey_id=3, sealed=sealed)


def _submit(survey, count):
    for token in services.invitations_create(survey=survey, count=count):
        services.response_submit(
            survey=survey,
            user=None,
            data=full_answers(survey),
            invitation=services.invitation_lookup(token=token),
        )


@pytest.mark.django_db
def test_results_page_counts_waiting_answers_and_the_command_flushes_a_crowd(
    client, anonymous_survey, settings, make_staff
):
    settings.SURVEY_ANONYMITY_CROWD = 5
    _submit(anonymous_survey, 3)
    from portal.accounts.mfa import totp_activate

    analyst = make_staff("Survey analysts")
    totp_activate(user=analyst, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(analyst)
    page = client.get(reverse("surveys_admin:results", args=[anonymous_survey.pk]))
    assert b"3 answers waiting to be added" in page.content
    call_command("flush_survey_pools")
    assert SealedAnswers.objects.count() == 3 and not Response.objects.exists()  # not a crowd yet
    _submit(anonymous_survey, 2)
    call_command("flush_survey_pools")  # (in a request the flush runs after the commit)
    assert not SealedAnswers.objects.exists() and Response.objects.count() == 5
    page = client.get(reverse("surveys_admin:results", args=[anonymous_survey.pk]))
    assert b"waiting to be added" not in page.content


@pytest.mark.django_db
def test_a_closed_survey_is_flushed_whatever_the_number(anonymous_survey, settings):
    from django.utils import timezone

    settings.SURVEY_ANONYMITY_CROWD = 5
    _submit(anonymous_survey, 2)
    anonymous_survey.closes_at = timezone.now() - timezone.timedelta(minutes=1)
    anonymous_survey.save()
    call_command("flush_survey_pools")
    assert Response.objects.count() == 2 and not SealedAnswers.objects.exists()


@pytest.mark.django_db
def test_a_failing_flush_never_fails_the_submit(
    anonymous_survey, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.SURVEY_ANONYMITY_CROWD = 2

    def broken(**kwargs):
        raise pool.PoolError("key gone")

    monkeypatch.setattr(pool, "pool_flush", broken)
    with django_capture_on_commit_callbacks(execute=True):
        _submit(anonymous_survey, 2)
    assert SealedAnswers.objects.count() == 2  # kept sealed for the next flush


@pytest.mark.django_db
@pytest.mark.parametrize("people", [5, 40])
def test_a_flush_takes_the_same_queries_whatever_the_batch_size(
    anonymous_survey, settings, people, django_assert_max_num_queries
):
    settings.SURVEY_ANONYMITY_CROWD = 5
    for _ in range(people):  # sealed directly: the submits' own flushes are not under test here
        pool.pool_add(survey=anonymous_survey, rows=[{"question_id": "q", "choice": "Yes"}])
    with django_assert_max_num_queries(12):
        assert pool.pool_flush(survey_id=anonymous_survey.pk) == people
