"""Held-for-review reasons are stored as the hold rule's code and read in the reader's language
(issue 12); texts from before codes were kept are mapped back by the data migrations, and
unknown text is shown as written. (The file name switches the hold rules on.)"""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from agenda import services as agenda_services
from agenda.models import Proposal
from forums.factories import CommentFactory, TopicPageFactory, WorkgroupPageFactory
from forums.models import Comment, CommentState
from forums.services import comment_post, membership_set
from portal.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_AUTHOR_ES = (
    "retenido para revisión porque los moderadores leen los primeros comentarios de los miembros nuevos"
)


@pytest.fixture
def workgroup(index_page):
    return WorkgroupPageFactory(parent=index_page, title="Adoption", slug="adoption")


@pytest.fixture
def newcomer(workgroup):
    person = UserFactory(language="es")
    membership_set(user=person, workgroup=workgroup)
    return person


def test_a_held_comment_reads_in_the_readers_language(client, workgroup, newcomer, settings):
    settings.MODERATION_NEW_ACCOUNT_HOURS = 0
    topic = TopicPageFactory(parent=workgroup, title="Subsidy draft", slug="subsidy")
    with translation.override("en"):  # written while the interface is English
        comment = comment_post(author=newcomer, topic=topic, body="A thoughtful remark about the draft.")
    assert comment.state == CommentState.PENDING and comment.held_code == "new-author"
    with translation.override("es"):
        assert comment.held_message == NEW_AUTHOR_ES
    with translation.override("en"):
        assert "moderators read the first comments of new members" in comment.held_message
    client.force_login(newcomer)
    with translation.override("es"):
        url = topic.get_url()
    page = client.get(url if url.startswith("/es/") else "/es" + url).content.decode()
    assert NEW_AUTHOR_ES in page
    assert "moderators read the first comments" not in page


def test_a_held_proposal_reads_in_the_readers_language(workgroup, newcomer):
    proposal = agenda_services.proposal_create(
        author=newcomer, workgroup=workgroup, title="Respite", body="No respite."
    )
    assert proposal.held_code
    with translation.override("es"):
        assert proposal.held_message.startswith("retenido para revisión porque")


def test_danger_reason_keeps_the_numbers_in_spanish(workgroup, newcomer):
    proposal = agenda_services.proposal_create(
        author=newcomer, workgroup=workgroup, title="Help", body="I am not safe at home and nobody listens"
    )
    assert proposal.held_code == "danger"
    with translation.override("es"):
        message = proposal.held_message
    assert message.startswith("retenido para revisión porque puede decir que alguien está en peligro")
    assert "911" in message and "{" not in message


def test_migrations_map_old_english_reasons_to_codes_and_keep_unknown_text(workgroup, newcomer):
    topic = TopicPageFactory(parent=workgroup, title="Subsidy draft", slug="subsidy")
    known = CommentFactory(
        topic=topic, state=CommentState.PENDING, held_reason="held for review because your account is new"
    )
    danger = CommentFactory(
        topic=topic,
        state=CommentState.PENDING,
        held_reason="held for review because it may say that someone is in danger. Agency staff have been "
        "told. If anyone is in danger now, call 911; to report abuse or neglect, call 1-800-555-0199",
    )
    unknown = CommentFactory(topic=topic, state=CommentState.PENDING, held_reason="held by a custom rule")
    proposal = Proposal.objects.create(
        workgroup=workgroup,
        author=newcomer,
        title="Old",
        body="Old.",
        state="pending",
        held_reason="held for review because it has several links",
    )
    importlib.import_module("forums.migrations.0009_held_reason_codes").set_codes(apps, None)
    importlib.import_module("agenda.migrations.0005_held_reason_codes").set_codes(apps, None)
    codes = dict(Comment.objects.values_list("pk", "held_code"))
    assert codes[known.pk] == "new-account" and codes[danger.pk] == "danger" and codes[unknown.pk] == ""
    proposal.refresh_from_db()
    assert proposal.held_code == "links"
    with translation.override("es"):
        assert (
            Comment.objects.get(pk=known.pk).held_message
            == "retenido para revisión porque su cuenta es nueva"
        )
        assert Comment.objects.get(pk=unknown.pk).held_message == "held by a custom rule"  # shown as written
        assert proposal.held_message == "retenido para revisión porque tiene varios enlaces"


def test_menu_migration_puts_existing_survey_index_pages_in_the_menu(client):
    from surveys.factories import survey_index
    from surveys.models import SurveyIndexPage

    index = survey_index()
    SurveyIndexPage.objects.filter(pk=index.pk).update(show_in_menus=False)
    revision = index.latest_revision
    revision.content["show_in_menus"] = False
    revision.save()
    assert 'href="/surveys/"' not in _menu(client)
    importlib.import_module("surveys.migrations.0009_date_tallies_and_survey_menu").show_surveys_in_menus(
        apps, None
    )
    index.refresh_from_db()
    assert index.show_in_menus
    assert index.latest_revision.content["show_in_menus"] is True
    assert 'href="/surveys/"' in _menu(client)


def _menu(client) -> str:
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()  # the anonymous page cache would serve the page from before
    page = client.get("/").content.decode()
    return page[page.index("usa-nav__primary") : page.index("usa-nav__secondary")]
