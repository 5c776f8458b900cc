"""Resource library and private collections: documents are only ever served through Django."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from home import factories
from home.demo import tiny_pdf


def _document(collection, title, name):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(name, ContentFile(tiny_pdf(title, ["Test"])), save=False)
    document.save()
    return document


@pytest.fixture
def library(home_page):
    root = Collection.get_first_root_node().add_child(name="Library")
    guides = root.add_child(name="Guides")
    private = root.add_child(name="Partners only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    public_doc = _document(guides, "Family guide", "family-guide.pdf")
    private_doc = _document(private, "Draft plan", "draft-plan.pdf")
    page = factories.ResourceIndexPageFactory(parent=home_page, slug="resources", collection=root)
    return page, guides, public_doc, private_doc


@pytest.mark.django_db
def test_public_documents_are_served_to_anyone(client, library):
    _, _, public_doc, _ = library
    assert public_doc.url.startswith("/documents/")
    response = client.get(public_doc.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_private_documents_are_refused_to_anonymous_visitors(client, library):
    _, _, _, private_doc = library
    response = client.get(private_doc.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_private_documents_are_served_after_sign_in(client, user, library):
    _, _, _, private_doc = library
    client.force_login(user)
    response = client.get(private_doc.url)
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("which", [2, 3])
def test_no_media_url_reaches_a_document_file(client, library, which):
    document = library[which]
    direct = f"{settings.MEDIA_URL}{document.file.name}"
    assert direct.startswith("/media/documents/")
    response = client.get(direct)
    assert response.status_code == 404
    assert b"%PDF" not in response.content


@pytest.mark.django_db
def test_library_lists_private_documents_only_to_signed_in_people(client, user, library):
    html = client.get("/resources/").content.decode()
    assert "Family guide" in html and "Draft plan" not in html
    client.force_login(user)
    html = client.get("/resources/").content.decode()
    assert "Draft plan" in html and "Partners only" in html


@pytest.mark.django_db
def test_library_filters_by_category_and_title(client, library):
    _, guides, _, _ = library
    assert "Family guide" in client.get(f"/resources/?category={guides.pk}").content.decode()
    assert "Family guide" not in client.get("/resources/?q=nothing-like-this").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?category=999999", "?category=abc", "?page=0", "?page=x"])
def test_library_bad_input_is_a_normal_page(client, library, query):
    response = client.get(f"/resources/{query}")
    assert response.status_code == 200
    assert 'class="usa-alert' in response.content.decode()
