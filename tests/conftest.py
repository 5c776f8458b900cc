"""Fixtures shared by the whole suite."""

import pytest
from django.core.cache import cache

from portal.accounts.factories import DEFAULT_PASSWORD, UnverifiedUserFactory, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate-limit counters live in the cache; one test's tries must not leak into the next.
    cache.clear()
    yield
    cache.clear()


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


@pytest.fixture(autouse=True)
def _moderation_hold_rules(request, settings):
    # Moderation's hold rules (forums.moderation.rules) hold new members' comments; other apps'
    # tests expect comments to publish at once, so the rules run only in moderation's tests.
    path = str(request.node.path)
    settings.MODERATION_HOLD_RULES_ENABLED = "/tests/moderation/" in path or "test_moderation_" in path
