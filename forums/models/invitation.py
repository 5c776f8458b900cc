from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InvitationState(models.TextChoices):
    OPEN = "open", _("Waiting")
    EXPIRED = "expired", _("Expired")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class WorkgroupInvitationQuerySet(models.QuerySet):
    def undecided(self):
        """Neither accepted nor revoked (it may have expired): what the open-invitation rule counts."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def pending(self, *, now=None):
        return self.undecided().filter(expires_at__gt=now or timezone.now())


class WorkgroupInvitation(models.Model):
    """An e-mail invitation to join one workgroup. Only the token's SHA-256 is stored, so a
    link can never be shown again: resending makes a new token."""

    workgroup = models.ForeignKey(
        "forums.WorkgroupPage", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(help_text=_("Stored in lower case."))
    token_hash = models.CharField(max_length=64, unique=True)
    message = models.TextField(blank=True, max_length=1000)
    language = models.CharField(max_length=8, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(default=timezone.now)
    send_count = models.PositiveSmallIntegerField(default=1)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = WorkgroupInvitationQuerySet.as_manager()

    class Meta:
        constraints = [
            # One open invitation per address and workgroup; an expired one is renewed, not doubled.
            models.UniqueConstraint(
                Lower("email"),
                "workgroup",
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="workgroup_invitation_one_open",
            ),
            models.CheckConstraint(
                condition=models.Q(accepted_at__isnull=True) | models.Q(revoked_at__isnull=True),
                name="workgroup_invitation_accepted_or_revoked",
            ),
        ]
        ordering = ["-sent_at"]

    def __str__(self):
        return f"Invitation of {self.email} to workgroup {self.workgroup_id}"

    def state(self, *, now=None) -> str:
        if self.accepted_at:
            return InvitationState.ACCEPTED
        if self.revoked_at:
            return InvitationState.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return InvitationState.EXPIRED
        return InvitationState.OPEN
