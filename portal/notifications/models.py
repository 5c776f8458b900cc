"""What people are told, and how they want to be told it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("A reply to my comment")
    OFFICIAL_ANSWER = "official_answer", _("An official answer to my question")
    NEW_TOPIC = "new_topic", _("A new topic in a workgroup I follow")
    WINDOW_CLOSING = "window_closing", _("A comment window closing in 3 days")
    WHAT_WE_DID = "what_we_did", _('"What we heard, what we did" published')
    MODERATION_DECISION = "moderation_decision", _("A decision on my held comment")
    NEW_UPDATE = "new_update", _("A new update from the agency")
    MEMBERSHIP_REQUEST = "membership_request", _("A request to join a workgroup I facilitate")
    MEMBERSHIP_DECISION = "membership_decision", _("A decision on my request to join a workgroup")
    MEMBER_JOINED = "member_joined", _("Someone I invited joined a workgroup I facilitate")
    # agenda (issue 15)
    PROPOSAL_UPDATE = "proposal_update", _("News on a proposal I made or support")
    MEETING = "meeting", _("A workgroup meeting reminder or its minutes")


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail me straight away")
    DAILY = "daily", _("Once a day, in a digest")
    OFF = "off", _("No e-mail (still listed in My portal)")


DEFAULT_DELIVERY = Delivery.IMMEDIATELY
# Kinds that go to everyone who asked, not to people involved in a thread: nobody gets
# them until they choose a delivery in their notification settings.
OPT_IN_KINDS = frozenset({NotificationKind.NEW_UPDATE})


def default_delivery(kind: str) -> str:
    return Delivery.OFF if kind in OPT_IN_KINDS else DEFAULT_DELIVERY


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=24, choices=NotificationKind.choices)
    # The sentence as first written (in English when `message` is set). Rows from before
    # messages were stored keep only this, and are shown as they are.
    text = models.CharField(_("text"), max_length=500)
    # An English message id and its parameters: the sentence is translated into the
    # reader's language when it is shown or mailed (portal/notifications/messages.py).
    message = models.CharField(_("message id"), max_length=300, blank=True)
    params = models.JSONField(_("message parameters"), default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    dedupe_key = models.CharField(
        max_length=120, blank=True, help_text=_("Set to notify a person of one event only once.")
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                name="notification_unique_dedupe_key",
                condition=~models.Q(dedupe_key=""),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=NotificationKind.values), name="notification_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient_id}"

    @property
    def sentence(self) -> str:
        """The notification in the active language (the reader's), else as stored."""
        if not self.message:
            return self.text
        from .messages import render

        return render(self.message, self.params)


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=24, choices=NotificationKind.choices)
    delivery = models.CharField(max_length=12, choices=Delivery.choices, default=DEFAULT_DELIVERY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique"),
            models.CheckConstraint(
                condition=models.Q(delivery__in=Delivery.values), name="notification_delivery_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.kind} -> {self.delivery}"
