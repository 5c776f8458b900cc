"""The People admin: stakeholder groups, regions, memberships and the user form."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts.factories import MembershipFactory, RegionFactory, StakeholderGroupFactory
from portal.accounts.mfa import totp_activate
from portal.accounts.models import Membership, StakeholderGroup

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def staff_client(client, make_staff):
    def _login(role):
        person = make_staff(role) if role else make_staff(is_superuser=True)
        totp_activate(user=person, secret=SECRET)
        client.force_login(person)
        return person

    return _login


def test_administrator_edits_stakeholder_groups_and_regions(client, staff_client):
    staff_client("Administrators")
    group = StakeholderGroup.objects.get(slug="education")
    url = reverse("stakeholder_groups:edit", args=[group.pk])
    response = client.post(
        url,
        {
            "name": "Schools and early learning",
            "slug": "education",
            "description": "",
            "self_select": "on",
            "sort_order": 6,
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Schools and early learning"
    response = client.post(reverse("regions:add"), {"name": "Maple County", "slug": "maple"})
    assert response.status_code == 302
    assert client.get(reverse("regions:index")).status_code == 200


def _count_queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


def test_moderator_lists_memberships_with_filters_in_constant_queries(client, staff_client):
    staff_client("Moderators")
    group = StakeholderGroupFactory(name="Harbor providers")
    verified = MembershipFactory(group=group)
    verified.verified_at = verified.created_at
    verified.save()
    url = reverse("memberships:index")
    client.get(url)  # warm per-process caches
    counts = []
    for size in (5, 50):
        while Membership.objects.filter(group=group, verified_at__isnull=True).count() < size:
            MembershipFactory(group=group)
        count, response = _count_queries(client, url, {"group": group.pk})
        counts.append(count)
        assert response.context["page_obj"].paginator.count == size + 1
    assert counts[0] == counts[1], counts
    _, response = _count_queries(client, url, {"group": group.pk, "verified": "true"})
    assert list(response.context["page_obj"]) == [verified]
    _, response = _count_queries(client, url, {"group": group.pk, "verified": "false"})
    assert response.context["page_obj"].paginator.count == 50


def test_moderator_verifies_and_unverifies_a_membership(client, staff_client):
    moderator = staff_client("Moderators")
    membership = MembershipFactory()
    verify_url = reverse("memberships:verify", args=[membership.pk])
    assert b"Yes, confirm" in client.get(verify_url).content
    response = client.post(verify_url)
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.verified_by == moderator
    listing = client.get(reverse("memberships:index")).content.decode()
    assert reverse("memberships:unverify", args=[membership.pk]) in listing
    client.post(reverse("memberships:unverify", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.verified_at is None


def test_verifying_twice_shows_a_message_not_an_error(client, staff_client):
    staff_client("Administrators")
    membership = MembershipFactory()
    client.post(reverse("memberships:verify", args=[membership.pk]))
    response = client.post(reverse("memberships:verify", args=[membership.pk]), follow=True)
    assert response.status_code == 200 and b"already verified" in response.content


@pytest.mark.parametrize("role", ["Editors", "Facilitators", "Survey analysts"])
def test_other_roles_cannot_see_or_verify_memberships(client, staff_client, role):
    staff_client(role)
    membership = MembershipFactory()
    assert client.get(reverse("memberships:index")).status_code in (302, 403)
    response = client.post(reverse("memberships:verify", args=[membership.pk]))
    assert response.status_code in (302, 403)
    assert not Membership.objects.filter(pk=membership.pk, verified_at__isnull=False).exists()


def test_editor_cannot_edit_stakeholder_groups(client, staff_client):
    staff_client("Editors")
    group = StakeholderGroup.objects.get(slug="education")
    client.post(reverse("stakeholder_groups:edit", args=[group.pk]), {"name": "Hacked", "slug": "education"})
    group.refresh_from_db()
    assert group.name != "Hacked"


def test_user_edit_form_shows_profile_fields(client, staff_client, user):
    staff_client(None)
    region = RegionFactory(name="Pine Ridge County")
    url = reverse("wagtailusers_users:edit", args=[user.pk])
    html = client.get(url).content.decode()
    for name in ("display_name", "age_band", "region"):
        assert f'name="{name}"' in html
    response = client.post(
        url,
        {
            "username": user.username,
            "email": user.email,
            "first_name": "",
            "last_name": "",
            "display_name": "Renamed",
            "age_band": "18-24",
            "region": region.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert (user.display_name, user.age_band, user.region) == ("Renamed", "18-24", region)
