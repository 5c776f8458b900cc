"""The anonymous page cache: what is cached, what never is, and every event that retires it."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import Site

from forums.factories import CommentFactory, TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from home import factories
from home.models import PortalSettings
from portal.pagecache import cache as pagecache


@pytest.fixture(autouse=True)
def pages_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages-test"},
    }
    settings.ALLOWED_HOSTS = ["testserver", "portal.example.org"]
    caches["pages"].clear()
    yield caches["pages"]


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def update_index(home_page):
    return factories.UpdateIndexPageFactory(parent=home_page, slug="updates")


def _get(client, url, **extra):
    client.cookies.clear()
    return client.get(url, **extra)


def _hit(client, url, **extra) -> bool:
    return _get(client, url, **extra).get("X-Page-Cache") == "HIT"


@pytest.mark.django_db
def test_second_anonymous_request_is_a_hit(client, home_page):
    first = _get(client, "/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "MISS"
    second = _get(client, "/")
    assert second["X-Page-Cache"] == "HIT" and second.content == first.content


@pytest.mark.django_db
def test_a_hit_is_one_cache_read_and_keeps_every_header(client, home_page, pages_cache, monkeypatch):
    first = _get(client, "/")
    reads = []

    inside = []  # locmem's get_many calls get itself: count only the middleware's own reads

    def counted(name):
        original = getattr(pages_cache, name)

        def read(*args, **kwargs):
            if not inside:
                reads.append(name)
            inside.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                inside.pop()

        return read

    for name in ("get", "get_many"):
        monkeypatch.setattr(pages_cache, name, counted(name))
    second = _get(client, "/")
    assert second["X-Page-Cache"] == "HIT" and reads == ["get_many"]
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options", "Vary"):
        assert second[header] == first[header], header


@pytest.mark.django_db
def test_a_page_stored_before_an_invalidation_is_never_served_after_it(client, home_page, pages_cache):
    _get(client, "/")
    pagecache._bump("test")
    assert _get(client, "/")["X-Page-Cache"] == "MISS"


@pytest.mark.django_db
def test_off_without_the_pages_cache(client, home_page, settings):
    settings.CACHES = {"default": settings.CACHES["default"]}
    _get(client, "/")
    assert "X-Page-Cache" not in _get(client, "/")


@pytest.mark.django_db
def test_never_for_a_signed_in_person(client, home_page, user):
    _get(client, "/")
    client.force_login(user)
    response = client.get("/")
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_never_with_any_cookie_post_or_non_200(client, home_page):
    _get(client, "/")
    client.cookies["messages"] = "x"
    assert "X-Page-Cache" not in client.get("/")
    client.cookies.clear()
    assert "X-Page-Cache" not in client.post("/")
    _get(client, "/no-such-page/")
    assert not _hit(client, "/no-such-page/")


@pytest.mark.django_db
def test_never_for_bypassed_paths_and_the_bench_header(client, home_page, settings):
    settings.PAGECACHE_BYPASS_TOKEN = "s3cret"
    for url in ["/accounts/login/", "/search/?q=kin", "/surveys/-/1/summary/"]:
        _get(client, url)
        assert not _hit(client, url), url
    _get(client, "/")
    assert not _hit(client, "/", HTTP_X_PAGECACHE_BYPASS="s3cret")
    assert _hit(client, "/", HTTP_X_PAGECACHE_BYPASS="guess")


@pytest.mark.django_db
def test_response_with_csrf_token_or_cookie_is_not_stored(client):
    _get(client, "/accounts/signup/")  # form with a CSRF token, also a bypassed path
    from django.test import RequestFactory

    from portal.pagecache.middleware import PageCacheMiddleware

    def view(request):
        from django.http import HttpResponse
        from django.middleware.csrf import get_token

        get_token(request)
        return HttpResponse("form")

    middleware = PageCacheMiddleware(view)
    for _ in range(2):
        response = middleware(RequestFactory().get("/form/"))
        assert "X-Page-Cache" not in response

    def cookie_view(request):
        from django.http import HttpResponse

        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    middleware = PageCacheMiddleware(cookie_view)
    for _ in range(2):
        assert "X-Page-Cache" not in middleware(RequestFactory().get("/cookie/"))


@pytest.mark.django_db
def test_query_strings(client, update_index):
    _get(client, "/updates/")
    assert _hit(client, "/updates/?utm_source=mail&fbclid=1")  # tracking ignored: same page
    _get(client, "/updates/?page=2")
    assert _hit(client, "/updates/?page=2") and not _hit(client, "/updates/?page=3")
    assert _hit(client, "/updates/?initiative=kin&page=2") is False
    assert _hit(client, "/updates/?page=2&initiative=kin")  # order does not matter
    _get(client, "/updates/?unknown=1")
    assert not _hit(client, "/updates/?unknown=1")


@pytest.mark.django_db
def test_unique_query_flood_is_not_stored(client, update_index, pages_cache):
    for n in range(50):
        _get(client, f"/updates/?q{n}=x")
        _get(client, f"/updates/?page=1{n:03d}")
        _get(client, f"/updates/?tag={'x' * 41}{n}")
    assert not [key for key in pages_cache._cache if ":page:" in key]  # only generation, deadline, fragments


@pytest.mark.django_db
def test_forged_host_is_never_cached(client, home_page, settings):
    assert _get(client, "/", HTTP_HOST="evil.example").status_code == 400
    assert "X-Page-Cache" not in _get(client, "/", HTTP_HOST="evil.example")
    settings.ALLOWED_HOSTS = ["*"]
    _get(client, "/", HTTP_HOST="evil.example")
    assert not _hit(client, "/", HTTP_HOST="evil.example")


@pytest.mark.django_db
def test_cache_errors_serve_uncached(client, home_page, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(caches["pages"], "get_many", broken)
    assert _get(client, "/").status_code == 200
    monkeypatch.setattr(caches["pages"], "incr", broken)
    pagecache.invalidate("test")  # never raises


# --- every event makes the next anonymous request show the change -----------------------


@pytest.mark.django_db
def test_publish(client, home_page):
    _get(client, "/")
    home_page.title = "Brand new title"
    home_page.save_revision().publish()
    assert b"Brand new title" in _get(client, "/").content


@pytest.mark.django_db
def test_unpublish_and_delete(client, update_index):
    page = factories.UpdatePageFactory(parent=update_index)
    url = page.url
    assert _get(client, url).status_code == 200 and _hit(client, url)
    page.unpublish()
    assert _get(client, url).status_code == 404
    page.save_revision().publish()
    assert _get(client, url).status_code == 200 and _hit(client, url)
    page.delete()
    assert _get(client, url).status_code == 404


@pytest.mark.django_db
def test_move(client, home_page, update_index):
    other = factories.UpdateIndexPageFactory(parent=home_page, slug="news")
    page = factories.UpdatePageFactory(parent=update_index)
    url = page.url
    assert _get(client, url).status_code == 200 and _hit(client, url)
    page.move(other, pos="last-child")
    assert _get(client, url).status_code == 301  # Wagtail's automatic redirect, not the old copy


@pytest.mark.django_db
def test_scheduled_go_live(client, update_index):
    from django.core.management import call_command

    page = factories.UpdatePageFactory(parent=update_index)
    page.title = "Scheduled headline"
    revision = page.save_revision(approved_go_live_at=timezone.now() + timedelta(seconds=1))
    revision.publish()  # schedules it
    _get(client, "/updates/")
    from wagtail.models import Revision

    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")
    assert b"Scheduled headline" in _get(client, "/updates/").content


@pytest.mark.django_db
def test_site_settings(client, home_page):
    _get(client, "/")
    portal_settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal_settings.hotline_phone = "1-800-555-7777"
    portal_settings.save()
    assert b"1-800-555-7777" in _get(client, "/").content


@pytest.fixture
def topic(db):
    home = Site.objects.get(is_default_site=True).root_page
    index = WorkgroupIndexPageFactory(parent=home)
    return TopicPageFactory(parent=WorkgroupPageFactory(parent=index))


@pytest.mark.django_db
def test_comment_hidden_and_removed(client, topic, django_user_model):
    from forums.moderation import services as moderation

    comment = CommentFactory(topic=topic, body="Visible words here", body_html="<p>Visible words here</p>")
    assert b"Visible words here" in _get(client, topic.url).content and _hit(client, topic.url)
    moderator = django_user_model.objects.create_superuser("mod", "mod@example.org", "x-Pass-1234")
    moderation.comment_hide(comment=comment, by=moderator, reason="off_topic")
    response = _get(client, topic.url)
    assert response["X-Page-Cache"] == "MISS", comment.state
    assert b"Visible words here" not in response.content
    moderation.comment_restore(comment=comment, by=moderator)
    assert b"Visible words here" in _get(client, topic.url).content
    moderation.comment_remove(comment=comment, by=moderator, reason="off_topic")
    assert b"Visible words here" not in _get(client, topic.url).content


@pytest.mark.django_db
def test_survey_window_deadline(client, home_page, pages_cache):
    pagecache.page_key(pages_cache, host="testserver", path="/", query="")
    generation = pages_cache.get(pagecache.GENERATION_KEY)
    pages_cache.set(pagecache.DEADLINE_KEY, timezone.now().timestamp() - 1, timeout=None)
    pagecache.page_key(pages_cache, host="testserver", path="/", query="")
    assert pages_cache.get(pagecache.GENERATION_KEY) == generation + 1


@pytest.mark.django_db
def test_plan_item_change(client, home_page, pages_cache):
    from forums.factories import PlanItemFactory

    pagecache.page_key(pages_cache, host="testserver", path="/", query="")
    generation = pages_cache.get(pagecache.GENERATION_KEY)
    PlanItemFactory()
    assert pages_cache.get(pagecache.GENERATION_KEY) > generation


@pytest.mark.django_db
def test_a_language_prefix_never_makes_a_bypassed_path_cacheable(client, home_page):
    for url in ["/es/accounts/login/", "/es/search/?q=kin", "/es/surveys/-/1/summary/"]:
        _get(client, url)
        assert not _hit(client, url), url


@pytest.mark.django_db
def test_snippet_saved_in_the_admin(pages_cache):
    from agenda.models import ReviewRound
    from portal.pagecache.wagtail_hooks import _snippet_saved

    pagecache.page_key(pages_cache, host="testserver", path="/", query="")
    generation = pages_cache.get(pagecache.GENERATION_KEY)
    _snippet_saved(None, ReviewRound(pk=1))
    assert pages_cache.get(pagecache.GENERATION_KEY) > generation
