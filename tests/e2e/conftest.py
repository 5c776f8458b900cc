"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every test fails on a browser console error or an uncaught JavaScript error.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
# between browser steps are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("Chromium is not installed: run `make test` (it installs Debian's chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserErrors:
    def __init__(self):
        self.messages: list[str] = []

    def console(self, message):
        if message.type == "error":
            self.messages.append(f"console error: {message.text} ({message.location})")

    def page_error(self, error):
        self.messages.append(f"uncaught JS error: {error}")


@pytest.fixture
def browser_errors():
    return BrowserErrors()


def _new_page(browser, live_server, errors: BrowserErrors, viewport):
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", errors.console)
    page.on("pageerror", errors.page_error)
    return context, page


@pytest.fixture
def page(browser, live_server, browser_errors):
    """A desktop-sized page; the test fails if the browser reported any error."""
    context, page = _new_page(browser, live_server, browser_errors, DESKTOP)
    yield page
    context.close()
    assert not browser_errors.messages, "\n".join(browser_errors.messages)


@pytest.fixture
def phone_page(browser, live_server, browser_errors):
    context, page = _new_page(browser, live_server, browser_errors, PHONE)
    yield page
    context.close()
    assert not browser_errors.messages, "\n".join(browser_errors.messages)


@pytest.fixture
def screenshot_dir():
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test-artifacts", "screenshots")
    os.makedirs(path, exist_ok=True)
    return path
