"""Page render query counts do not grow with the number of updates, events or initiatives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import factories


def _grow(to: int, *, update_index, event_index, initiative_index, theory, initiative):
    from home.models import EventPage, InitiativePage, UpdatePage

    for _ in range(to - UpdatePage.objects.count()):
        update = factories.UpdatePageFactory(parent=update_index, initiative=initiative)
        if UpdatePage.objects.count() % 5 == 0:
            update.tags.add("kinship", "data")
            update.save_revision().publish()
    for _ in range(to - EventPage.objects.count()):
        factories.EventPageFactory(parent=event_index)
    for _ in range(to - InitiativePage.objects.count()):
        factories.InitiativePageFactory(parent=initiative_index, theory_of_change=theory, featured=True)


def _count(client, url) -> int:
    client.get(url)  # warm caches (site root paths) the same way for both sizes
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


URLS = ["/", "/updates/", "/updates/?initiative=kin-first&tag=kinship&page=2", "/theory-of-change/",
        "/theory-of-change/text/", "/initiatives/", "/initiatives/kin-first/", "/events/", "/events/past/"]


@pytest.mark.django_db
def test_query_counts_are_equal_at_5_and_50_items(client, django_assert_num_queries, update_index,
                                                  event_index, initiative_index, theory, initiative):
    sizes = {"update_index": update_index, "event_index": event_index, "initiative_index": initiative_index,
             "theory": theory, "initiative": initiative}
    _grow(5, **sizes)
    urls = [*URLS, update_index.get_children().live().first().url]
    small = {url: _count(client, url) for url in urls}
    _grow(50, **sizes)
    for url in urls:
        client.get(url)
        with django_assert_num_queries(small[url]):
            client.get(url)
