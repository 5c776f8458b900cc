"""Proposals and agendas show on cached public pages: every change retires the page cache."""

import pytest
from django.core.cache import caches

from agenda import services
from agenda.models import ProposalState
from portal.pagecache import cache as pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "agenda-pages"},
    }
    pages = caches["pages"]
    pages.clear()
    pagecache.page_key(pages, host="testserver", path="/", query="")  # starts a generation
    return lambda: pages.get(pagecache.GENERATION_KEY)


def test_proposal_support_and_answer_each_retire_the_cache(
    generation, facilitator, member, other_member, workgroup, django_capture_on_commit_callbacks
):
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_create(author=member, workgroup=workgroup, title="Respite", body="More.")
    if proposal.state == ProposalState.PENDING:  # a new author's proposal waits for a moderator first
        proposal.state = ProposalState.OPEN
        proposal.save(update_fields=["state"])
    after_create = generation()
    assert after_create > before
    services.support_add(user=other_member, proposal=proposal)
    after_support = generation()
    assert after_support > after_create
    services.proposal_triage(
        by=facilitator, proposal=proposal, state=ProposalState.DECLINED, answer="Covered."
    )
    assert generation() > after_support


def test_agenda_changes_retire_the_cache(generation, facilitator, meeting):
    before = generation()
    services.agenda_item_add(by=facilitator, meeting=meeting, title="Respite for kin")
    assert generation() > before
