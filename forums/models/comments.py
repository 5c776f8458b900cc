from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .holds import HeldForReview


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Comment")
    QUESTION = "question", _("Question")


class CommentState(models.TextChoices):
    """The moderation life cycle: pending -> published -> hidden/removed, or pending -> rejected."""

    PENDING = "pending", _("Held for review")
    PUBLISHED = "published", _("Published")
    HIDDEN = "hidden", _("Hidden pending review")
    REMOVED = "removed", _("Removed")
    REJECTED = "rejected", _("Not published")


class CommentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=CommentState.PUBLISHED)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def questions(self):
        return self.filter(kind=CommentKind.QUESTION, parent__isnull=True)

    def awaiting_answer(self):
        answered = Comment.objects.filter(
            parent=models.OuterRef("pk"), is_official=True, state=CommentState.PUBLISHED
        )
        return self.questions().published().filter(deleted_at__isnull=True).exclude(models.Exists(answered))


class Comment(HeldForReview):
    """A comment, question, reply or official answer on a topic's board (one level of replies)."""

    topic = models.ForeignKey("forums.TopicPage", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="forum_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    kind = models.CharField(max_length=10, choices=CommentKind.choices, default=CommentKind.COMMENT)
    is_official = models.BooleanField(
        default=False, help_text=_("Posted as the agency's official answer to the question above it.")
    )
    body = models.TextField(help_text=_("What the author typed (never rendered as HTML)."))
    body_html = models.TextField(help_text=_("The sanitised HTML shown on the board."))
    state = models.CharField(
        max_length=10, choices=CommentState.choices, default=CommentState.PUBLISHED, db_index=True
    )
    held_reason = models.CharField(
        max_length=255, blank=True, help_text=_("Why it is held, in words the author is shown.")
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    paragraph_id = models.CharField(
        max_length=64, blank=True, help_text=_("The draft paragraph (its block id) this comment is about.")
    )
    quote = models.TextField(blank=True, help_text=_("The passage of the paragraph the comment quotes."))
    paragraph_text = models.TextField(
        blank=True, help_text=_("The paragraph's text when the comment was made.")
    )
    draft_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The topic's revision that was live when the comment was made."),
    )
    client_token = models.UUIDField(
        null=True, blank=True, help_text=_("One-time form token: a double-clicked submit posts once.")
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_token"],
                name="comment_unique_client_token",
                condition=models.Q(client_token__isnull=False),
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=CommentState.values), name="comment_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=CommentKind.values), name="comment_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(is_official=False) | models.Q(parent__isnull=False),
                name="comment_official_is_reply",
            ),
            models.CheckConstraint(
                condition=models.Q(quote="") | ~models.Q(paragraph_id=""), name="comment_quote_has_paragraph"
            ),
        ]
        indexes = [
            models.Index(fields=["topic", "parent", "state"], name="comment_board_idx"),
            models.Index(fields=["topic", "paragraph_id"], name="comment_paragraph_idx"),
        ]
        permissions = [("moderate_comment", "Can moderate comments")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} on topic {self.topic_id}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_visible_publicly(self) -> bool:
        return self.state == CommentState.PUBLISHED and not self.is_deleted

    @property
    def author_name(self) -> str:
        if self.is_official:
            return "Lakeshore County Family Services"
        return self.author.public_name if self.author else "Former participant"

    def get_absolute_url(self) -> str:
        return f"{self.topic.url}#comment-{self.pk}"


class CommentRevision(models.Model):
    """The text a comment had before an edit: the history is kept."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]


class Follow(models.Model):
    """A person following a workgroup or a topic (exactly one of them)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    workgroup = models.ForeignKey(
        "forums.WorkgroupPage", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.ForeignKey(
        "forums.TopicPage", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(workgroup__isnull=False, topic__isnull=True)
                    | models.Q(workgroup__isnull=True, topic__isnull=False)
                ),
                name="follow_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "workgroup"],
                name="follow_unique_workgroup",
                condition=models.Q(workgroup__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "topic"],
                name="follow_unique_topic",
                condition=models.Q(topic__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.workgroup_id or self.topic_id}"
