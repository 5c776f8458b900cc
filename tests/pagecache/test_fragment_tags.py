"""`{% fragment %}`: header, footer and the home page's news kept as HTML per generation and
language; personal headers never cached; every invalidation shows at once."""

import pytest
from django.core.cache import caches
from wagtail.models import Site

from home import factories
from home.models import PortalSettings


@pytest.fixture(autouse=True)
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragment-tags"},
    }
    caches["pages"].clear()


def _uncached(client, url) -> str:
    client.cookies["seen"] = "1"  # any cookie: never a page-cache hit, always a render
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _html_fragments() -> list[str]:
    return [key for key in caches["pages"]._cache if ":fragment:" in key and ":html:" in key]


@pytest.mark.django_db
def test_anonymous_header_and_footer_are_kept_and_follow_settings(client):
    first = _uncached(client, "/")
    assert any(":html:header:" in k for k in _html_fragments())
    assert any(":html:footer:" in k for k in _html_fragments())
    assert _uncached(client, "/") == first
    settings_ = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.organisation_name, settings_.hotline_phone = "Harbor County Services", "1-800-555-7777"
    settings_.save()
    html = _uncached(client, "/")
    assert "Harbor County Services" in html and "1-800-555-7777" in html


@pytest.mark.django_db
def test_signed_in_header_is_theirs_and_never_reaches_anyone_else(client, user):
    anonymous = _uncached(client, "/")
    client.force_login(user)
    signed_in = _uncached(client, "/")
    assert "Sign out" in signed_in and "Sign out" not in anonymous
    client.logout()
    assert "Sign out" not in _uncached(client, "/")


@pytest.mark.django_db
def test_each_page_gets_its_own_header_and_languages(client):
    home = Site.objects.get(is_default_site=True).root_page
    updates = factories.UpdateIndexPageFactory(parent=home, slug="updates", show_in_menus=True)
    on_home, on_updates = _uncached(client, "/"), _uncached(client, updates.url)
    assert 'aria-current="page"' in on_updates.split("</header>")[0]
    assert 'aria-current="page"' not in on_home.split("</header>")[0]
    assert '<html lang="es"' in _uncached(client, "/es/")
    assert "Iniciar sesión" in _uncached(client, "/es/").split("</header>")[0]


@pytest.mark.django_db
def test_home_news_follow_a_new_update(client):
    home = Site.objects.get(is_default_site=True).root_page
    index = factories.UpdateIndexPageFactory(parent=home, slug="updates")
    factories.UpdatePageFactory(parent=index, title="First news")
    assert "First news" in _uncached(client, "/")
    second = factories.UpdatePageFactory(parent=index, title="Second news", live=False)
    assert "Second news" not in _uncached(client, "/")
    second.save_revision().publish()  # what editors do: publishing retires the cached news
    assert "Second news" in _uncached(client, "/")
