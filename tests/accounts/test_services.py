import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from wagtail import hooks
from wagtail.models import ModelLogEntry

from portal.accounts import services
from portal.accounts.factories import MembershipFactory, RegionFactory, StakeholderGroupFactory, UserFactory
from portal.accounts.mfa import totp_activate
from portal.accounts.models import Membership, StakeholderGroup, User
from portal.extension_points import USER_DATA_EXPORT, USER_DEIDENTIFY

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _groups(*slugs):
    return list(StakeholderGroup.objects.filter(slug__in=slugs))


def test_update_profile_keeps_verified_groups_and_resets_only_changes(user, make_staff):
    admin = make_staff("Administrators")
    slugs = ("birth-parents", "education", "tribal-partners")
    kept, dropped, added = (StakeholderGroup.objects.get(slug=s) for s in slugs)
    for group in (kept, dropped):
        services.membership_verify(membership=MembershipFactory(user=user, group=group), by=admin)
    region = RegionFactory()

    services.user_update_profile(
        user=user, display_name="  Sam  ", age_band="18-24", region=region, groups=[kept, added]
    )

    user.refresh_from_db()
    assert (user.display_name, user.age_band, user.region) == ("Sam", "18-24", region)
    states = {m.group.slug: m.is_verified for m in Membership.objects.filter(user=user)}
    assert states == {"birth-parents": True, "tribal-partners": False}


def test_update_profile_leaves_admin_given_groups_alone(user):
    staff_group = StakeholderGroup.objects.get(slug="agency-staff")
    Membership.objects.create(user=user, group=staff_group)
    services.user_update_profile(user=user, display_name="A", age_band="", region=None, groups=[])
    assert Membership.objects.filter(user=user, group=staff_group).exists()


def test_update_profile_refuses_groups_people_cannot_choose(user):
    with pytest.raises(services.AccountsError):
        services.user_update_profile(
            user=user, display_name="A", age_band="", region=None, groups=_groups("agency-staff")
        )
    assert not Membership.objects.filter(user=user).exists()


def test_update_profile_refuses_unknown_age_band(user):
    with pytest.raises(services.AccountsError):
        services.user_update_profile(user=user, display_name="A", age_band="9", region=None, groups=[])


@pytest.mark.parametrize("role", ["Administrators", "Moderators"])
def test_membership_verify_records_who_and_when(make_staff, role):
    staff = make_staff(role)
    membership = MembershipFactory()
    services.membership_verify(membership=membership, by=staff)
    membership.refresh_from_db()
    assert membership.verified_by == staff and membership.verified_at is not None
    assert ModelLogEntry.objects.filter(action="accounts.membership_verify", user=staff).exists()


def test_membership_verify_refuses_editors_and_twice(make_staff):
    membership = MembershipFactory()
    with pytest.raises(services.MembershipError):
        services.membership_verify(membership=membership, by=make_staff("Editors"))
    moderator = make_staff("Moderators")
    services.membership_verify(membership=membership, by=moderator)
    with pytest.raises(services.MembershipError):
        services.membership_verify(membership=membership, by=moderator)


def test_membership_unverify(make_staff):
    moderator = make_staff("Moderators")
    membership = MembershipFactory()
    with pytest.raises(services.MembershipError):
        services.membership_unverify(membership=membership, by=moderator)
    services.membership_verify(membership=membership, by=moderator)
    services.membership_unverify(membership=membership, by=moderator)
    membership.refresh_from_db()
    assert membership.verified_at is None and membership.verified_by is None


def test_export_holds_account_addresses_groups_and_mfa_but_no_secret(user):
    group = StakeholderGroupFactory(name="Riverside parents")
    MembershipFactory(user=user, group=group)
    totp_activate(user=user, secret=SECRET)

    data = services.user_export_data(user=user)

    text = json.dumps(data, cls=DjangoJSONEncoder)
    assert data["account"]["email"] == user.email
    assert data["account"]["display_name"] == user.display_name
    assert data["email_addresses"] == [{"email": user.email, "verified": True, "primary": True}]
    assert data["stakeholder_groups"][0]["group"] == "Riverside parents"
    assert data["two_step_verification"]["methods"][0]["type"] == "totp"
    assert SECRET not in text and "secret" not in text


def test_export_includes_sections_from_apps(user):
    def section(u):
        return "forums", {"comments": [f"by {u.pk}"]}

    with hooks.register_temporarily(USER_DATA_EXPORT, section):
        data = services.user_export_data(user=user)
    assert data["forums"] == {"comments": [f"by {user.pk}"]}


def test_delete_account_scrubs_everything_in_one_go(client, user, password):
    MembershipFactory(user=user)
    totp_activate(user=user, secret=SECRET)
    client.force_login(user)
    seen = []

    with hooks.register_temporarily(USER_DEIDENTIFY, lambda u: seen.append(u.pk)):
        services.user_delete_account(user=user, password=password)

    user.refresh_from_db()
    assert user.is_deidentified and not user.is_active and not user.has_usable_password()
    assert (user.email, user.display_name, user.region) == ("", "", None)
    assert str(user) == "Former participant"
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Membership.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert seen == [user.pk]
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)]


def test_delete_account_wrong_password_changes_nothing(user):
    with pytest.raises(services.WrongPasswordError):
        services.user_delete_account(user=user, password="not-it")
    user.refresh_from_db()
    assert not user.is_deidentified and EmailAddress.objects.filter(user=user).exists()


def test_delete_account_rolls_back_when_an_app_fails(user, password):
    def broken(u):
        raise RuntimeError("forums could not deidentify")

    with hooks.register_temporarily(USER_DEIDENTIFY, broken), pytest.raises(RuntimeError):
        services.user_delete_account(user=user, password=password)
    user.refresh_from_db()
    assert not user.is_deidentified and user.email
    assert User.objects.filter(pk=user.pk, is_active=True).exists()


def test_delete_account_twice_is_refused(user, password):
    services.user_delete_account(user=user, password=password)
    with pytest.raises(services.AccountsError):
        services.user_delete_account(user=user, password=password)


def test_verifying_needs_an_active_verifier():
    inactive = UserFactory(roles=["Administrators"], is_active=False)
    with pytest.raises(services.MembershipError):
        services.membership_verify(membership=MembershipFactory(), by=inactive)
