"""A youth answers an anonymous survey through an invitation link on a phone; an analyst
reads the suppressed results and downloads the responses."""

import os
import random

import pytest
from playwright.sync_api import expect

from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from portal.accounts.mfa import totp_activate, totp_current_code
from surveys import pool, services
from surveys.factories import SurveyPageFactory, bulk_responses, survey_index
from surveys.models import AccessMode, Response, SealedAnswers

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def youth_survey(db):
    survey_index()
    survey = SurveyPageFactory(title="Youth voices", access_mode=AccessMode.INVITATION, is_anonymous=True)
    bulk_responses(survey, 24, random.Random(7))
    return survey


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_youth_answers_through_invitation_link(phone_page, live_server, youth_survey, screenshot_dir):
    [token] = services.invitations_create(survey=youth_survey, count=1)
    page = phone_page
    seen_by_server: list[str] = []  # every request line the server gets (what an access log holds)
    page.on("request", lambda request: seen_by_server.append(request.url))
    page.goto(services.invitation_link(token, base=""))  # /surveys/-/invitation/#t=<token>
    page.get_by_text("Part 1 of 2").wait_for()  # the page's script posted the token
    assert token not in page.url
    assert not [url for url in seen_by_server if token in url.split("#")[0]]
    _choose(page, page.get_by_label("No", exact=True))
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Part 2 of 2").wait_for()
    assert page.get_by_text("How often does your caseworker return your calls?").count() == 0  # skipped
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_text("Please check 1 answer").wait_for()  # the required agreement question
    page.screenshot(path=os.path.join(screenshot_dir, "surveys-answer-error-phone.png"), full_page=True)
    _choose(page, page.locator("fieldset", has_text="I feel listened to").get_by_label("Agree", exact=True))
    page.locator("textarea").fill("More time to talk, please.")
    page.screenshot(path=os.path.join(screenshot_dir, "surveys-answer-phone.png"), full_page=True)
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_text("Your answers are sent").wait_for()
    assert page.get_by_text("cannot be used again").count() == 1
    page.screenshot(path=os.path.join(screenshot_dir, "surveys-done-phone.png"), full_page=True)
    assert page.get_by_text("added to the results together with the answers of at least").count() == 1
    assert Response.objects.filter(survey=youth_survey).count() == 24  # sealed until a crowd answered
    assert SealedAnswers.objects.filter(survey=youth_survey).count() == 1
    pool.pool_flush(survey_id=youth_survey.pk, force=True)
    assert Response.objects.filter(survey=youth_survey).count() == 25
    page.goto(services.invitation_link(token, base=""))
    page.get_by_text("This link has already been used").wait_for()
    assert not [url for url in seen_by_server if token in url.split("#")[0]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_invitation_link_pasted_without_javascript(browser, live_server, youth_survey, screenshot_dir):
    [token] = services.invitations_create(survey=youth_survey, count=1)
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(services.invitation_link(token, base=""))
    expect(page.get_by_label("Paste the link from your invitation")).to_be_visible()
    page.get_by_label("Paste the link from your invitation").fill("not a link")
    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("does not look like an invitation link")).to_be_visible()
    page.get_by_label("Paste the link from your invitation").fill(services.invitation_link(token))
    page.screenshot(path=os.path.join(screenshot_dir, "surveys-invitation-paste-phone.png"), full_page=True)
    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("Part 1 of 2")).to_be_visible()
    assert token not in page.url
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_analyst_reads_results_and_downloads(phone_page, live_server, youth_survey, screenshot_dir):
    analyst = UserFactory(roles=["Survey analysts"], email="analyst@example.org")
    totp_activate(user=analyst, secret=SECRET)
    page = phone_page
    page.goto("/accounts/login/")
    page.fill("input[name=login]", analyst.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_selector("input[name=code]")
    page.fill("input[name=code]", totp_current_code(secret=SECRET))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()
    page.goto(f"/admin/survey-results/{youth_survey.pk}/results/")
    page.get_by_text("fewer than 11").first.wait_for()
    assert page.locator("svg.survey-chart").count() >= 3
    # Issue 12: on a phone the charts and the download buttons stay inside the screen.
    viewport = page.viewport_size["width"]
    for chart in page.locator("svg.survey-chart").all():
        assert chart.bounding_box()["width"] <= viewport
    for button in page.locator(".survey-admin__actions .button").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport, button.text_content()
    page.screenshot(path=os.path.join(screenshot_dir, "surveys-results-phone.png"), full_page=True)
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Download responses (CSV)").click()
    assert csv_download.value.suggested_filename.endswith("responses.csv")
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Download responses (Excel)").click()
    assert xlsx_download.value.suggested_filename.endswith("responses.xlsx")
    with open(csv_download.value.path(), encoding="utf-8-sig") as handle:
        assert len(handle.read().strip().splitlines()) == 25


def _choose(page, radio):
    """Pick a radio or checkbox the way a person does: USWDS hides the input behind its label."""
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()
    assert radio.is_checked()
