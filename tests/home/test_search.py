import html

import pytest
from wagtail import hooks

from home import factories
from portal.extension_points import SEARCH_QUERYSET


@pytest.fixture
def searchable(home_page, initiative, make_updates):
    make_updates(12, title="Kinship navigator news", summary="Relatives caring for children.")
    factories.StandardPageFactory(parent=home_page, slug="about", title="About the partnership")


@pytest.mark.django_db
def test_search_finds_live_public_pages_and_paginates(client, searchable):
    response = client.get("/search/?q=kinship")
    text = response.content.decode()
    assert response.status_code == 200
    assert "12 results" in text
    assert "Page 1 of 2" in text
    assert "About the partnership" not in text


@pytest.mark.django_db
def test_search_leaves_out_unpublished_pages(client, home_page):
    page = factories.StandardPageFactory(parent=home_page, slug="secret", title="Zanzibar draft")
    page.unpublish()
    assert "Zanzibar draft" not in client.get("/search/?q=zanzibar").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "%27%22%28%29%26%7C%21%3A*",
        "!!!",
        "a%00b",
        "kin%20%26%20",
        "x" * 500,
        "%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_odd_search_input_never_breaks(client, searchable, query):
    response = client.get(f"/search/?q={query}")
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


@pytest.mark.django_db
def test_punctuation_only_search_explains_itself(client, searchable):
    text = html.unescape(client.get("/search/?q=%21%21%21").content.decode())
    assert "Please use letters or numbers" in text


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "999", "-1"])
def test_search_page_out_of_range_is_a_normal_page(client, searchable, page):
    response = client.get(f"/search/?q=kinship&page={page}")
    assert response.status_code == 200
    assert "usa-alert" in response.content.decode()


@pytest.mark.django_db
def test_search_is_narrowed_by_the_search_queryset_hook(client, searchable):
    def hide_updates(request, queryset):
        return queryset.exclude(title__startswith="Kinship")

    with hooks.register_temporarily(SEARCH_QUERYSET, hide_updates):
        text = client.get("/search/?q=kinship").content.decode()
    assert "Kinship navigator news" not in text


@pytest.mark.django_db
def test_search_url_name_is_search(client):
    from django.urls import reverse

    assert reverse("search") == "/search/"
    assert client.get("/search/").status_code == 200
