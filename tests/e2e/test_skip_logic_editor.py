"""The survey editor offers skip rules as a list of earlier questions and their answers."""

import os

import pytest
from playwright.sync_api import expect

from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from surveys.factories import SurveyPageFactory, survey_index
from surveys.models import SurveyPage
from tests.e2e.test_moderation_queue import SECRET, _sign_in


@pytest.mark.django_db(transaction=True)
def test_skip_rule_chosen_from_earlier_questions(page, live_server, screenshot_dir):
    survey_index()
    survey = SurveyPageFactory(title="Family voices")
    editor = UserFactory(email="ed@example.org", roles=["Administrators"], is_superuser=True)
    totp_activate(user=editor, secret=SECRET)
    _sign_in(page, editor.email, code_secret=SECRET, next_url="/admin/")
    page.goto(f"/admin/pages/{survey.pk}/edit/")

    choosers = page.locator("select.skip-logic-select")
    expect(choosers.first).to_be_visible()
    # Section 2's own rule may use Q1 and Q2 from section 1, never its own questions.
    section_two = choosers.nth(3)
    section_two.focus()
    labels = section_two.locator("option").all_inner_texts()
    assert labels[0] == "Always show"
    assert "“Do you have a caseworker right now?” is answered “No”" in labels
    assert "“How did you hear about this survey?” is answered “Online”" in labels
    assert not any("I feel listened to" in label for label in labels)
    # The first section's rule has nothing earlier to point to.
    expect(choosers.first.locator("option")).to_have_count(1)
    # The question "Q3" keeps its stored rule selected.
    q3 = choosers.nth(4)
    expect(q3).to_have_value('["Q1","Yes"]')
    section_two.select_option(label="“How did you hear about this survey?” is answered “Online”")
    page.screenshot(path=os.path.join(screenshot_dir, "survey-skip-logic-editor.png"), full_page=False)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    saved = SurveyPage.objects.get(pk=survey.pk).get_latest_revision_as_object()
    assert saved.schema[1].show_if.code == "Q2" and saved.schema[1].show_if.value == "Online"
