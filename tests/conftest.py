"""Fixtures shared by the whole suite."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from portal.accounts.factories import DEFAULT_PASSWORD, UnverifiedUserFactory, UserFactory

# Workgroup fixtures the forums and agenda folders share (index page, private workgroup, roles).
pytest_plugins = ["tests.fixtures.workgroups"]


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; one test's tries must not leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests():
    # A request under /es/ activates Spanish for the thread and nothing switches it back
    # (each real request activates its own); a later test's messages must not come out in Spanish.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def password():
    return DEFAULT_PASSWORD


@pytest.fixture
def user(db):
    """A verified participant with no stakeholder groups."""
    return UserFactory()


@pytest.fixture
def unverified_user(db):
    return UnverifiedUserFactory()


@pytest.fixture
def make_staff(db):
    """`make_staff("Moderators")` returns a user in that staff role."""

    def _make(*roles: str, **kwargs):
        return UserFactory(roles=list(roles), **kwargs)

    return _make


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Make the serialized snapshot of the seeded test database visible to every connection.

    Django keeps the snapshot on the connection object that created the test database.
    Once Playwright's event loop runs in the test thread, asgiref hands that thread a new
    connection object without the snapshot, and serialized rollback would silently skip
    restoring it. There is one database alias, so the class can carry it.
    """
    from django.db import connections

    connection = connections["default"]
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is not None:
        type(connection)._test_serialized_contents = snapshot
    yield


def pytest_collection_modifyitems(items):
    """Transactional tests (live server, threads) restore the data migrations seeded.

    A transactional test empties every table when it ends; without serialized rollback the
    next one would find no home page, no stakeholder groups and no staff roles.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = (
            kwargs.get("transaction")
            or bool(marker and marker.args and marker.args[0])
            or "live_server" in item.fixturenames
            or "transactional_db" in item.fixturenames
        )
        if transactional:
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(autouse=True)
def _moderation_hold_rules(request, settings):
    # Moderation's hold rules (forums.moderation.rules) hold new members' comments; other apps'
    # tests expect comments to publish at once, so the rules run only in moderation's tests.
    path = str(request.node.path)
    settings.MODERATION_HOLD_RULES_ENABLED = "/tests/moderation/" in path or "test_moderation_" in path
