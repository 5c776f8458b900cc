"""Reads for accounts, with their joins."""

from django.db.models import QuerySet

from .models import Membership, User


def memberships_for_user(*, user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("group")


def memberships_for_admin() -> QuerySet[Membership]:
    return Membership.objects.select_related("user", "group", "verified_by")


def user_for_export(*, user_id: int) -> User:
    return (
        User.objects.select_related("region")
        .prefetch_related("groups", "emailaddress_set", "authenticator_set", "memberships__group")
        .get(pk=user_id)
    )
