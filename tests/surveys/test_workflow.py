"""Surveys pass the agency's "Agency review" workflow before they open (moderation issue, item 8)."""

import pytest
from wagtail.models import WorkflowState

from surveys.factories import SurveyPageFactory


@pytest.mark.django_db
def test_a_new_survey_is_covered_by_agency_review_and_stays_private_until_approved(index, make_staff, client):
    analyst = make_staff("Survey analysts")
    moderator = make_staff("Moderators")
    survey = SurveyPageFactory(title="Kinship survey", slug="kinship-survey", live=False)
    revision = survey.save_revision(user=analyst)

    workflow = survey.get_workflow()
    assert workflow is not None and workflow.name == "Agency review"

    state = workflow.start(survey, analyst)
    survey.refresh_from_db()
    assert not survey.live
    assert client.get(f"{index.url}kinship-survey/").status_code == 404

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    survey.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert survey.live and survey.live_revision_id >= revision.pk
