import hashlib
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from portal.accounts.factories import UserFactory
from surveys import pool, services
from surveys.factories import SurveyPageFactory
from surveys.models import (
    AccessMode,
    Answer,
    Invitation,
    InvitationUse,
    Participation,
    Response,
    SealedAnswers,
)

from .conftest import full_answers, q


@pytest.mark.django_db
def test_invitations_store_only_a_hash_of_a_long_token(anonymous_survey):
    tokens = services.invitations_create(survey=anonymous_survey, count=5)
    assert len(set(tokens)) == 5
    assert all(len(t) >= 43 for t in tokens)  # 32 random bytes, base64
    stored = set(Invitation.objects.values_list("token_hash", flat=True))
    assert stored == {hashlib.sha256(t.encode()).hexdigest() for t in tokens}
    assert not any(t in stored for t in tokens)


@pytest.mark.django_db
def test_invitation_count_is_bounded(anonymous_survey):
    with pytest.raises(services.SurveyError):
        services.invitations_create(survey=anonymous_survey, count=0)


@pytest.mark.django_db
def test_anonymous_response_rows_hold_nothing_that_identifies(anonymous_survey, member):
    [token] = services.invitations_create(survey=anonymous_survey, count=1, users=[member])
    invitation = services.invitation_lookup(token=token)
    assert invitation.user is None  # anonymous links are never tied to a person
    services.response_submit(
        survey=anonymous_survey, user=member, data=full_answers(anonymous_survey), invitation=invitation
    )
    assert not Response.objects.exists()  # sealed in the pool first
    pool.pool_flush(survey_id=anonymous_survey.pk, force=True)
    response = Response.objects.get()
    assert response.user_id is None and response.submitted_at is None
    assert response.stakeholder_group_id is None and response.region_id is None
    assert response.batch is not None and response.pk >= 2**62  # random id, not the sequence's
    assert response.language == ""  # kept for identified surveys only
    columns = {f.column for f in Response._meta.concrete_fields}
    assert columns == {
        "id",
        "survey_id",
        "user_id",
        "submitted_on",
        "submitted_at",
        "batch",
        "stakeholder_group_id",
        "region_id",
        "language",
    }
    use = InvitationUse.objects.get()
    assert {f.column for f in InvitationUse._meta.concrete_fields} == {"invitation_id", "used_on"}
    assert use.used_on == response.submitted_on  # only a date on each side
    participation = Participation.objects.get()
    assert participation.taken_on == response.submitted_on
    assert not hasattr(participation, "response") and not hasattr(use, "response")


@pytest.mark.django_db
def test_identified_response_keeps_the_person_and_group(members_survey, member, youth_group):
    response = services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    assert response.user == member and response.stakeholder_group == youth_group
    assert response.submitted_at is not None


@pytest.mark.django_db
def test_second_response_from_same_person_is_refused(members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    with pytest.raises(services.AlreadySubmitted):
        services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    assert Response.objects.count() == 1


@pytest.mark.django_db
def test_missing_required_answer_is_refused(members_survey, member):
    with pytest.raises(services.IncompleteResponse) as error:
        services.response_submit(survey=members_survey, user=member, data={q(members_survey, "Q1").id: "No"})
    assert "I feel listened to" in error.value.detail
    assert not Response.objects.exists() and not Answer.objects.exists()


@pytest.mark.django_db
def test_hidden_answers_are_dropped_when_skip_logic_hides_them(members_survey, member):
    data = full_answers(members_survey, caseworker="No") | {q(members_survey, "Q3").id: "5"}
    response = services.response_submit(survey=members_survey, user=member, data=data)
    assert not response.answers.filter(question_id=q(members_survey, "Q3").id).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("change, expected", [("closed", "closed"), ("other_group", "not_targeted")])
def test_refusals(members_survey, change, expected, other_group):
    from django.utils import timezone

    person = UserFactory(stakeholder_groups=[other_group])
    if change == "closed":
        members_survey.closes_at = timezone.now() - timezone.timedelta(hours=1)
        members_survey.save()
        person = UserFactory(stakeholder_groups=list(members_survey.target_groups.all()))
    with pytest.raises(services.SurveyError) as error:
        services.response_submit(survey=members_survey, user=person, data=full_answers(members_survey))
    assert error.value.reason == expected


@pytest.mark.django_db
def test_deidentify_drops_drafts_and_detaches_responses(members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    other = SurveyPageFactory(target_groups=list(members_survey.target_groups.all()))
    services.draft_save(survey=other, user=member, data={"x": "y"}, section=0)
    services.user_deidentify(user=member)
    assert not member.survey_drafts.exists()
    response = Response.objects.get()
    assert response.user_id is None and response.answers.exists()


@pytest.mark.django_db
def test_changing_answered_questions_is_refused_with_reasons(members_survey, member):
    services.response_submit(survey=members_survey, user=member, data=full_answers(members_survey))
    page = members_survey.__class__.objects.get(pk=members_survey.pk)
    raw = page.sections.raw_data
    raw[1]["value"]["questions"] = [x for x in raw[1]["value"]["questions"] if x["value"]["code"] != "Q4"]
    page.sections = list(raw)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "already has answers, so it cannot be removed" in str(error.value)
    page = members_survey.__class__.objects.get(pk=members_survey.pk)
    raw = page.sections.raw_data
    raw[0]["value"]["questions"][1]["value"]["choices"].append("At church")  # adding is fine
    page.sections = list(raw)
    page.full_clean()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_submits_of_one_token_make_one_response(django_db_setup):
    from portal.accounts.factories import StakeholderGroupFactory
    from surveys.factories import survey_index

    survey_index()
    survey = SurveyPageFactory(
        access_mode=AccessMode.INVITATION, is_anonymous=True, target_groups=[StakeholderGroupFactory()]
    )
    [token] = services.invitations_create(survey=survey, count=1)
    data = full_answers(survey)
    outcomes: list[str] = []
    barrier = threading.Barrier(20)

    def submit():
        from django.contrib.auth.models import AnonymousUser

        try:
            invitation = services.invitation_lookup(token=token)
            barrier.wait()
            services.response_submit(survey=survey, user=AnonymousUser(), data=data, invitation=invitation)
            outcomes.append("ok")
        except services.AlreadySubmitted:
            outcomes.append("already")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already"] * 19 + ["ok"]
    assert SealedAnswers.objects.filter(survey=survey).count() == 1
    assert InvitationUse.objects.count() == 1
