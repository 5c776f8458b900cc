"""axe-core on every page type of the demo: at 1280 and 375 px, in English and Spanish,
anonymous and signed in, forms shown with their errors. Any WCAG 2.1 A/AA violation fails.

The demo is loaded once for the module (load_demo takes most of a minute) and served by a
live server of its own; the module leaves the database as the migrations seeded it. One
browser context per test (one width, one language); each test walks every page.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from tests.e2e.axe import axe_violations, format_violations
from tests.e2e.demo_data import seeded_database_restored

WIDTHS = {"1280": {"width": 1280, "height": 900}, "375": {"width": 375, "height": 812}}
LANGUAGES = {"en": "", "es": "/es"}
PASSWORD = "portal-demo-2026"  # every demo account's password (README)
FOSTER_PARENT = "fosterparent@demo.portal.example.org"


def _public_paths() -> dict[str, str]:
    from wagtail.models import Page

    from agenda.models import MeetingPage, Proposal
    from forums.models import Comment
    from home.models import AudiencePage, EventPage, InitiativePage, UpdatePage
    from surveys.models import AccessMode, SurveyPage

    def url(model_or_slug, **filters):
        if isinstance(model_or_slug, str):
            return Page.objects.live().get(slug=model_or_slug, locale__language_code="en").url
        return model_or_slug.objects.live().filter(locale__language_code="en", **filters).first().url

    # The topic with a draft, paragraph comments, a thread and an official answer.
    drafted = Comment.objects.exclude(paragraph_id="").exclude(paragraph_id__isnull=True).first().topic
    closed = SurveyPage.objects.live().filter(public_summary=True).first()
    public = SurveyPage.objects.live().filter(access_mode=AccessMode.PUBLIC).first()
    return {
        "home": "/",
        "theory of change": url("theory-of-change"),
        "theory of change, text": url("theory-of-change") + "text/",
        "initiative": url(InitiativePage),
        "update": url(UpdatePage),
        "event": url(EventPage),
        "resources": url("resources"),
        "audience page": url(AudiencePage, slug__icontains="foster") or url(AudiencePage),
        "workgroups index": url("workgroups"),
        "workgroup": drafted.get_parent().url,
        "topic with a draft": drafted.url,
        "plan overview": url("workgroups") + "plan/",
        "search results": "/search/?q=family",
        "proposal": f"/agenda/-/proposals/{Proposal.objects.order_by('pk').first().pk}/",
        "meeting": url(MeetingPage),
        "timeline": "/agenda/-/timeline/",
        "engagement summary": "/engagement/",
        "open data": "/open-data/",
        "surveys index": url("surveys"),
        "survey landing": public.url,
        "public survey results": f"/surveys/-/{closed.pk}/summary/",
        "survey question page": f"/surveys/-/{public.pk}/answer/",
        "404 page": "/no-such-page/",
    }


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo in the test database, and a live server (not pytest-django's: that one would
    make each test transactional and empty the tables after the first)."""
    with django_db_blocker.unblock(), seeded_database_restored():
        call_command("load_demo", stdout=StringIO())
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server.url, _public_paths()
        finally:
            server._live_server_modified_settings.disable()
            server.stop()


def _no_validation(page):
    """Submit forms empty: the browser's own required-field check would stop them first."""
    page.evaluate("document.querySelectorAll('form').forEach((f) => { f.noValidate = true; })")


def _check(page, where: str, failures: list[str]):
    violations = axe_violations(page)
    if violations:
        failures.append(format_violations(violations, f"[{where}] "))


def _sign_in(page, prefix: str, email: str, password: str):
    page.goto(f"{prefix}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()


@pytest.fixture
def axe_page(demo_site, browser, request):
    width, language = request.param
    base_url, paths = demo_site
    context = browser.new_context(base_url=base_url, viewport=WIDTHS[width], reduced_motion="reduce")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page, LANGUAGES[language], paths, f"{width}px {language}"
    context.close()


CASES = [(width, language) for width in WIDTHS for language in LANGUAGES]


# The marker only makes pytest-django create the test database (and its snapshot); the data
# is the module's, committed before any test starts.
@pytest.mark.django_db(serialized_rollback=True)
@pytest.mark.parametrize("axe_page", CASES, indirect=True, ids=[f"{w}px-{lang}" for w, lang in CASES])
def test_every_page_type_has_no_wcag_violations(axe_page):
    page, prefix, paths, label = axe_page
    failures: list[str] = []

    for name, path in paths.items():
        response = page.goto(prefix + path)
        assert response.status == (404 if name == "404 page" else 200), f"{name}: {prefix + path}"
        _check(page, f"{label} {name} {prefix + path}", failures)

    # A survey page sent with required answers missing, then answered and sent.
    page.goto(prefix + paths["survey question page"])
    _no_validation(page)
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#error-summary")).to_be_visible()
    _check(page, f"{label} survey page with an error", failures)
    for fieldset in page.locator("main fieldset:has(input[type=radio])").all():
        radio_id = fieldset.locator("input[type=radio]").first.get_attribute("id")
        page.locator(f"label[for='{radio_id}']").click()
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#error-summary")).to_have_count(0)
    _check(page, f"{label} survey confirmation", failures)

    # Sign-up and sign-in sent empty: the error summary and the fields' errors.
    for form in ("signup", "login"):
        page.goto(f"{prefix}/accounts/{form}/")
        _check(page, f"{label} {form}", failures)
        _no_validation(page)
        page.locator("main form button[type=submit]").click()
        expect(page.locator("[data-error-summary]")).to_be_visible()
        _check(page, f"{label} {form} with errors", failures)

    # Signed in as a foster parent: My portal, notification settings, a topic's comment form.
    _sign_in(page, prefix, FOSTER_PARENT, PASSWORD)
    expect(page.locator("[data-error-summary]")).to_have_count(0)
    for name, path in {
        "My portal": "/me/",
        "notification settings": "/notifications/settings/",
        "topic, signed in": paths["topic with a draft"],
        "surveys index, signed in": paths["surveys index"],
    }.items():
        page.goto(prefix + path)
        _check(page, f"{label} {name} {prefix + path}", failures)

    assert not failures, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
