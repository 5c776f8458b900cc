"""The page-weight budget (DESIGN.md, "Front end"): a content page's first visit transfers
under 150 KB, a repeat visit under 30 KB, all assets included.

How it is measured, honestly:
- Static files are served the way production serves them: `collectstatic` with WhiteNoise's
  CompressedManifestStaticFilesStorage (fingerprinted names, pre-compressed .gz files) into a
  temporary STATIC_ROOT, and WhiteNoise in front of the app (no Django static handler), so
  assets go over the wire gzip-compressed with `Cache-Control: max-age=315360000, immutable`.
- The HTML is counted as the app sends it: uncompressed (a proxy in front would shrink it
  further, so this errs on the heavy side).
- Chromium reports the bytes it actually received for every request (headers included)
  through the DevTools protocol: Network.loadingFinished's `encodedDataLength`. A response
  served from the browser cache counts 0, which is the point of the repeat visit.
- The repeat visit is a second navigation to the page in the same browser context (a person
  coming back), not a forced reload.
"""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.test.testcases import LiveServerThread

from tests.e2e.test_layout import build_site

FIRST_VISIT_BUDGET = 150 * 1024
REPEAT_VISIT_BUDGET = 30 * 1024


class Transfer:
    """Bytes received per URL in one page visit, from Chromium's network events."""

    def __init__(self, cdp):
        self.urls: dict[str, str] = {}
        self.bytes: dict[str, int] = {}
        cdp.on("Network.requestWillBeSent", self._request)
        cdp.on("Network.loadingFinished", self._finished)

    def _request(self, event):
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event):
        url = self.urls.get(event["requestId"], event["requestId"])
        self.bytes[url] = self.bytes.get(url, 0) + int(event["encodedDataLength"])

    def reset(self):
        self.urls.clear()
        self.bytes.clear()

    @property
    def total(self) -> int:
        return sum(self.bytes.values())

    def report(self) -> str:
        rows = sorted(self.bytes.items(), key=lambda item: -item[1])
        return "\n".join(f"{size:>8} B  {url}" for url, size in rows) + f"\n{self.total:>8} B  total"


@pytest.fixture
def production_static_server(tmp_path):
    """A live server whose static files come from collectstatic + WhiteNoise, as in production."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages,
        STATIC_ROOT=str(tmp_path / "static"),
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        # The Wagtail admin's own files are not used by public pages; leaving them out keeps
        # this fast. Anything a public template links must be collected, or rendering fails.
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["wagtail*"])
        thread = LiveServerThread("127.0.0.1", static_handler=lambda app: app)
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield f"http://127.0.0.1:{thread.port}"
        finally:
            thread.terminate()


@pytest.mark.django_db(transaction=True)
def test_content_page_stays_within_the_transfer_budget(browser, production_static_server):
    build_site()
    context = browser.new_context(base_url=production_static_server, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        transfer = Transfer(cdp)

        response = page.goto("/", wait_until="networkidle")
        assert response.status == 200
        css = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert "system-ui" in css or "apple-system" in css, "the stylesheet did not load"
        first = dict(transfer.bytes)
        first_total = transfer.total
        first_report = transfer.report()
        assert any("/static/css/portal." in url for url in first), first_report

        transfer.reset()
        page.goto("/initiatives/", wait_until="networkidle")
        transfer.reset()
        page.goto("/", wait_until="networkidle")
        repeat_total = transfer.total
        repeat_report = transfer.report()
    finally:
        context.close()

    assert first_total < FIRST_VISIT_BUDGET, f"first visit over budget:\n{first_report}"
    assert repeat_total < REPEAT_VISIT_BUDGET, f"repeat visit over budget:\n{repeat_report}"
    # Static assets are cached for good on the repeat visit: only the HTML comes again.
    assert not [url for url, size in transfer.bytes.items() if "/static/" in url and size > 0], repeat_report
