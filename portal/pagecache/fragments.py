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
    return cached_fragments(name, {vary: build})[vary]


def cached_fragments(name: str, builds: dict) -> dict:
    """{vary: build} -> {vary: value}, each cached like `cached_fragment`: the worker's copies
    first, then one cache read (get_many) for the rest and at most one write (set_many).

    Values are stored as 1-tuples so that a fragment whose value is None (no translation, no
    site) is a hit like any other, not rebuilt on every request."""
    cache = pagecache.backend()
    if cache is None:
        return {vary: build() for vary, build in builds.items()}
    try:
        generation = pagecache.generation(cache)
        language = translation.get_language()
        keys = {vary: f"fragment:{generation}:{name}:{vary}:{language}" for vary in builds}
        local = _local["values"] if _local["generation"] == generation else {}
        values = {vary: pickle.loads(local[key]) for vary, key in keys.items() if key in local}
        wanted = [key for vary, key in keys.items() if vary not in values]
        found = cache.get_many(wanted) if wanted else {}
    except Exception as error:  # noqa: BLE001 - an outage: one line, no traceback
        logger.warning("fragment cache: read failed (%s); building %s", error, name)
        return {vary: build() for vary, build in builds.items()}
    fetched, missing = {}, {}
    for vary, key in keys.items():
        if vary in values:
            continue
        entry = found.get(key)
        if isinstance(entry, tuple) and len(entry) == 1:
            values[vary] = fetched[key] = entry[0]
        else:
            values[vary] = fetched[key] = builds[vary]()
            missing[key] = (values[vary],)
    if missing:
        try:
            cache.set_many(missing, timeout=getattr(settings, "PAGECACHE_TIMEOUT", 600))
        except Exception as error:  # noqa: BLE001
            logger.warning("fragment cache: write failed (%s) for %s", error, name)
            return values  # not in the shared cache: no worker copy either
    for key, value in fetched.items():
        _keep_locally(generation, key, value)
    return values
