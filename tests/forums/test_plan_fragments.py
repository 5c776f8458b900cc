"""The plan overview's CFSR filter list is a fragment: a term saved or deleted retires it."""

import pytest
from django.core.cache import caches

from home.cfsr import CfsrKind
from home.models import CfsrTerm


@pytest.fixture
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "plan-fragments"},
    }
    caches["pages"].clear()


def _overview(client) -> str:
    client.cookies["seen"] = "1"  # never a page-cache hit: the uncached render
    response = client.get("/workgroups/plan/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_new_or_removed_cfsr_term_shows_on_the_next_render(client, workgroup, pages_cache):
    assert "Zebra outcome" not in _overview(client)
    term = CfsrTerm.objects.create(
        code="ZZ-9", kind=CfsrKind.choices[0][0], name="Zebra outcome", statement=""
    )
    assert "Zebra outcome" in _overview(client)
    term.delete()
    assert "Zebra outcome" not in _overview(client)
