"""Fragment cache for the parts every page shares (main menu, site settings with the footer's
pages, the CFSR vocabulary), retired together with the page cache.

Each fragment is stored in the `pages` cache under the current generation, so every event that
invalidates the page cache (`portal.pagecache.cache.invalidate`, a settings save, a publish)
retires the fragments too: they are never staler than the pages built from them. Without the
`pages` cache (no REDIS_URL) or on any cache error the fragment is simply built.

Each worker also keeps the fragments of the current generation in memory (pickled, so no two
requests share an object). That copy is only used after the request has read the generation
from the shared cache, so it is exactly as fresh as the shared one; a new generation empties it.
"""

import logging
import pickle

from django.conf import settings
from django.utils import translation

from . import cache as pagecache

logger = logging.getLogger(__name__)
_MISSING = object()


LOCAL_LIMIT = 5000  # fragments a worker keeps for one generation (bounded by distinct `vary`s)
_local: dict = {"generation": None, "values": {}}


def _keep_locally(generation: int, key: str, value) -> None:
    if _local["generation"] != generation:
        _local["generation"], _local["values"] = generation, {}
    values = _local["values"]
    if len(values) < LOCAL_LIMIT:
        try:
            values[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - not picklable: the shared copy is enough
            pass


def cached_fragment(name: str, build, *, vary: object = ""):
    """`build()`, cached per generation, `name`, `vary` and the active language."""
    cache = pagecache.backend()
    if cache is None:
        return build()
    try:
        generation = pagecache.generation(cache)
        key = f"fragment:{generation}:{name}:{vary}:{translation.get_language()}"
        if _local["generation"] == generation and key in _local["values"]:
            return pickle.loads(_local["values"][key])
        value = cache.get(key, _MISSING)
    except Exception as error:  # noqa: BLE001 - an outage: one line per fragment, no traceback
        logger.warning("fragment cache: read failed (%s); building %s", error, name)
        return build()
    if value is _MISSING:
        value = build()
        try:
            cache.set(key, value, timeout=getattr(settings, "PAGECACHE_TIMEOUT", 600))
        except Exception as error:  # noqa: BLE001
            logger.warning("fragment cache: write failed (%s) for %s", error, name)
            return value
    _keep_locally(generation, key, value)
    return value


def cached_fragments(name: str, builds: dict) -> dict:
    """`cached_fragment` for many at once, {vary: build} -> {vary: value}: one cache read
    (get_many) and at most one write (set_many) instead of a round trip per fragment."""
    cache = pagecache.backend()
    if cache is None:
        return {vary: build() for vary, build in builds.items()}
    try:
        prefix = f"fragment:{pagecache.generation(cache)}:{name}:"
        language = translation.get_language()
        keys = {vary: f"{prefix}{vary}:{language}" for vary in builds}
        found = cache.get_many(list(keys.values()))
    except Exception as error:  # noqa: BLE001 - an outage: one line, no traceback
        logger.warning("fragment cache: read failed (%s); building %s", error, name)
        return {vary: build() for vary, build in builds.items()}
    values, missing = {}, {}
    for vary, key in keys.items():
        if key in found:
            values[vary] = found[key]
        else:
            values[vary] = missing[key] = builds[vary]()
    if missing:
        try:
            cache.set_many(missing, timeout=getattr(settings, "PAGECACHE_TIMEOUT", 600))
        except Exception as error:  # noqa: BLE001
            logger.warning("fragment cache: write failed (%s) for %s", error, name)
    return values
