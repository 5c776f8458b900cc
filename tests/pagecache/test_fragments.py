"""Fragments every page shares (menu, portal settings) are cached per page-cache generation:
fewer queries, and retired by the same events as the pages."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home import factories
from home.models import PortalSettings


@pytest.fixture
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments-test"},
    }
    caches["pages"].clear()


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


def _queries(client, url) -> int:
    client.cookies["seen"] = "1"  # any cookie: the page itself is never cached
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_fragments_cut_queries_and_follow_invalidation(client, home_page, pages_cache):
    factories.UpdateIndexPageFactory(parent=home_page, slug="updates", show_in_menus=True)
    first = _queries(client, "/updates/")
    warm = _queries(client, "/updates/")
    assert warm <= first - 2  # menu and settings (with the footer's pages) come from the cache

    site_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.hotline_phone = "1-800-555-4242"
    site_settings.save()  # bumps the generation
    client.cookies["seen"] = "1"
    assert b"1-800-555-4242" in client.get("/updates/").content

    new_page = factories.StandardPageFactory(parent=home_page, title="Brand new menu", show_in_menus=True)
    new_page.save_revision().publish()  # page_published bumps the generation
    assert b"Brand new menu" in client.get("/updates/").content


@pytest.mark.django_db
def test_a_worker_memory_copy_is_never_newer_than_the_shared_generation(pages_cache):
    from portal.pagecache import cache as pagecache
    from portal.pagecache.fragments import cached_fragment

    builds = []

    def build():
        builds.append(1)
        return {"items": [len(builds)]}

    first = cached_fragment("menu-test", build)
    again = cached_fragment("menu-test", build)
    assert again == first and again is not first and len(builds) == 1  # a copy, not the object
    before = pagecache.generation(caches["pages"])
    caches["pages"].clear()  # Redis restarted empty: a new counter, never an old number
    assert pagecache.generation(caches["pages"]) != before
    assert cached_fragment("menu-test", build) == {"items": [2]}
    pagecache._bump("test")
    assert cached_fragment("menu-test", build) == {"items": [3]}
