from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MembershipMode(models.TextChoices):
    OPEN = "open", _("Open: any verified person may join")
    REQUEST = "request", _("By request: a facilitator approves")
    INVITATION = "invitation", _("By invitation only")


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    FACILITATOR = "facilitator", _("Facilitator")


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    INVITED = "invited", _("Invited")
    ACTIVE = "active", _("Active")


class WorkgroupMembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MembershipStatus.ACTIVE)

    def facilitators(self):
        return self.active().filter(role=MembershipRole.FACILITATOR)


class WorkgroupMembership(models.Model):
    """A person's place in one workgroup: member or facilitator, requested, invited or active."""

    workgroup = models.ForeignKey(
        "forums.WorkgroupPage", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workgroup_memberships"
    )
    role = models.CharField(max_length=12, choices=MembershipRole.choices, default=MembershipRole.MEMBER)
    status = models.CharField(
        max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = WorkgroupMembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workgroup", "user"], name="workgroup_membership_unique"),
            models.CheckConstraint(
                condition=models.Q(role__in=MembershipRole.values), name="workgroup_membership_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MembershipStatus.values),
                name="workgroup_membership_status_valid",
            ),
        ]
        ordering = ["-role", "created_at"]

    def __str__(self):
        return f"{self.user} in {self.workgroup_id} ({self.role}, {self.status})"
