"""A request to join reaches the facilitators; Approve / Decline go through membership_decide."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from forums.factories import WorkgroupPageFactory
from forums.models import Follow, MembershipRole, MembershipStatus, WorkgroupMembership
from forums.services import membership_join, membership_set
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def by_request(index_page, make_staff):
    workgroup = WorkgroupPageFactory(
        parent=index_page, slug="kin", title="Kinship", membership_mode="request"
    )
    facilitator = make_staff("Facilitators", display_name="Fran Facilitator")
    totp_activate(user=facilitator, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    return workgroup, facilitator


def _ask(django_capture_on_commit_callbacks, user, workgroup):
    with django_capture_on_commit_callbacks(execute=True):
        return membership_join(user=user, workgroup=workgroup)


def test_request_notifies_facilitators_in_app_and_by_email(
    by_request, django_capture_on_commit_callbacks, client
):
    workgroup, facilitator = by_request
    person = UserFactory(display_name="Rosa Requester")
    with django_capture_on_commit_callbacks(execute=True):
        membership = _ask(django_capture_on_commit_callbacks, person, workgroup)
    assert membership.status == MembershipStatus.REQUESTED
    notice = Notification.objects.get(recipient=facilitator, kind=NotificationKind.MEMBERSHIP_REQUEST)
    assert "Rosa Requester" in notice.text and "Kinship" in notice.text
    assert any(facilitator.email in m.to for m in mail.outbox)
    assert ModelLogEntry.objects.filter(
        action="forums.membership_request", object_id=str(membership.pk)
    ).exists()

    client.force_login(facilitator)
    dashboard = client.get("/admin/").content.decode()
    assert "Requests to join your workgroups" in dashboard and "Rosa Requester" in dashboard


def test_approve_from_the_admin(by_request, django_capture_on_commit_callbacks, client):
    workgroup, facilitator = by_request
    person = UserFactory()
    membership = _ask(django_capture_on_commit_callbacks, person, workgroup)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/workgroups/requests/{membership.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.decided_by == facilitator and membership.decided_at is not None
    assert Follow.objects.filter(user=person, workgroup=workgroup).exists()
    assert ModelLogEntry.objects.filter(
        action="forums.membership_approve", object_id=str(membership.pk), user=facilitator
    ).exists()
    told = Notification.objects.get(recipient=person, kind=NotificationKind.MEMBERSHIP_DECISION)
    assert "approved" in told.text


def test_decline_with_a_reason(by_request, django_capture_on_commit_callbacks, client):
    workgroup, facilitator = by_request
    person = UserFactory()
    membership = _ask(django_capture_on_commit_callbacks, person, workgroup)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/workgroups/requests/{membership.pk}/decide/",
            {"decision": "decline", "reason": "This group is for kinship caregivers."},
        )
    assert not WorkgroupMembership.objects.filter(pk=membership.pk).exists()
    told = Notification.objects.get(recipient=person, kind=NotificationKind.MEMBERSHIP_DECISION)
    assert "declined" in told.text and "kinship caregivers" in told.text
    assert ModelLogEntry.objects.filter(
        action="forums.membership_decline", object_id=str(membership.pk)
    ).exists()


def test_other_facilitator_cannot_decide(
    by_request, index_page, make_staff, django_capture_on_commit_callbacks, client
):
    workgroup, _facilitator = by_request
    other = WorkgroupPageFactory(parent=index_page, slug="other")
    outsider = make_staff("Facilitators")
    totp_activate(user=outsider, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    membership_set(user=outsider, workgroup=other, role=MembershipRole.FACILITATOR)
    membership = _ask(django_capture_on_commit_callbacks, UserFactory(), workgroup)
    client.force_login(outsider)
    response = client.post(f"/admin/workgroups/requests/{membership.pk}/decide/", {"decision": "approve"})
    assert response.status_code in (302, 403)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED
    listing = client.get("/admin/workgroups/requests/")
    assert membership.user.email not in listing.content.decode()


def test_membership_edit_cannot_approve_a_request(by_request, django_capture_on_commit_callbacks, client):
    workgroup, facilitator = by_request
    membership = _ask(django_capture_on_commit_callbacks, UserFactory(), workgroup)
    client.force_login(facilitator)
    client.post(
        f"/admin/workgroups/memberships/edit/{membership.pk}/",
        {"workgroup": workgroup.pk, "user": membership.user_id, "role": "member", "status": "active"},
    )
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED


def test_facilitator_cannot_appoint_facilitators(by_request, client):
    workgroup, facilitator = by_request
    person = UserFactory()
    client.force_login(facilitator)
    client.post(
        "/admin/workgroups/memberships/new/",
        {"workgroup": workgroup.pk, "user": person.pk, "role": "facilitator", "status": "active"},
    )
    assert not WorkgroupMembership.objects.filter(user=person, role="facilitator").exists()
    response = client.post(
        "/admin/workgroups/memberships/new/",
        {"workgroup": workgroup.pk, "user": person.pk, "role": "member", "status": "active"},
    )
    assert response.status_code == 302
    assert WorkgroupMembership.objects.filter(user=person, role="member", status="active").exists()
    assert ModelLogEntry.objects.filter(action="forums.membership_add", user=facilitator).exists()
