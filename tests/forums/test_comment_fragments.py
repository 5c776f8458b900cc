"""Rendered comments kept in the fragment cache (forums/comment_fragments.py): the next render
after any change shows it, and one viewer's links never reach another."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.factories import CommentFactory
from portal.accounts.factories import UserFactory


@pytest.fixture
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "comment-fragments",
        },
    }
    caches["pages"].clear()


def _board(client, topic) -> str:
    client.cookies["seen"] = "1"  # never a page-cache hit: the uncached render
    response = client.get(topic.url)
    assert response.status_code == 200
    return response.content.decode()


def _fragment_keys() -> list[str]:
    return [key for key in caches["pages"]._cache if ":fragment:" in key and ":comment:" in key]


@pytest.mark.django_db
def test_comments_come_from_the_cache_and_follow_edits(client, topic, pages_cache, user):
    comment = CommentFactory(topic=topic, author=user, body="First words", created_at=timezone.now())
    assert "First words" in _board(client, topic)
    assert _fragment_keys(), "the comment was not kept"
    client.force_login(user)
    assert "First words" in _board(client, topic)
    services.comment_edit(user=user, comment=comment, body="Second thoughts")
    assert "Second thoughts" in _board(client, topic) and "First words" not in _board(client, topic)


@pytest.mark.django_db
def test_a_viewers_links_are_not_shown_to_another(client, topic, pages_cache, user):
    comment = CommentFactory(topic=topic, author=user, body="Mine", created_at=timezone.now())
    edit = reverse("forums:comment_edit", args=[comment.pk])
    client.force_login(user)
    assert edit in _board(client, topic)  # the author may edit for 15 minutes
    client.force_login(UserFactory())
    board = _board(client, topic)
    assert edit not in board and "Report this comment" in board
    client.logout()
    board = _board(client, topic)
    assert edit not in board and "Report this comment" not in board


@pytest.mark.django_db
def test_a_renamed_or_deleted_author_shows_at_once(client, topic, pages_cache, user):
    user.display_name = "Rosa M."
    user.save()
    CommentFactory(topic=topic, author=user, body="Hello", created_at=timezone.now())
    assert "Rosa M." in _board(client, topic)
    user.is_deidentified = True  # no page-cache event: the name is part of the key
    user.save()
    board = _board(client, topic)
    assert "Rosa M." not in board and "Former participant" in board


@pytest.mark.django_db
def test_the_anonymous_board_is_kept_whole_and_follows_new_comments(client, topic, pages_cache, user):
    """Anonymous readers share one rendered board per sort/filter/page; a comment posted,
    then deleted, shows on the next render (the service retires it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CommentFactory(topic=topic, author=user, body="Already here", created_at=timezone.now())
    assert "Already here" in _board(client, topic)
    with CaptureQueriesContext(connection) as warm:
        assert "Already here" in _board(client, topic)
    assert not [q for q in warm.captured_queries if "forums_comment" in q["sql"]]  # board from cache
    comment = services.comment_post(author=user, topic=topic, body="Freshly posted")
    assert "Freshly posted" in _board(client, topic)
    assert "Freshly posted" in client.get(topic.url + "?sort=newest").content.decode()
    services.comment_delete(user=user, comment=comment)
    assert "Freshly posted" not in _board(client, topic)
