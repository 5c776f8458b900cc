"""A Redis cache that keeps the portal up when Redis is down, and keeps its limits closed.

Ordinary cache use (page fragments, the cached_db session copy, Wagtail's caches) treats a
Redis error as a miss: it is logged and the page renders from the database. Keys that carry
a security decision — allauth's rate limits and TOTP replay marks, django-ratelimit's
counters — must never fail open: for those the error is raised as
`SecurityCacheUnavailable`, which `DatabaseUnavailableMiddleware` answers with the site's
"please try again in a minute" page (503 + Retry-After). Nobody can sign in, post or reuse
a two-step code unchecked while Redis is down; everybody can still read.
"""

import functools
import logging

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("portal.operations.cache")

# Key prefixes (before Django's KEY_PREFIX/version are added) that must fail closed.
DEFAULT_SECURITY_KEY_PREFIXES = ("allauth:rl:", "allauth.mfa.", "rl:")
CACHE_ERRORS = (ConnectionInterrupted, RedisConnectionError, RedisTimeoutError, OSError)


class SecurityCacheUnavailable(Exception):
    """A security counter could not be read or written: refuse the action."""


def _is_security_key(key) -> bool:
    prefixes = getattr(settings, "SECURITY_CACHE_KEY_PREFIXES", DEFAULT_SECURITY_KEY_PREFIXES)
    return isinstance(key, str) and key.startswith(tuple(prefixes))


def _fail_safe(default=None):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, key=None, *args, **kwargs):
            try:
                return method(self, key, *args, **kwargs)
            except CACHE_ERRORS as error:
                if _is_security_key(key):
                    logger.error("cache down: refusing %s on a security key", method.__name__)
                    raise SecurityCacheUnavailable(str(error)) from error
                logger.warning("cache down: %s treated as a miss (%s)", method.__name__, error)
                return default() if callable(default) else default

        return wrapper

    return decorator


class FailSafeRedisCache(RedisCache):
    """django-redis with misses instead of errors, and errors only where they must be."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # We decide per key below; django-redis must raise so that we can.
        self._ignore_exceptions = False

    def get(self, key, default=None, version=None, client=None):
        try:
            return super().get(key, default, version=version, client=client)
        except CACHE_ERRORS as error:
            if _is_security_key(key):
                logger.error("cache down: refusing get on a security key")
                raise SecurityCacheUnavailable(str(error)) from error
            logger.warning("cache down: get treated as a miss (%s)", error)
            return default

    set = _fail_safe(False)(RedisCache.set)
    add = _fail_safe(False)(RedisCache.add)
    delete = _fail_safe(False)(RedisCache.delete)
    touch = _fail_safe(False)(RedisCache.touch)
    has_key = _fail_safe(False)(RedisCache.has_key)
    ttl = _fail_safe()(RedisCache.ttl)
    get_many = _fail_safe(dict)(RedisCache.get_many)
    set_many = _fail_safe(list)(RedisCache.set_many)
    delete_many = _fail_safe()(RedisCache.delete_many)

    def incr(self, key, delta=1, version=None, client=None):
        try:
            return super().incr(key, delta, version=version, client=client)
        except CACHE_ERRORS as error:
            # A counter that cannot count is a security decision whatever its key.
            logger.error("cache down: refusing incr of %s", key)
            raise SecurityCacheUnavailable(str(error)) from error

    def clear(self):
        try:
            return super().clear()
        except CACHE_ERRORS as error:
            logger.warning("cache down: clear skipped (%s)", error)
            return False
