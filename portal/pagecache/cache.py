"""Keys, generation and storage of the anonymous page cache.

Every cached page is stored under the current *generation*; `invalidate()` bumps it, so the
next anonymous request of every page renders afresh (never stale). Every cache error is
logged and the page is served uncached.
"""

import contextvars
import hashlib
import logging
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.db import transaction

logger = logging.getLogger(__name__)
ALIAS = "pages"
GENERATION_KEY = "generation"
# Parameters that change the page, each with the shape of the values we cache; any other
# parameter that is not a known tracking one means "do not cache" (bounds a flood of keys).
QUERY_PARAMS = {
    "page": re.compile(r"^[1-9]\d{0,2}$"),
    "topic": re.compile(r"^[\w-]{1,40}$"),
    "tag": re.compile(r"^[\w-]{1,40}$"),
    "category": re.compile(r"^[\w-]{1,40}$"),
    "type": re.compile(r"^[\w-]{1,40}$"),
    "initiative": re.compile(r"^[\w-]{1,40}$"),
}
IGNORED_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga)$")
LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2}(?:-[a-z]{2,4})?)/")


def backend():
    """The `pages` cache, or None when it is not configured (no REDIS_URL: caching off)."""
    if ALIAS not in settings.CACHES:
        return None
    try:
        return caches[ALIAS]
    except InvalidCacheBackendError:
        return None


def normalised_query(query_dict) -> str | None:
    """The sorted whitelisted parameters, or None when the query makes the page uncacheable."""
    kept = []
    for name in query_dict:
        values = query_dict.getlist(name)
        if IGNORED_PARAMS.match(name):
            continue
        pattern = QUERY_PARAMS.get(name)
        if pattern is None or len(values) != 1 or not pattern.match(values[0]):
            return None
        kept.append((name, values[0]))
    return urlencode(sorted(kept))


def language_of(path: str) -> str:
    match = LANGUAGE_PREFIX.match(path)
    languages = {code for code, _name in settings.LANGUAGES}
    if match and match.group(1) in languages:
        return match.group(1)
    return settings.LANGUAGE_CODE


DEADLINE_KEY = "deadline"


def next_deadline() -> float:
    """The next moment a page changes by the clock alone (a survey opening or closing), as a
    timestamp; far future when none. Computed once per generation."""
    from surveys.selectors import next_window_change

    moment = next_window_change()
    return moment.timestamp() if moment else 4102444800.0  # 2100-01-01


# The generation as read once in this request (see `request_scope`): a page's dozen fragments
# then cost one cache read each, not two. None outside a request (tasks, shells): always read.
_request_generation: contextvars.ContextVar = contextvars.ContextVar("pagecache_generation", default=None)
_UNREAD = 0


def request_scope():
    """Start a request's memo of the generation; returns the token to `end_request_scope`."""
    return _request_generation.set(_UNREAD)


def end_request_scope(token) -> None:
    _request_generation.reset(token)


def _remember(value: int) -> int:
    if _request_generation.get() is not None:
        _request_generation.set(value)
    return value


def generation(cache) -> int:
    """The current generation; bumped first if a clock deadline (survey window) has passed."""
    remembered = _request_generation.get()
    if remembered:
        return remembered
    return _remember(_current_generation(cache, cache.get_many([GENERATION_KEY, DEADLINE_KEY])))


def first_generation() -> int:
    """A new generation counter starts at the clock in microseconds, not at 1: after Redis
    restarts empty, no number a worker remembers fragments under (fragments.py) comes back
    (microseconds: two test runs that empty the cache never meet the same number either)."""
    return time.time_ns() // 1000


def _current_generation(cache, values: dict) -> int:
    value, deadline = values.get(GENERATION_KEY), values.get(DEADLINE_KEY)
    if value is None:
        cache.add(GENERATION_KEY, first_generation(), timeout=None)
        value = cache.get(GENERATION_KEY) or 1
    if deadline is None or time.time() >= deadline:
        if deadline is not None:
            value = cache.incr(GENERATION_KEY)
        cache.set(DEADLINE_KEY, next_deadline(), timeout=None)
    return int(value)


ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # the test Django's GZipMiddleware applies


def encoding_of(request) -> str:
    """The body variant a request gets: compressed copies are stored apart from plain ones."""
    return "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else ""


def _address_key(*, host: str, path: str, query: str, encoding: str) -> str:
    raw = "\n".join([host.lower(), path, query, language_of(path), encoding])
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def page_key(cache, *, host: str, path: str, query: str, encoding: str = "") -> str:
    """The address's key in the current generation (starting one if there is none)."""
    generation(cache)
    return _address_key(host=host, path=path, query=query, encoding=encoding)


def lookup(cache, *, host: str, path: str, query: str, encoding: str = "") -> tuple[str, int, object]:
    """(key, current generation, cached response or None) in one round trip to the cache.

    A page is stored with the generation it was rendered in and served only while that is
    still the current one: an invalidation between the render and the store leaves an entry
    that no later request accepts (never stale), and a hit costs a single MGET."""
    key = _address_key(host=host, path=path, query=query, encoding=encoding)
    values = cache.get_many([GENERATION_KEY, DEADLINE_KEY, key])
    current = _remember(_current_generation(cache, values))
    entry = values.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == current:
        return key, current, entry[1]
    return key, current, None


def store(cache, key: str, rendered_in: int, response, timeout: int) -> None:
    cache.set(key, (rendered_in, response), timeout=timeout)


def invalidate(reason: str = "") -> None:
    """Make every cached page stale at once. Call it from every service that changes what
    anonymous visitors see (publishing, moderation, plans, surveys, site settings).

    Bumps now and again when the transaction commits: a page rendered from the old data
    between the two bumps is cached under a generation that the commit retires."""
    _bump(reason)
    transaction.on_commit(lambda: _bump(reason))


def _bump(reason: str) -> None:
    if _request_generation.get() is not None:
        _request_generation.set(_UNREAD)  # the rest of this request reads the new one
    cache = backend()
    if cache is None:
        return
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no generation yet
            cache.add(GENERATION_KEY, first_generation(), timeout=None)
        cache.delete(DEADLINE_KEY)  # recomputed on the next request
    except Exception:  # a cache outage must not break the write that called us
        logger.exception("page cache: could not invalidate (%s)", reason)
        return
    logger.info("page cache invalidated: %s", reason)
