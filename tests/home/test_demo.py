import pytest

from home import demo
from home.models import EventPage, InitiativePage, PortalSettings, TheoryOfChangePage, UpdatePage
from portal.demo import DemoContext


@pytest.mark.django_db
def test_demo_content_is_complete_and_idempotent(client):
    for _ in range(2):
        demo.generate(DemoContext(seed=1, force=False, write=lambda line: None))
    english = {"locale__language_code": "en"}  # Spanish copies: tests/home/test_demo_spanish.py
    assert TheoryOfChangePage.objects.live().filter(**english).count() == 1
    assert InitiativePage.objects.live().filter(**english).count() == 3
    assert UpdatePage.objects.live().filter(**english).count() == 8
    assert EventPage.objects.live().filter(**english).count() == 3
    settings = PortalSettings.objects.get()
    assert settings.accessibility_page and settings.privacy_page
    for url in [
        "/",
        "/theory-of-change/",
        "/initiatives/kin-first/",
        "/updates/",
        "/resources/",
        "/events/",
        "/youth/",
        "/professionals/",
        "/foster-parents-and-supporters/",
    ]:
        assert client.get(url).status_code == 200, url


def test_tiny_pdf_is_a_pdf():
    data = demo.tiny_pdf("Title (draft)", ["one", "two"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert b"Title \\(draft\\)" in data
