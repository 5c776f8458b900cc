import pytest

from portal.accounts.factories import StakeholderGroupFactory, UserFactory
from surveys.factories import SurveyPageFactory, survey_index
from surveys.models import AccessMode


@pytest.fixture
def youth_group(db):
    return StakeholderGroupFactory(name="Youth panel", slug="youth-panel")


@pytest.fixture
def other_group(db):
    return StakeholderGroupFactory(name="Courts panel", slug="courts-panel")


@pytest.fixture
def index(db):
    return survey_index()


@pytest.fixture
def members_survey(index, youth_group):
    return SurveyPageFactory(title="Members survey", target_groups=[youth_group])


@pytest.fixture
def anonymous_survey(index, youth_group):
    return SurveyPageFactory(
        title="Youth voices",
        access_mode=AccessMode.INVITATION,
        is_anonymous=True,
        target_groups=[youth_group],
    )


@pytest.fixture
def member(youth_group):
    return UserFactory(stakeholder_groups=[youth_group])


def q(survey, code):
    """The question with this short code."""
    return next(x for x in survey.question_map().values() if x.code == code)


def full_answers(survey, caseworker="Yes"):
    data = {q(survey, "Q1").id: caseworker, q(survey, "Q4").id: "4"}
    if caseworker == "Yes":
        data[q(survey, "Q3").id] = "5"
    return data
