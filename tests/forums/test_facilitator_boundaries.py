"""Facilitators add, edit, move, copy and delete pages only inside the workgroups they facilitate."""

import pytest

from forums.facilitator_pages import facilitator_group_name
from forums.factories import TopicPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole, WorkgroupMembership
from forums.services import membership_remove, membership_set
from portal.accounts.mfa import totp_activate

pytestmark = pytest.mark.django_db

ACTIONS = ["add_subpage", "edit", "move", "copy", "delete"]


@pytest.fixture
def facilitator_setup(index_page, workgroup, make_staff):
    other = WorkgroupPageFactory(parent=index_page, title="Foster care", slug="foster")
    # Drafts: without publish permission (moderators publish) nobody but them deletes or moves
    # a live page, so the matrix compares like with like.
    own_topic = TopicPageFactory(parent=workgroup, title="Own draft", slug="own-draft", live=False)
    other_topic = TopicPageFactory(parent=other, title="Other draft", slug="other-draft", live=False)
    person = make_staff("Facilitators")
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    membership_set(user=person, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    return person, own_topic, other_topic, other


def _outcome(response) -> str:
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message."""
    if response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/"):
        return "denied"
    return "ok" if response.status_code == 200 else f"unexpected {response.status_code}"


def _status(client, page, action):
    return _outcome(client.get(f"/admin/pages/{page.pk}/{action}/"))


def test_facilitator_page_matrix(client, facilitator_setup, workgroup):
    person, own_topic, other_topic, other = facilitator_setup
    client.force_login(person)
    for action in ACTIONS:
        assert _status(client, other_topic, action) == "denied", ("other topic", action)
    assert _status(client, other, "add_subpage") == "denied"
    assert _status(client, other, "edit") == "denied"
    for action in ACTIONS[1:]:  # a topic takes no child pages; add_subpage is asked of the workgroup
        assert _status(client, own_topic, action) == "ok", ("own topic", action)
    own_add = client.get(f"/admin/pages/{workgroup.pk}/add_subpage/")  # the choice of topic or meeting
    assert own_add.status_code == 200
    assert f"/admin/pages/add/forums/topicpage/{workgroup.pk}/" in own_add.content.decode()
    assert _outcome(client.get(f"/admin/pages/add/forums/topicpage/{other.pk}/")) == "denied"
    assert _outcome(client.get(f"/admin/pages/add/forums/topicpage/{workgroup.pk}/")) == "ok"


def test_edit_post_to_other_workgroup_is_refused(client, facilitator_setup):
    person, _own, other_topic, _other = facilitator_setup
    client.force_login(person)
    response = client.post(f"/admin/pages/{other_topic.pk}/edit/", {"title": "Taken over"})
    assert _outcome(response) == "denied"
    other_topic.refresh_from_db()
    assert other_topic.title == "Other draft"


def test_page_group_follows_the_membership(client, facilitator_setup, workgroup, make_staff):
    person, own_topic, other_topic, other = facilitator_setup
    group_name = facilitator_group_name(other.pk)
    assert not person.groups.filter(name=group_name).exists()
    membership_set(user=person, workgroup=other, role=MembershipRole.FACILITATOR)
    assert person.groups.filter(name=group_name).exists()
    client.force_login(person)
    assert _status(client, other_topic, "edit") == "ok"

    admin = make_staff("Administrators")
    membership_remove(by=admin, membership=WorkgroupMembership.objects.get(user=person, workgroup=other))
    assert not person.groups.filter(name=group_name).exists()
    assert _status(client, other_topic, "edit") == "denied"

    membership_set(user=person, workgroup=workgroup, role=MembershipRole.MEMBER)
    assert _status(client, own_topic, "edit") == "denied"


def test_plan_item_workgroup_choices_are_own_only(client, facilitator_setup, workgroup):
    person, _own, _other_topic, other = facilitator_setup
    client.force_login(person)
    response = client.get("/admin/workgroups/plan-items/new/")
    assert response.status_code == 200
    choices = list(response.context["form"].fields["workgroup"].queryset)
    assert choices == [workgroup.specific] or [c.pk for c in choices] == [workgroup.pk]
