from django.db.models import QuerySet

from .models import Membership, StakeholderGroup


def memberships_for_user(*, user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("group")


def stakeholder_groups_selectable() -> QuerySet[StakeholderGroup]:
    return StakeholderGroup.objects.filter(self_select=True)
