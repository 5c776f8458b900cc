"""Domain writes for accounts: profile, memberships, data export and account deletion."""

from collections.abc import Iterable
from importlib import import_module
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.extension_points import collect_user_data, run_user_deidentify

from . import selectors
from .models import AgeBand, Membership, Region, StakeholderGroup, User
from .permissions import user_can_verify_memberships


class AccountsError(Exception):
    """A refused account action; the message is safe to show to the person."""


class WrongPasswordError(AccountsError):
    pass


class MembershipError(AccountsError):
    pass


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str,
    age_band: str,
    region: Region | None,
    groups: Iterable[StakeholderGroup],
) -> User:
    """Save profile fields and self-chosen groups.

    Memberships of groups that stay chosen keep their verification; removed groups are
    dropped and new ones start unverified. Groups people cannot choose themselves (agency
    staff) are never touched here.
    """
    if user.is_deidentified:
        raise AccountsError("This account has been deleted.")
    if age_band not in AgeBand.values:
        raise AccountsError("Choose an age band from the list.")
    chosen = {g.pk: g for g in groups}
    if any(not g.self_select for g in chosen.values()):
        raise AccountsError("Some of those groups can only be given by an administrator.")

    user.display_name = display_name.strip()
    user.age_band = age_band
    user.region = region
    user.save(update_fields=["display_name", "age_band", "region"])

    current = set(
        Membership.objects.filter(user=user, group__self_select=True).values_list("group_id", flat=True)
    )
    Membership.objects.filter(user=user, group_id__in=current - chosen.keys()).delete()
    Membership.objects.bulk_create(
        [Membership(user=user, group=chosen[pk]) for pk in chosen.keys() - current],
        ignore_conflicts=True,
    )
    return user


def _set_verified(*, membership: Membership, by: User, verified: bool, action: str) -> Membership:
    if not user_can_verify_memberships(by):
        raise MembershipError("Only administrators and moderators can verify group memberships.")
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.is_verified == verified:
        state = "already verified" if verified else "not verified"
        raise MembershipError(f"This membership is {state}.")
    membership.verified_at = timezone.now() if verified else None
    membership.verified_by = by if verified else None
    membership.save(update_fields=["verified_at", "verified_by"])
    log(instance=membership, action=action, user=by)
    return membership


@transaction.atomic
def membership_verify(*, membership: Membership, by: User) -> Membership:
    """Confirm that `membership.user` belongs to the group; records who and when."""
    return _set_verified(membership=membership, by=by, verified=True, action="accounts.membership_verify")


@transaction.atomic
def membership_unverify(*, membership: Membership, by: User) -> Membership:
    return _set_verified(membership=membership, by=by, verified=False, action="accounts.membership_unverify")


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything the portal holds about `user`, as JSON-ready data (never MFA secrets)."""
    user = selectors.user_for_export(user_id=user.pk)
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "age_band": user.age_band,
            "region": user.region.name if user.region else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "staff_roles": [g.name for g in user.groups.all()],
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in user.emailaddress_set.all()
        ],
        "stakeholder_groups": [
            {
                "group": m.group.name,
                "joined_at": m.created_at.isoformat(),
                "verified": m.is_verified,
                "verified_at": m.verified_at.isoformat() if m.verified_at else None,
            }
            for m in user.memberships.all()
        ],
        "two_step_verification": {
            "methods": [
                {
                    "type": a.type,
                    "created_at": a.created_at.isoformat(),
                    "last_used_at": a.last_used_at.isoformat() if a.last_used_at else None,
                }
                for a in user.authenticator_set.all()
            ]
        },
    }
    for name, section in collect_user_data(user).items():
        if name in data:
            raise AccountsError(f"Two parts of the portal export the same section {name!r}.")
        data[name] = section
    return data


def _delete_sessions(user: User) -> None:
    engine = import_module(settings.SESSION_ENGINE)
    user_id = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            engine.SessionStore(session.session_key).delete()


@transaction.atomic
def user_delete_account(*, user: User, password: str) -> None:
    """Remove the person's account data; what they wrote stays as "Former participant"."""
    if user.is_deidentified:
        raise AccountsError("This account has already been deleted.")
    if not user.check_password(password):
        raise WrongPasswordError("That password is not right. Type the password you sign in with.")

    EmailAddress.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.username = f"former-participant-{user.pk}"
    user.email = ""
    user.first_name = user.last_name = user.display_name = ""
    user.age_band = ""
    user.region = None
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.is_deidentified = True
    user.save()
    run_user_deidentify(user)
    _delete_sessions(user)
