"""The footer leads to the open-data page, whose downloads are real files."""

import os

import pytest
from playwright.sync_api import expect

from forums.factories import PlanItemFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from home.models import HomePage


@pytest.mark.django_db(transaction=True)
def test_footer_to_open_data_downloads(page, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    PlanItemFactory(workgroup=WorkgroupPageFactory(parent=index, slug="adoption"), title="Faster permanency")
    page.goto("/")
    page.get_by_role("link", name="Open data").click()
    expect(page.get_by_role("heading", name="Open data", level=1)).to_be_visible()
    expect(page.get_by_role("table", name="Data dictionary: Program improvement plan")).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "open-data.png"), full_page=True)
    with page.expect_download() as info:
        page.locator("a[href='/open-data/plan-items.csv']").click()
    path = info.value.path()
    with open(path, encoding="utf-8-sig") as handle:
        assert "Faster permanency" in handle.read()
