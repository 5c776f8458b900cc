import datetime
import html

import feedparser
import pytest

from home import factories
from home.models import CfsrTerm


@pytest.mark.django_db
def test_update_index_is_paginated(client, make_updates):
    make_updates(12)
    first = client.get("/updates/").content.decode()
    second = client.get("/updates/?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert first.count('class="usa-collection__item"') == 10
    assert second.count('class="usa-collection__item"') == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, message",
    [
        ("?page=abc", "isn't a number"),
        ("?page=99", "There is no page 99"),
        ("?page=-3", "There is no page -3"),
        ("?initiative=no-such-thing", "couldn't find that initiative"),
        ("?tag=%3Cscript%3E", "couldn't find that topic"),
        ("?cfsr=XX", "couldn't find that CFSR"),
    ],
)
def test_bad_filters_and_page_numbers_give_a_normal_page_with_a_message(client, make_updates, query, message):
    make_updates(3)
    response = client.get(f"/updates/{query}")
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_filter_by_initiative_tag_and_cfsr(client, update_index, initiative, initiative_index):
    other = factories.InitiativePageFactory(parent=initiative_index, slug="other", title="Other work")
    tagged = factories.UpdatePageFactory(
        parent=update_index, title="Tagged kin update", initiative=initiative
    )
    tagged.tags.add("kinship")
    tagged.cfsr_terms.set([CfsrTerm.objects.get(code="P2")])
    tagged.save_revision().publish()
    factories.UpdatePageFactory(parent=update_index, title="Other initiative update", initiative=other)

    by_initiative = client.get("/updates/?initiative=kin-first").content.decode()
    assert "Tagged kin update" in by_initiative and "Other initiative update" not in by_initiative
    by_tag = client.get("/updates/?tag=kinship").content.decode()
    assert "Tagged kin update" in by_tag and "Other initiative update" not in by_tag
    by_cfsr = client.get("/updates/?cfsr=p2").content.decode()
    assert "Tagged kin update" in by_cfsr and "Other initiative update" not in by_cfsr


@pytest.mark.django_db
@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_feeds_are_valid_and_list_updates_newest_first(client, make_updates, kind, version):
    old, new = make_updates(2)
    old.date = datetime.date(2026, 1, 5)
    old.save_revision().publish()
    response = client.get(f"/updates/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert [e.title for e in feed.entries] == [new.title, old.title]
    assert feed.entries[0].link.endswith(new.url)
    assert feed.entries[0].author == "Communications team"


@pytest.mark.django_db
def test_unpublished_updates_stay_out_of_the_feed(client, make_updates):
    [hidden] = make_updates(1, title="Not yet")
    hidden.unpublish()
    feed = feedparser.parse(client.get("/updates/feed/rss/").content)
    assert feed.entries == []
