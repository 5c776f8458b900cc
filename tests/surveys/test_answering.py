import pytest
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Response, SealedAnswers

from .conftest import q


def _post_section(client, survey, section, data, action="next"):
    return client.post(
        reverse("surveys:answer", args=[survey.pk]), {"section": section, "action": action, **data}
    )


@pytest.mark.django_db
def test_member_answers_two_sections_and_sees_confirmation(client, members_survey, member):
    client.force_login(member)
    s = members_survey
    page = client.get(reverse("surveys:answer", args=[s.pk]))
    assert page.status_code == 200
    assert b"Part 1 of 2" in page.content
    r = _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "Yes", f"q_{q(s, 'Q2').id}": "Online"})
    assert r.status_code == 302 and "section=1" in r["Location"]
    r = _post_section(
        client,
        s,
        1,
        {
            f"q_{q(s, 'Q3').id}": "4",
            f"q_{q(s, 'Q4').id}": "5",
            f"q_{q(s, 'Q5').id}__0": "2",
            f"q_{q(s, 'Q6').id}": "More visits",
        },
    )
    assert r.status_code == 302 and r["Location"].endswith(reverse("surveys:done", args=[s.pk]))
    response = Response.objects.get(survey=s)
    assert response.user == member
    values = {
        (a.question_id, a.row_key): (a.choice, a.text) for a in Answer.objects.filter(response=response)
    }
    assert values[(q(s, "Q2").id, "")] == ("Online", "")
    assert values[(q(s, "Q5").id, "I know my rights")] == ("2", "")
    assert values[(q(s, "Q6").id, "")] == ("", "More visits")
    done = client.get(r["Location"])
    assert b"Your answers are sent" in done.content
    again = client.get(reverse("surveys:answer", args=[s.pk]))
    assert b"already answered" in again.content


@pytest.mark.django_db
def test_skipped_question_is_not_shown_after_no(client, members_survey, member):
    client.force_login(member)
    s = members_survey
    _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "No"})
    page = client.get(reverse("surveys:answer", args=[s.pk]) + "?section=1")
    assert q(s, "Q3").label.encode() not in page.content
    assert q(s, "Q4").label.encode() in page.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value, message",
    [
        ("Q4", "9", b"Choose one of the listed answers."),
        ("Q4", "", b"Please answer this question."),
    ],
)
def test_bad_answers_are_refused_with_typed_text_kept(client, members_survey, member, field, value, message):
    client.force_login(member)
    s = members_survey
    _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "Yes"})
    r = _post_section(client, s, 1, {f"q_{q(s, field).id}": value, f"q_{q(s, 'Q6').id}": "keep me"})
    assert r.status_code == 200
    assert message in r.content
    assert b"keep me" in r.content
    assert b'id="error-summary"' in r.content
    assert not Response.objects.exists()


@pytest.mark.django_db
def test_oversized_text_and_forged_ids_store_nothing(client, members_survey, member):
    client.force_login(member)
    s = members_survey
    _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "No", "q_forged-id": "x"})
    r = _post_section(client, s, 1, {f"q_{q(s, 'Q4').id}": "3", f"q_{q(s, 'Q6').id}": "x" * 6000})
    assert b"at most 5000 characters" in r.content
    assert not Response.objects.exists()


@pytest.mark.django_db
def test_other_needs_text(client, members_survey, member):
    client.force_login(member)
    s = members_survey
    r = _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "No", f"q_{q(s, 'Q2').id}": "Other"})
    assert "Please say what “Other” means".encode() in r.content


@pytest.mark.django_db
def test_save_and_resume(client, members_survey, member):
    client.force_login(member)
    s = members_survey
    r = _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "Yes"}, action="save")
    assert r.status_code == 302
    landing = client.get(s.url)
    assert b"Continue where you left off" in landing.content
    page = client.get(reverse("surveys:answer", args=[s.pk]))
    assert b"checked" in page.content  # the saved "Yes"


@pytest.mark.django_db
def test_invitation_link_leaves_url_and_is_single_use(client, anonymous_survey):
    [token] = services.invitations_create(survey=anonymous_survey, count=1)
    link = services.invitation_link(token)
    assert link.endswith(f"/surveys/-/invitation/#t={token}")  # the token stays out of request lines
    landing = client.get(reverse("surveys:invitation_landing"))
    assert landing.status_code == 200 and b"Paste the link" in landing.content
    r = client.post(reverse("surveys:invitation_landing"), {"token": link})  # pasted, no JavaScript
    assert r.status_code == 302 and token not in r["Location"]
    s = anonymous_survey
    _post_section(client, s, 0, {f"q_{q(s, 'Q1').id}": "No"})
    r = _post_section(client, s, 1, {f"q_{q(s, 'Q4').id}": "2"})
    assert r.status_code == 302
    assert Response.objects.filter(survey=s).count() == 0  # sealed until a crowd has answered
    assert SealedAnswers.objects.filter(survey=s).count() == 1
    used = client.post(reverse("surveys:invitation_landing"), {"token": token})
    assert b"already been used" in used.content
    legacy = client.get(reverse("surveys:invitation", args=[token]))  # links sent before
    assert b"already been used" in legacy.content


@pytest.mark.django_db
@pytest.mark.parametrize("pasted", ["", "hello", "https://example.org/#t=short"])
def test_invitation_page_refuses_what_is_not_a_link(client, pasted):
    r = client.post(reverse("surveys:invitation_landing"), {"token": pasted})
    assert r.status_code == 400 and b"does not look like an invitation link" in r.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    "reason, text",
    [
        ("unknown", b"do not recognise this link"),
        ("closed", b"has closed"),
        ("not_open", b"not open yet"),
    ],
)
def test_link_states_have_plain_pages(client, anonymous_survey, reason, text):
    from django.utils import timezone

    [token] = services.invitations_create(survey=anonymous_survey, count=1)
    if reason == "closed":
        anonymous_survey.closes_at = timezone.now() - timezone.timedelta(minutes=1)
        anonymous_survey.save()
    if reason == "not_open":
        anonymous_survey.opens_at = timezone.now() + timezone.timedelta(days=1)
        anonymous_survey.save()
    r = client.get(reverse("surveys:invitation", args=["nope" + token if reason == "unknown" else token]))
    assert text in r.content


@pytest.mark.django_db
def test_full_survey_says_so(client, members_survey, member):
    from portal.accounts.factories import UserFactory

    members_survey.max_responses = 1
    members_survey.save()
    other = UserFactory(stakeholder_groups=list(members_survey.target_groups.all()))
    services.response_submit(
        survey=members_survey,
        user=other,
        data={q(members_survey, "Q1").id: "No", q(members_survey, "Q4").id: "3"},
    )
    client.force_login(member)
    r = client.get(reverse("surveys:answer", args=[members_survey.pk]))
    assert b"This survey is full" in r.content
