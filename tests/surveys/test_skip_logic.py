"""Skip rules may only point to a question on an earlier page and to one of its answers."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from surveys.factories import SurveyPageFactory, sample_sections
from surveys.models import SurveyPage
from surveys.questionnaire.schema import Condition, Section, question_from_block
from surveys.questionnaire.skip_logic import describe, rule_problems, targets_before


def _sections(*specs) -> list[Section]:
    """[(title, [(type, value)], condition)] -> typed sections, without pages."""
    sections = []
    for i, (title, questions, condition) in enumerate(specs):
        qs = [question_from_block(f"{i}-{j}", kind, value) for j, (kind, value) in enumerate(questions)]
        sections.append(Section(id=str(i), title=title, show_if=condition, questions=qs))
    return sections


def _q(kind, label, code="", choices=(), rule=None):
    value = {"label": label, "code": code, "choices": list(choices)}
    if rule:
        value.update(show_if_code=rule[0], show_if_value=rule[1])
    return kind, value


FIRST = (
    "About you",
    [
        _q("yes_no", "Caseworker now?", "Q1"),
        _q("multiple_choice", "Heard how?", "Q2", ["Friend", "Online"]),
        _q("long_text", "Anything else?", "Q3"),
    ],
    None,
)


def test_valid_rules_have_no_problems():
    second = (
        "More",
        [
            _q("rating", "Calls returned?", "Q4", rule=("Q1", "yes")),
            _q("short_text", "Which site?", rule=("Q2", "Online")),
        ],
        Condition("Q1", "Yes"),
    )
    assert rule_problems(_sections(FIRST, second)) == []


@pytest.mark.parametrize(
    "rule, message",
    [
        (("Q9", "Yes"), "no question has it"),
        (("Q3", "Yes"), "no list of answers"),
        (("Q1", "Maybe"), "is not an answer to “Q1”. Choose one of “Yes”, “No”"),
        (("Q2", "online"), "is not an answer to “Q2”"),
    ],
)
def test_a_rule_must_name_a_listed_answer_of_an_existing_question(rule, message):
    second = ("More", [_q("rating", "Calls returned?", "Q4", rule=rule)], None)
    problems = rule_problems(_sections(FIRST, second))
    assert len(problems) == 1 and message in problems[0]
    assert problems[0].startswith("Question “Calls returned?”")


def test_a_rule_cannot_point_to_the_same_or_a_later_page():
    first = (
        "About you",
        [_q("yes_no", "Caseworker now?", "Q1"), _q("rating", "Calls returned?", rule=("Q1", "Yes"))],
        Condition("Q5", "Yes"),
    )
    later = ("Later", [_q("yes_no", "Later question", "Q5")], None)
    problems = rule_problems(_sections(first, later))
    assert len(problems) == 2
    assert all("not on an earlier page" in p for p in problems)
    assert problems[0].startswith("Section “About you”")


def test_targets_are_the_earlier_listed_questions_with_their_answers():
    sections = _sections(FIRST, ("More", [_q("yes_no", "Later", "Q5")], None))
    assert targets_before(sections, 0) == []
    targets = targets_before(sections, 2)
    assert [t.code for t in targets] == ["Q1", "Q2", "Q5"]
    assert targets[1].options == [("Friend", "Friend"), ("Online", "Online")]


def test_rules_are_said_in_plain_words():
    sections = _sections(FIRST, ("More", [_q("rating", "Calls returned?", "Q4")], None))
    targets = targets_before(sections, 1)
    assert describe(None, targets) == "Always shown."
    assert describe(Condition("Q1", "yes"), targets) == "Shown only when “Caseworker now?” is answered “Yes”."


@pytest.mark.django_db
def test_saving_a_page_with_a_bad_rule_is_refused(index):
    sections = sample_sections()
    sections[1]["value"]["questions"][0]["value"]["show_if_value"] = "Perhaps"
    with pytest.raises(ValidationError, match="is not an answer to “Q1”"):
        SurveyPageFactory(title="Broken rules", sections=sections)


@pytest.mark.django_db
def test_the_editor_shows_the_error_and_keeps_the_page(client, index):
    person = UserFactory(roles=["Administrators"], is_superuser=True)
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(person)
    url = reverse("wagtailadmin_pages:add", args=["surveys", "surveypage", index.pk])

    def page_data(rule_value):
        return nested_form_data(
            {
                "title": "Rules survey",
                "slug": "rules-survey",
                "intro": "",
                "thank_you": "",
                "access_mode": "members",
                "sections": streamfield(
                    [
                        (
                            "section",
                            {
                                "title": "One",
                                "intro": "",
                                "show_if_code": "",
                                "show_if_value": "",
                                "questions": streamfield(
                                    [
                                        (
                                            "yes_no",
                                            {
                                                "label": "Caseworker now?",
                                                "help_text": "",
                                                "code": "Q1",
                                                "show_if_code": "",
                                                "show_if_value": "",
                                            },
                                        )
                                    ]
                                ),
                            },
                        ),
                        (
                            "section",
                            {
                                "title": "Two",
                                "intro": "",
                                "show_if_code": "Q1",
                                "show_if_value": rule_value,
                                "questions": streamfield(
                                    [
                                        (
                                            "short_text",
                                            {
                                                "label": "Tell us more",
                                                "help_text": "",
                                                "code": "",
                                                "show_if_code": "",
                                                "show_if_value": "",
                                            },
                                        )
                                    ]
                                ),
                            },
                        ),
                    ]
                ),
            }
        )

    response = client.post(url, page_data("Maybe"))
    assert response.status_code == 200
    assert "Section “Two”: “Maybe” is not an answer to “Q1”" in response.content.decode()
    assert not SurveyPage.objects.filter(slug="rules-survey").exists()
    client.post(url, page_data("Yes"))
    assert SurveyPage.objects.filter(slug="rules-survey").exists()
