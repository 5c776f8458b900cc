"""Gzip for anonymous pages only (BREACH), stored compressed by the page cache."""

import gzip

import pytest
from django.core.cache import caches
from wagtail.models import Site

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gzip-test"},
    }
    settings.ALLOWED_HOSTS = ["testserver"]
    caches["pages"].clear()


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.mark.django_db
def test_anonymous_html_is_gzipped_and_cached_per_encoding(client, home_page):
    plain = client.get("/")
    zipped = client.get("/", **GZIP)
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert zipped["X-Page-Cache"] == "MISS"  # the compressed copy is its own cache entry
    assert gzip.decompress(zipped.content) == plain.content
    assert "Accept-Encoding" in zipped["Vary"]
    again_plain = client.get("/")
    assert again_plain["X-Page-Cache"] == "HIT" and "Content-Encoding" not in again_plain
    again_zipped = client.get("/", **GZIP)
    assert again_zipped["X-Page-Cache"] == "HIT" and again_zipped["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_no_compression_for_a_request_with_cookies(client, home_page):
    client.cookies["sessionid"] = "anything"
    assert "Content-Encoding" not in client.get("/", **GZIP)


@pytest.mark.django_db
def test_no_compression_for_signed_in_people(client, home_page, django_user_model):
    user = django_user_model.objects.create_user(username="gz", email="gz@example.org", password="x" * 20)
    client.force_login(user)
    assert "Content-Encoding" not in client.get("/", **GZIP)


@pytest.mark.django_db
def test_no_compression_of_a_page_with_a_csrf_token(client, db):
    response = client.get("/accounts/login/", **GZIP)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response
