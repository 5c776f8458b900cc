"""The "Agency review" workflow: editors submit, moderators approve or reject."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.factories import StandardPageFactory
from portal.accounts.mfa import totp_activate

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def editor(make_staff):
    user = make_staff("Editors", email="editor@example.org")
    totp_activate(user=user, secret=SECRET)
    return user


@pytest.fixture
def moderator(make_staff):
    user = make_staff("Moderators", email="moderator@example.org")
    totp_activate(user=user, secret=SECRET)
    return user


@pytest.fixture
def draft(home_page):
    page = StandardPageFactory(parent=home_page, slug="draft-page", title="Draft page", live=False)
    page.save_revision()
    return page


def _edit_data(title: str, action: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "draft-page",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
            action: "1",
        }
    )


@pytest.mark.django_db
def test_agency_review_workflow_covers_the_whole_tree(home_page, draft):
    workflow = draft.get_workflow()
    assert workflow is not None and workflow.name == "Agency review"
    assert [t.specific.groups.get().name for t in workflow.tasks] == ["Moderators"]
    assert Workflow.objects.filter(active=True).count() == 1


@pytest.mark.django_db
def test_editors_cannot_publish_directly(client, editor, draft):
    assert not draft.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    data = _edit_data("Published by editor", "action-publish")
    response = client.post(f"/admin/pages/{draft.pk}/edit/", data)
    assert response.status_code in (200, 302, 403)
    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/draft-page/").status_code == 404


@pytest.mark.django_db
def test_submission_is_not_public_until_a_moderator_approves(client, editor, moderator, draft):
    client.force_login(editor)
    response = client.post(f"/admin/pages/{draft.pk}/edit/", _edit_data("Ready for review", "action-submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not draft.live
    client.logout()
    assert client.get("/draft-page/").status_code == 404
    # Moderators are told there is something to review.
    assert any("moderator@example.org" in m.to for m in mail.outbox)

    state.current_task_state.specific.approve(user=moderator, comment="")
    draft.refresh_from_db()
    assert draft.live
    response = client.get("/draft-page/")
    assert response.status_code == 200
    assert b"Ready for review" in response.content


@pytest.mark.django_db
def test_rejection_returns_the_page_to_its_editor_with_the_comment(editor, moderator, draft):
    state = draft.get_workflow().start(draft, editor)
    mail.outbox.clear()
    comment = "Please remove the family's street name."
    state.current_task_state.specific.reject(user=moderator, comment=comment)
    state.refresh_from_db()
    draft.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not draft.live
    told = [m for m in mail.outbox if "editor@example.org" in m.to]
    assert told, "the editor was not e-mailed"
    body = told[0].body + "".join(str(alt[0]) for alt in getattr(told[0], "alternatives", []))
    assert "street name" in body
    assert told[0].from_email  # uses DEFAULT_FROM_EMAIL


@pytest.mark.django_db
def test_scheduled_publishing_waits_for_go_live_time(editor, moderator, draft):
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    draft.save_revision(user=editor)
    state = draft.get_workflow().start(draft, editor)
    state.current_task_state.specific.approve(user=moderator, comment="")
    draft.refresh_from_db()
    assert not draft.live
    assert draft.scheduled_revision is not None
    # An hour passes: move the schedule into the past rather than waiting.
    revision = draft.scheduled_revision
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert draft.live


@pytest.mark.django_db
def test_expired_pages_are_unpublished(home_page):
    page = StandardPageFactory(parent=home_page, slug="expiring")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired
