"""Signed-in readers share the topic's page of threads (forums.selectors._thread_page): the next
render after any change shows it, a held comment reaches only its author, a preview never
writes its draft into the shared copy, and the routing and workgroup lookups kept beside it
follow publish, move and membership changes."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forums import services
from forums.factories import CommentFactory, TopicPageFactory
from forums.models import CommentState, MembershipStatus, WorkgroupMembership
from portal.accounts.factories import UserFactory


@pytest.fixture
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "threads"},
    }
    caches["pages"].clear()


def _render(client, url) -> str:
    client.cookies["seen"] = "1"  # never a page-cache hit: the uncached render
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _thread_keys() -> list[str]:
    return [key for key in caches["pages"]._cache if ":topic-threads:" in key]


@pytest.mark.django_db
def test_signed_in_readers_share_the_threads_and_see_the_next_comment(
    client, topic, pages_cache, user, make_staff
):
    CommentFactory(topic=topic, author=UserFactory(), body="The first word", created_at=timezone.now())
    client.force_login(user)
    assert "The first word" in _render(client, topic.url)
    assert _thread_keys(), "the page of threads was not kept"
    client.force_login(UserFactory())
    assert "The first word" in _render(client, topic.url)  # another reader, the same copy

    posted = services.comment_post(author=make_staff("Moderators"), topic=topic, body="A second, later word")
    assert posted.state == CommentState.PUBLISHED
    for reader in (user, UserFactory()):
        client.force_login(reader)
        assert "A second, later word" in _render(client, topic.url)


@pytest.mark.django_db
def test_a_held_comment_reaches_only_its_author(client, topic, pages_cache, user):
    CommentFactory(topic=topic, author=UserFactory(), body="Public words", created_at=timezone.now())
    other = UserFactory()
    client.force_login(other)
    assert "Public words" in _render(client, topic.url)  # the shared copy is made first
    CommentFactory(
        topic=topic,
        author=user,
        body="Waiting for review",
        state=CommentState.PENDING,
        created_at=timezone.now(),
    )
    client.force_login(user)
    page = _render(client, topic.url)
    assert "Waiting for review" in page and "Public words" in page
    client.force_login(other)
    assert "Waiting for review" not in _render(client, topic.url)
    client.logout()
    assert "Waiting for review" not in _render(client, topic.url)


@pytest.mark.django_db
def test_hiding_a_comment_retires_the_shared_copy(client, topic, pages_cache, user, make_staff):
    from forums.moderation.models import Reason
    from forums.moderation.services.reviews import comment_hide

    comment = CommentFactory(topic=topic, author=UserFactory(), body="Soon hidden", created_at=timezone.now())
    client.force_login(user)
    assert "Soon hidden" in _render(client, topic.url)
    comment_hide(comment=comment, by=make_staff("Moderators"), reason=Reason.PERSONAL_INFO)
    assert "Soon hidden" not in _render(client, topic.url)


@pytest.mark.django_db
def test_a_preview_never_writes_its_draft_into_the_shared_copy(topic, pages_cache, make_staff):
    from django.test import RequestFactory

    CommentFactory(topic=topic, author=UserFactory(), body="On the draft", created_at=timezone.now())
    request = RequestFactory().get(topic.url)
    request.user = make_staff("Moderators")
    response = topic.specific.make_preview_request(original_request=request)
    assert response.status_code == 200 and b"On the draft" in response.render().content
    assert not _thread_keys(), "the preview stored its page of threads"


@pytest.mark.django_db
def test_routing_follows_unpublish_and_move(client, topic, workgroup, index_page, pages_cache, user):
    from forums.factories import WorkgroupPageFactory

    kinship = WorkgroupPageFactory(parent=index_page, title="Kinship", slug="kinship")
    staying = TopicPageFactory(parent=workgroup, title="A topic that stays", slug="stays")
    client.force_login(user)
    old_url = topic.url
    assert "Draft adoption subsidy policy" in _render(client, old_url)
    assert "A topic that stays" in _render(client, staying.url)
    topic.specific.move(kinship, pos="last-child")
    client.cookies["seen"] = "1"
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == "/workgroups/kinship/subsidy/"
    assert "Draft adoption subsidy policy" in _render(client, "/workgroups/kinship/subsidy/")
    staying.unpublish()
    assert client.get(staying.url_path.removeprefix("/home")).status_code == 404


@pytest.mark.django_db
def test_leaving_a_private_workgroup_hides_it_at_once(
    client, private_topic, private_workgroup, pages_cache, user
):
    WorkgroupMembership.objects.create(user=user, workgroup=private_workgroup, status=MembershipStatus.ACTIVE)
    client.force_login(user)
    assert "Secret draft" in _render(client, private_topic.url)
    services.membership_leave(user=user, workgroup=private_workgroup)
    client.cookies["seen"] = "1"
    assert client.get(private_topic.url).status_code in (403, 404)
    from forums.selectors import hidden_url_prefixes

    assert private_workgroup.url in hidden_url_prefixes(user)


@pytest.mark.django_db
def test_a_signed_in_reader_of_a_long_topic_costs_a_fixed_number_of_queries(client, topic, pages_cache, user):
    for number in range(45):
        CommentFactory(topic=topic, author=UserFactory(), body=f"Comment {number}", created_at=timezone.now())
    client.force_login(user)
    _render(client, topic.url + "?page=2")  # the shared parts are kept
    client.cookies["seen"] = "1"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(topic.url + "?page=2").status_code == 200
    # session, user, permissions (2), site and root page (the test host 'testserver' is not one
    # the cache may keep), e-mail verified, membership, follow, own held comments, unread
    # notifications, sanction: the threads, counts, route and workgroup are shared
    assert len(queries) <= 12, "\n".join(q["sql"][:150] for q in queries.captured_queries)
