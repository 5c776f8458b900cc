import pytest
from wagtail.models import Site

from home.models import HomePage


@pytest.mark.django_db
def test_the_site_root_is_the_portal_home_page(client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    assert b"Skip to main content" in response.content


@pytest.mark.django_db
def test_cfsr_vocabulary_has_seven_outcomes_and_seven_systemic_factors():
    from home.models import CfsrTerm

    kinds = list(CfsrTerm.objects.values_list("kind", flat=True))
    assert kinds.count("outcome") == 7
    assert kinds.count("systemic") == 7
