import pytest
from wagtail.models import Site

from home import factories


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def theory(home_page):
    return factories.TheoryOfChangePageFactory(parent=home_page, slug="theory-of-change")


@pytest.fixture
def initiative_index(home_page):
    return factories.InitiativeIndexPageFactory(parent=home_page, slug="initiatives")


@pytest.fixture
def initiative(initiative_index, theory):
    return factories.InitiativePageFactory(
        parent=initiative_index, slug="kin-first", title="Kin first", theory_of_change=theory, featured=True
    )


@pytest.fixture
def update_index(home_page):
    return factories.UpdateIndexPageFactory(parent=home_page, slug="updates")


@pytest.fixture
def event_index(home_page):
    return factories.EventIndexPageFactory(parent=home_page, slug="events")


@pytest.fixture
def make_updates(update_index, initiative):
    def _make(count: int, **kwargs):
        return [
            factories.UpdatePageFactory(parent=update_index, initiative=initiative, **kwargs)
            for _ in range(count)
        ]

    return _make
