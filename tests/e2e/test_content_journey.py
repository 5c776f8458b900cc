"""Home -> Theory of Change -> an initiative -> its updates -> an update, in Chromium."""

import os
import re

import pytest

from home import demo
from portal.demo import DemoContext

PAGE_TYPES = {
    "home": "/",
    "theory": "/theory-of-change/",
    "theory-text": "/theory-of-change/text/",
    "initiatives": "/initiatives/",
    "initiative": "/initiatives/kin-first/",
    "updates": "/updates/",
    "update": "/updates/kinship-navigator-hired/",
    "events": "/events/",
    "event": "/events/kinship-information-evening/",
    "resources": "/resources/",
    "audience": "/foster-parents-and-supporters/",
    "standard": "/accessibility/",
    "search": "/search/?q=kin",
}


def _assert_prints_on_one_landscape_page(browser_page):
    pdf = browser_page.pdf(prefer_css_page_size=True, print_background=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) == 1, f"the Theory of Change printed on {len(pages)} pages"
    width, height = (float(n) for n in re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf).groups())
    assert width > height, "the Theory of Change should print in landscape"


@pytest.fixture
def demo_content():
    demo.generate(DemoContext(seed=2026, force=False, write=lambda line: None))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reader_walks_from_home_to_an_update(page, demo_content):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Our Theory of Change").click()
    page.wait_for_url("**/theory-of-change/")
    assert page.get_by_role("heading", level=1).inner_text() == "Our Theory of Change"
    _assert_prints_on_one_landscape_page(page)
    page.get_by_role("link", name="Kin first").click()
    page.wait_for_url("**/initiatives/kin-first/")
    assert page.get_by_role("link", name="Our Theory of Change").first.is_visible()
    page.get_by_role("link", name="All updates about Kin first").click()
    page.wait_for_url("**/updates/?initiative=kin-first")
    assert page.get_by_label("Initiative").input_value() == "kin-first"
    page.get_by_role("link", name="Our kinship navigator starts work").click()
    page.wait_for_url("**/updates/kinship-navigator-hired/")
    assert "By " in page.locator(".portal-byline").inner_text()
    assert page.get_by_role("navigation", name="Breadcrumbs").is_visible()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_screenshots_of_each_page_type(page, phone_page, demo_content, screenshot_dir):
    for width_name, browser_page in [("desktop", page), ("phone", phone_page)]:
        for name, url in PAGE_TYPES.items():
            response = browser_page.goto(url)
            assert response.status == 200, url
            browser_page.screenshot(
                path=os.path.join(screenshot_dir, f"content-{name}-{width_name}.png"), full_page=True
            )
