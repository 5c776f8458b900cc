"""Error pages in the site's look, with the right status, through the real handlers
(DEBUG is off in the test settings). The 500 page must render without the database."""

from importlib import import_module

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory, override_settings
from django.urls import path
from django_ratelimit.exceptions import Ratelimited

from portal import views


def _forbidden(request):
    raise PermissionDenied


def _missing(request):
    raise Http404("nothing here")


def _broken(request):
    raise RuntimeError("boom")


def _limited(request):
    raise Ratelimited()


urlpatterns = [
    path("forbidden/", _forbidden),
    path("missing/", _missing),
    path("broken/", _broken),
    path("limited/", _limited),
]
urlpatterns += import_module("portal.urls").urlpatterns
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

pytestmark = pytest.mark.urls(__name__)


def _assert_site_look(html: str):
    assert 'class="usa-skipnav"' in html
    assert '<main id="main-content"' in html
    assert "/static/css/portal" in html
    assert "Family Partnership Portal" in html


@pytest.mark.django_db
def test_403_page(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    html = response.content.decode()
    _assert_site_look(html)
    assert "You can't see this page" in html
    assert "/accounts/login/?next=/forbidden/" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/missing/", "/no/such/route/"])
def test_404_page_offers_search(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    _assert_site_look(html)
    assert "find that page" in html
    assert 'action="/search/"' in html and 'id="error-search"' in html and 'name="q"' in html
    assert "1-800-555-0199" in html  # the footer's hotline (site settings)


@pytest.mark.django_db
def test_429_page_says_how_long_to_wait(client):
    response = client.get("/limited/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    _assert_site_look(html)
    assert "1 minute" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seconds", "words"), [(30, "30 seconds"), (60, "1 minute"), (300, "5 minutes"), (150, "about 3 minutes")]
)
def test_429_wait_in_words(rf, seconds, words):
    response = views.too_many_requests(_request_with_user(rf), seconds)
    assert response.status_code == 429
    assert response["Retry-After"] == str(seconds)
    assert words in response.content.decode()


@pytest.mark.django_db
def test_500_page_through_the_handler(client):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    _assert_site_look(html)
    assert "Something went wrong on our side" in html


def test_500_page_renders_without_database_access():
    # No django_db mark: any query here fails the test.
    request = RequestFactory().get("/anything/")
    response = views.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    _assert_site_look(html)
    assert 'href="tel:911"' in html


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_allauth_429_template_is_the_site_page(rf):
    from django.template.loader import render_to_string

    html = render_to_string("429.html", request=_request_with_user(rf))
    _assert_site_look(html)
    assert "Please wait a moment" in html


def _request_with_user(rf):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    return request
