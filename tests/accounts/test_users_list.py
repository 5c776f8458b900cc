"""Settings → Users shows who people are: display name, e-mail, staff roles, stakeholder groups."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from portal.accounts.models import Membership, StakeholderGroup

pytestmark = pytest.mark.django_db


def _people(n):
    group = StakeholderGroup.objects.first()
    people = [UserFactory(display_name=f"Person {i}", roles=["Editors"]) for i in range(n)]
    for person in people:
        Membership.objects.get_or_create(user=person, group=group)
    return people


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/users/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_users_list_names_people_without_a_query_per_person(client):
    admin = UserFactory(roles=["Administrators"], is_superuser=True)
    totp_activate(user=admin, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(admin)
    people = _people(2)
    client.get("/admin/users/")
    few, _ = _queries(client)
    people += _people(6)
    many, body = _queries(client)
    assert many == few
    person = people[-1]
    assert person.display_name in body and person.email in body
    assert "Editors" in body and StakeholderGroup.objects.first().name in body
