"""The browser harness itself: it must notice console errors and uncaught exceptions."""

import pytest

from tests.e2e.conftest import BrowserErrors


def test_harness_records_console_errors_and_uncaught_exceptions(browser):
    errors = BrowserErrors()
    context = browser.new_context()
    page = context.new_page()
    page.on("console", errors.console)
    page.on("pageerror", errors.page_error)
    page.set_content("<script>console.error('logged'); throw new Error('boom');</script>")
    page.wait_for_timeout(100)
    context.close()
    assert any("console error: logged" in m for m in errors.messages)
    assert any("uncaught JS error" in m and "boom" in m for m in errors.messages)


@pytest.mark.django_db(transaction=True)
def test_home_page_loads_in_chromium_without_errors(page, live_server):
    response = page.goto("/")
    assert response.status == 200
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"


@pytest.mark.django_db(transaction=True)
def test_seeded_data_survives_an_earlier_transactional_test(page, live_server):
    # Runs after the test above, whose transaction flushed the tables: the home page and
    # the seeded stakeholder groups must still be there.
    from portal.accounts.models import StakeholderGroup

    assert StakeholderGroup.objects.filter(slug="youth-and-young-adults").exists()
    assert page.goto("/").status == 200
