"""Keyboard only (Tab, Shift+Tab, Enter, Space, Escape): skip link, the phone menu, signing in,
posting a comment and answering a survey page. At every step the focused element shows a
focus indicator (an outline or a box shadow, on the radio's or checkbox's drawn box for
USWDS's visually hidden inputs) and focus lands where a person expects it."""

import re

import pytest
from playwright.sync_api import expect

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import Comment
from home.models import HomePage
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from surveys.factories import SurveyPageFactory, question, section, survey_index
from surveys.models import AccessMode
from tests.e2e.test_layout import build_site

pytestmark = pytest.mark.django_db(transaction=True)

# What the focused element shows: its own outline or box shadow, or for a USWDS radio or
# checkbox (the input itself is moved off screen) those of its label's drawn box.
FOCUS_SHOWN_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {ok: false, what: 'nothing focused'};
  const shows = (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || (style.boxShadow && style.boxShadow !== 'none');
  const drawn = /^(radio|checkbox)$/.test(el.type) && el.labels.length ? el.labels[0] : null;
  const ok = drawn ? shows(getComputedStyle(drawn, '::before')) : shows(getComputedStyle(el));
  const box = (drawn || el).getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth;
  return {ok: ok && onScreen, what: el.outerHTML.slice(0, 120)};
}"""


def _focus_is_visible(page):
    shown = page.evaluate(FOCUS_SHOWN_JS)
    assert shown["ok"], f"focus not visible on {shown['what']}"


def _tab_to(page, selector: str, limit: int = 60, key: str = "Tab"):
    """Press Tab until the focused element matches `selector`, checking focus at each step."""
    for _ in range(limit):
        page.keyboard.press(key)
        _focus_is_visible(page)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} never took focus after {limit} presses of {key}")


def _sign_in_by_keyboard(page, email: str):
    page.goto("/accounts/login/")
    _tab_to(page, "input[name=login]")
    page.keyboard.type(email)
    _tab_to(page, "input[name=password]")
    page.keyboard.type(DEFAULT_PASSWORD)
    _tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role("link", name="My portal")
    ).to_be_visible()


def test_skip_link_sign_in_and_post_a_comment(page, live_server):
    home = HomePage.objects.get()
    build_site()
    index = WorkgroupIndexPageFactory(parent=home, slug="workgroup-pages", title="Our workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="adoption", title="Adoption workgroup")
    topic = TopicPageFactory(parent=workgroup, slug="support", title="Post-adoption support")
    partner = UserFactory(username="partner", display_name="Lee", email="partner@example.org")

    page.goto("/")
    page.keyboard.press("Tab")
    _focus_is_visible(page)
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the main content, not the header
    _focus_is_visible(page)
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")

    _sign_in_by_keyboard(page, partner.email)

    page.goto(topic.url)
    _tab_to(page, "#comment-body-new")
    page.keyboard.type("Will respite days cover kinship families?")
    _tab_to(page, "main form:has(#comment-body-new) button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your comment is posted.")).to_be_visible()
    assert Comment.objects.filter(topic=topic, body__contains="respite days").count() == 1


def test_phone_menu_by_keyboard(phone_page, live_server):
    build_site()
    page = phone_page
    page.emulate_media(reduced_motion="reduce")
    page.goto("/")
    menu = page.get_by_role("link", name="Menu", exact=True)
    _tab_to(page, ".usa-menu-btn")
    page.keyboard.press("Enter")
    nav = page.locator("#main-nav")
    expect(nav).to_be_visible()
    expect(page.locator(":focus")).to_have_class(re.compile("usa-nav__close"))
    _focus_is_visible(page)
    _tab_to(page, "#main-nav a[href]:not(.usa-nav__close)")  # into the sections
    for _ in range(12):  # Tab stays inside the open panel
        page.keyboard.press("Tab")
        _focus_is_visible(page)
        assert page.evaluate("document.getElementById('main-nav').contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    _focus_is_visible(page)


def test_answer_a_survey_page_by_keyboard(page, live_server):
    survey_index()
    survey = SurveyPageFactory(
        title="Caregiver survey",
        access_mode=AccessMode.PUBLIC,
        is_anonymous=True,
        sections=[
            section(
                "About you",
                [
                    question("yes_no", "Do you care for a relative's child?", code="K1", required=True),
                    question(
                        "multiple_choice",
                        "What would help?",
                        code="K2",
                        choices=["Respite", "Training", "Money"],
                    ),
                ],
            )
        ],
    )
    page.goto(f"/surveys/-/{survey.pk}/answer/")
    _tab_to(page, "main input[type=radio]")  # Tab enters the first question's radio group
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    _tab_to(page, "main input[type=checkbox]")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    _tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your answers are sent")
