"""No-store on results and exports (also anonymous), the 413 page, and CSP on public pages."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

NO_STORE_PATHS = [
    "/admin/survey-results/1/results/",
    "/admin/survey-results/1/export/responses.csv",
    "/admin/survey-results/1/export/responses.xlsx",
    "/admin/survey-results/1/export/summary.csv",
    "/admin/drafts/",
    "/admin/drafts/1/export/csv/",
    "/admin/agenda/proposals/",
    "/surveys/-/1/summary/",
    "/agenda/-/meetings/1/meeting.ics",
    "/workgroups/some-group/plan/export/csv/",
    "/me/download/",
    "/documents/1/report.pdf",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", NO_STORE_PATHS)
def test_results_and_exports_are_no_store_even_anonymous(client, path):
    response = client.get(path)
    assert "no-store" in response.get("Cache-Control", ""), (path, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("path", NO_STORE_PATHS[:7])
def test_results_and_exports_are_no_store_for_staff(client, make_staff, path):
    client.force_login(make_staff("Administrators"))
    response = client.get(path)
    assert "no-store" in response.get("Cache-Control", ""), (path, response.status_code)


@pytest.mark.django_db
def test_open_data_downloads_stay_cacheable(client):
    response = client.get("/open-data/")
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_oversized_form_answers_the_sites_413_page(client, caplog):
    client = Client(raise_request_exception=False)
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024):
        response = client.post("/accounts/login/", {"login": "x" * 4096, "password": "y"})
    assert response.status_code == 413
    assert b"That upload is too large" in response.content
    assert b"Traceback" not in response.content
    assert "no-store" in response["Cache-Control"]
    assert "request body too large" in caplog.text


def test_error_pages_command_writes_the_413_page_for_nginx(tmp_path):
    call_command("error_pages", str(tmp_path))
    assert "That upload is too large" in (tmp_path / "413.html").read_text()
    assert "The portal is briefly unavailable" in (tmp_path / "503.html").read_text()


def test_nginx_shows_the_generated_413_page():
    from pathlib import Path

    conf = (Path(__file__).resolve().parents[2] / "deploy/nginx/portal-common.conf").read_text()
    assert re.search(r"^error_page 413 /_errors/413\.html;", conf, re.M)


class _PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.inline = [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline.append(f"<{tag} style=...>")
        if any(name.startswith("on") for name in attrs):
            self.inline.append(f"<{tag} on...= handler>")
        if tag == "style":
            self.inline.append("<style>")
        if tag == "script" and not attrs.get("src") and attrs.get("type") != "application/json":
            self._in_script = True
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append("<script> with inline code")
            self._in_script = False


# /language/ sets the Spanish cookie, after which plain addresses redirect to /es/.
SKIP = ("/static/", "/media/", "/documents/", "/admin/", "/accounts/logout/", "/api/", "/language/")


@pytest.mark.django_db
def test_public_pages_of_the_demo_have_no_inline_script_or_style():
    """Crawl the demo as an anonymous visitor: the strict CSP would block any inline code."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # load_demo points the Wagtail Site at SITE_BASE_URL, so its links name that host.
    site_host = urlsplit(settings.SITE_BASE_URL).netloc
    client = Client()
    queue, seen, checked, failures = ["/"], set(), 0, {}
    while queue and checked < 250:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        checked += 1
        assert "unsafe-inline" not in response["Content-Security-Policy"], path
        parser = _PageParser()
        parser.feed(response.content.decode())
        if parser.inline:
            failures[path] = sorted(set(parser.inline))
        for href in parser.links:
            parts = urlsplit(urljoin(path, href))
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver", site_host):
                continue
            if parts.path.startswith(SKIP) or parts.path in seen:
                continue
            queue.append(parts.path)
    assert checked > 30, f"the crawl reached only {checked} pages"
    assert not failures, failures


def test_the_crawler_sees_inline_code():
    parser = _PageParser()
    parser.feed(
        '<p style="color:red">x</p><style>p{}</style><script>alert(1)</script>'
        '<script src="/static/a.js"></script><button onclick="x()">b</button>'
    )
    assert sorted(parser.inline) == [
        "<button on...= handler>",
        "<p style=...>",
        "<script> with inline code",
        "<style>",
    ]
