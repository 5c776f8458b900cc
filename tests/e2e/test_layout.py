"""The site layout in a real browser: skip link, mobile menu with and without JavaScript,
current section, error pages; screenshots of home, a 404 and the login page at two widths.

`build_site()` is shared with test_layout_budget.py.
"""

import os
import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import HomePage, PortalSettings, StandardPage

SECTIONS = ["About the partnership", "Initiatives", "Workgroups", "Surveys", "Updates", "Events"]

BODY_PARAGRAPHS = [
    "Lakeshore County Family Services works with families, young people, courts, tribes, "
    "schools, health providers and community partners to keep children safe and families strong.",
    "This portal is where we share our plans, ask for your views on draft policies, and report "
    "back on what we heard and what we changed because of it.",
    "You can read everything here without an account. Join the portal to comment, answer "
    "surveys meant for you, and follow the workgroups you care about.",
]


def build_site() -> dict:
    """The home page (seeded by the migrations), six menu sections, a page inside one, footer settings."""
    home = HomePage.objects.get()
    home.intro = "Working together so children are safe and families stay strong."
    home.body = [("rich_text", "".join(f"<p>{text}</p>" for text in BODY_PARAGRAPHS))]
    home.save_revision().publish()
    sections = {}
    for title in SECTIONS:
        section = home.add_child(instance=StandardPage(title=title, show_in_menus=True, intro=f"{title}."))
        sections[title] = section
    child = sections["Initiatives"].add_child(
        instance=StandardPage(title="Family team meetings", intro="How family team meetings will change.")
    )
    accessibility = home.add_child(instance=StandardPage(title="Accessibility statement"))
    privacy = home.add_child(instance=StandardPage(title="Privacy notice"))
    site = Site.objects.get(is_default_site=True)
    settings = PortalSettings.for_site(site)
    settings.contact_email = "partnership@lakeshore.example.org"
    settings.contact_phone = "(555) 010-2040"
    settings.contact_address = "200 Harbor Street\nLakeshore, MN 55000"
    settings.accessibility_page = accessibility
    settings.privacy_page = privacy
    settings.save()
    return {"home": home, "sections": sections, "child": child}


def _forget_expected_404(browser_errors, path):
    """Chromium logs the 404 page's own status as a console error; that one is expected."""
    browser_errors.messages[:] = [m for m in browser_errors.messages if not ("404" in m and path in m)]


def _shoot(page, screenshot_dir, name):
    page.screenshot(path=os.path.join(screenshot_dir, f"{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_desktop_skip_link_and_current_section(page, live_server, screenshot_dir):
    site = build_site()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_class(re.compile(r"\busa-skipnav\b"))
    expect(skip).to_have_text("Skip to main content")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    _shoot(page, screenshot_dir, "layout-home-desktop")

    page.goto(site["child"].url)
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Initiatives")).to_have_attribute("aria-current", "true")
    expect(nav.locator("[aria-current]")).to_have_count(1)
    page.goto(site["sections"]["Events"].url)
    expect(nav.get_by_role("link", name="Events")).to_have_attribute("aria-current", "page")
    # Desktop: the sections show without opening anything, and there is no Menu control.
    expect(nav.get_by_role("link", name="Surveys")).to_be_visible()
    expect(page.locator(".usa-menu-btn")).to_be_hidden()


@pytest.mark.django_db(transaction=True)
def test_phone_menu_opens_and_closes_with_javascript(phone_page, live_server, screenshot_dir):
    build_site()
    page = phone_page
    page.emulate_media(reduced_motion="reduce")  # screenshots without the slide-in halfway
    page.goto("/")
    nav = page.locator("#main-nav")
    menu = page.get_by_role("link", name="Menu", exact=True)
    expect(nav).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(nav).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(":focus")).to_have_class(re.compile("usa-nav__close"))
    expect(nav.get_by_role("link", name="Workgroups")).to_be_visible()
    _shoot(page, screenshot_dir, "layout-menu-open-phone")
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    menu.click()
    page.get_by_role("link", name="Close menu").click()
    expect(nav).to_be_hidden()
    assert "#" not in page.url  # with JavaScript the menu is a toggle, not a jump
    _shoot(page, screenshot_dir, "layout-home-phone")


@pytest.mark.django_db(transaction=True)
def test_phone_menu_opens_and_closes_without_javascript(browser, live_server, screenshot_dir):
    build_site()
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        java_script_enabled=False,
        reduced_motion="reduce",
    )
    try:
        page = context.new_page()
        page.goto("/")
        nav = page.locator("#main-nav")
        expect(nav).to_be_hidden()
        page.get_by_role("link", name="Menu", exact=True).click()
        expect(nav).to_be_visible()
        expect(nav.get_by_role("link", name="Initiatives")).to_be_visible()
        _shoot(page, screenshot_dir, "layout-menu-open-phone-nojs")
        page.get_by_role("link", name="Close menu").click()
        expect(nav).to_be_hidden()
    finally:
        context.close()


@pytest.mark.django_db(transaction=True)
def test_404_and_login_pages_in_the_site_look(page, phone_page, browser_errors, live_server, screenshot_dir):
    build_site()
    for width, tab in [("desktop", page), ("phone", phone_page)]:
        response = tab.goto("/no-such-page/")
        assert response.status == 404
        expect(tab.get_by_role("heading", level=1)).to_have_text("We can't find that page")
        expect(tab.locator("main").get_by_label("Search the portal")).to_be_visible()
        expect(tab.locator("footer")).to_contain_text("1-800-555-0199")
        _shoot(tab, screenshot_dir, f"layout-404-{width}")
        response = tab.goto("/accounts/login/")
        assert response.status == 200
        _shoot(tab, screenshot_dir, f"layout-login-{width}")
    _forget_expected_404(browser_errors, "/no-such-page/")
