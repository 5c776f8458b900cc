"""Forum rules read Django permissions granted to the staff roles, never group names."""

import pytest
from django.contrib.auth.models import Group, Permission

from forums import permissions
from portal.accounts.factories import UserFactory

#    role                 moderator staff_reader unheld every_workgroup
MATRIX = [
    ("Administrators", True, True, True, True),
    ("Moderators", True, True, True, False),
    ("Editors", False, True, True, False),
    ("Facilitators", False, False, True, False),
    ("Survey analysts", False, False, False, False),
    (None, False, False, False, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role, moderator, reader, unheld, every", MATRIX)
def test_each_role_gets_its_forum_permissions(role, moderator, reader, unheld, every):
    person = UserFactory(roles=[role] if role else [])
    assert permissions.is_moderator(person) is moderator
    assert permissions.is_staff_reader(person) is reader
    assert permissions.may_comment_unheld(person) is unheld
    assert permissions.manages_every_workgroup(person) is every


@pytest.mark.django_db
def test_a_new_group_with_the_permission_counts_and_the_group_name_does_not():
    """The rule follows the permission: a renamed or new role works without code changes."""
    group = Group.objects.create(name="Child welfare quality team")
    group.permissions.add(Permission.objects.get(codename="view_private_workgroup"))
    person = UserFactory()
    person.groups.add(group)
    assert permissions.is_staff_reader(person)
    Group.objects.filter(name="Moderators").update(name="Forum moderators")
    moderator = UserFactory(roles=["Forum moderators"])
    assert permissions.is_moderator(moderator)


@pytest.mark.django_db
def test_superusers_have_every_forum_permission():
    admin = UserFactory(is_superuser=True)
    assert permissions.is_moderator(admin) and permissions.is_staff_reader(admin)
    assert permissions.manages_every_workgroup(admin)
