"""Moderation records: decisions with reasons, flags, sanctions, blocked words, review state."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    HIDE = "hide", _("Hide")
    RESTORE = "restore", _("Restore")
    REMOVE = "remove", _("Remove")


class Reason(models.TextChoices):
    """Why a moderator decided; the author is told the label."""

    OK = "ok", _("Follows the community guidelines")
    SPAM = "spam", _("Spam or advertising")
    ABUSIVE = "abusive", _("Abusive or disrespectful")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_INFO = "personal_info", _("Personal information about a child or family")
    DANGER = "danger", _("Someone may be in danger (passed to agency staff)")
    BLOCKED_WORDS = "blocked_words", _("Words that are not allowed here")
    OTHER = "other", _("Other (see the note)")


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    ABUSIVE = "abusive", _("Abusive")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_INFO = "personal_info", _("Personal information about a child or family")
    DANGER = "danger", _("Someone may be in danger")
    OTHER = "other", _("Other")


class HoldCode(models.TextChoices):
    """Why a comment was held before publication (the hold rules' codes)."""

    DANGER = "danger", _("May say someone is in danger")
    PERSONAL_DATA = "personal-data", _("May contain personal information")
    BLOCKED_WORDS = "blocked-words", _("Blocked words")
    SANCTIONED = "sanctioned", _("Author is silenced or suspended")
    NEW_AUTHOR = "new-author", _("Author's first comments")
    NEW_ACCOUNT = "new-account", _("New account")
    LINKS = "links", _("Many links from a new author")
    FLAGS = "flags", _("Hidden by flags")
    OTHER = "other", _("Other")


class TermKind(models.TextChoices):
    BLOCKED = "blocked", _("Blocked: hold for review")
    DANGER = "danger", _("Danger: hold and alert on-call staff")


class CommentReview(models.Model):
    """Moderation state kept beside a comment (one row per held, flagged or decided comment)."""

    comment = models.OneToOneField("forums.Comment", on_delete=models.CASCADE, related_name="review")
    hold_code = models.CharField(max_length=20, choices=HoldCode.choices, blank=True)
    is_danger = models.BooleanField(default=False, db_index=True)
    danger_alerted_at = models.DateTimeField(null=True, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hold_code__in=[*HoldCode.values, ""]), name="review_hold_code_valid"
            ),
        ]

    def __str__(self):
        return f"Review of comment {self.comment_id}"


class ModerationDecision(models.Model):
    """Who moved a comment from one state to another, when and why (never edited)."""

    comment = models.ForeignKey("forums.Comment", on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=10, choices=Action.choices)
    from_state = models.CharField(max_length=10)
    to_state = models.CharField(max_length=10)
    reason = models.CharField(max_length=20, choices=Reason.choices)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_decisions",
        help_text=_("Empty when the system decided (e.g. three flags)."),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=Action.values), name="decision_action_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(reason__in=Reason.values), name="decision_reason_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} comment {self.comment_id}"


class Flag(models.Model):
    """A verified person reporting a comment; once per person and comment."""

    comment = models.ForeignKey("forums.Comment", on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(max_length=20, choices=FlagReason.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="flag_once_per_person"),
            models.CheckConstraint(
                condition=models.Q(reason__in=FlagReason.values), name="flag_reason_valid"
            ),
        ]

    def __str__(self):
        return f"Flag on comment {self.comment_id}: {self.reason}"


class SanctionKind(models.TextChoices):
    SILENCE = "silence", _("Silenced: new comments wait for review")
    SUSPEND = "suspend", _("Suspended: new comments wait for review; no flags or joining")


class SanctionQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=now).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now)
        )


class Sanction(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sanctions")
    kind = models.CharField(max_length=10, choices=SanctionKind.choices)
    reason = models.TextField(help_text=_("Shown to the person."))
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty: until lifted."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_note = models.TextField(blank=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SanctionKind.values), name="sanction_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=models.F("starts_at")),
                name="sanction_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.user_id}"


class BlockedTerm(models.Model):
    """A word or phrase that holds a comment for review; danger terms also alert on-call staff."""

    term = models.CharField(max_length=100, unique=True, help_text=_("Matched as a whole word, any case."))
    kind = models.CharField(max_length=10, choices=TermKind.choices, default=TermKind.BLOCKED)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "term"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=TermKind.values), name="blocked_term_kind_valid"
            ),
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = self.term.strip().lower()
        super().save(*args, **kwargs)
