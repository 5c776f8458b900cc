"""Outages answer the site's 503 page; Redis down is a miss, never an open security limit."""

import pytest
from django.core.cache.backends.base import InvalidCacheBackendError  # noqa: F401
from django.db import OperationalError
from django.test import override_settings

from portal.operations.cache import FailSafeRedisCache, SecurityCacheUnavailable
from tests.services import PrivateRedis


@pytest.fixture
def redis_server():
    server = PrivateRedis().start()
    yield server
    server.stop()


def make_cache(url):
    return FailSafeRedisCache(url, {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}})


def test_redis_down_ordinary_keys_are_misses(redis_server):
    cache = make_cache(redis_server.url)
    cache.set("page", "html")
    assert cache.get("page") == "html"
    redis_server.stop()
    assert cache.get("page") is None
    assert cache.get("page", "fallback") == "fallback"
    assert cache.set("page", "html") is False
    assert cache.add("page", "html") is False
    assert cache.get_many(["page"]) == {}
    cache.delete("page")


@pytest.mark.parametrize(
    "key",
    ["allauth:rl:account:login_failed:5/5m/key:abc", "allauth.mfa.totp.used?user=1&code=1", "rl:x"],
)
def test_redis_down_security_keys_fail_closed(redis_server, key):
    cache = make_cache(redis_server.url)
    redis_server.stop()
    with pytest.raises(SecurityCacheUnavailable):
        cache.add(key, "y", 30)
    with pytest.raises(SecurityCacheUnavailable):
        cache.get(key)
    with pytest.raises(SecurityCacheUnavailable):
        cache.incr(key)


def test_redis_back_security_keys_work_again(redis_server):
    cache = make_cache(redis_server.url)
    redis_server.stop()
    with pytest.raises(SecurityCacheUnavailable):
        cache.add("rl:x", 1, 30)
    redis_server.start()
    assert cache.add("rl:x", 1, 30) is True
    assert cache.add("rl:x", 1, 30) is False


@pytest.mark.django_db
def test_database_down_answers_503_with_retry_after(client, monkeypatch):
    from home import views  # noqa: F401  (any view works: the error is raised below it)

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", broken)
    with override_settings(SERVICE_RETRY_AFTER_SECONDS=17):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "17"
    assert response["Cache-Control"] == "no-store"
    assert b"briefly unavailable" in response.content
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_security_cache_down_answers_503_on_sign_in(client, monkeypatch):
    def down(*args, **kwargs):
        raise SecurityCacheUnavailable("redis down")

    monkeypatch.setattr("django.core.cache.backends.locmem.LocMemCache.add", down)
    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 503
    assert b"safety limits" in response.content


@pytest.mark.django_db
def test_security_cache_down_in_a_limit_middleware_answers_503_not_500(client, user, monkeypatch):
    """The posting limit is checked in a middleware's process_view, before any view."""

    def down(*args, **kwargs):
        raise SecurityCacheUnavailable("redis down")

    client.force_login(user)
    client.raise_request_exception = False
    monkeypatch.setattr("django.core.cache.backends.locmem.LocMemCache.add", down)
    monkeypatch.setattr("django.core.cache.backends.locmem.LocMemCache.incr", down)
    response = client.post("/workgroups/-/topics/1/comments/", {"body": "Hello"})
    assert response.status_code == 503
    assert b"safety limits" in response.content
    assert response["Retry-After"]
