"""What people send back (responses, answers, drafts), invitation links and export records."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Response(models.Model):
    """One person's (or one link's) answers to a survey.

    For anonymous surveys `user`, `submitted_at`, `stakeholder_group` and `region` stay
    empty; the row is written by a pool flush (surveys.pool) with a random id, the flush's
    `batch` and the flush's date as `submitted_on`, in a shuffled batch of at least
    SURVEY_ANONYMITY_CROWD; the invitation's use is recorded in InvitationUse, which has no
    link to this row.
    """

    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="responses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    submitted_on = models.DateField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    batch = models.UUIDField(
        null=True,
        blank=True,
        editable=False,
        help_text=_("Anonymous surveys: the shuffled batch this response was written in."),
    )
    stakeholder_group = models.ForeignKey(
        "accounts.StakeholderGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.ForeignKey(
        "accounts.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Identified surveys only: the language the person answered in ("en", "es"). Never kept
    # for anonymous ones: with few Spanish speakers it would narrow the crowd to a handful.
    language = models.CharField(max_length=8, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"], condition=Q(user__isnull=False), name="response_one_per_person"
            ),
        ]
        indexes = [models.Index(fields=["survey", "submitted_on"])]
        permissions = [
            ("view_results", "Can view survey results"),
            ("export_responses", "Can export survey responses"),
        ]

    def __str__(self):
        return f"Response {self.pk} to {self.survey_id}"


class Answer(models.Model):
    """One value: a text, a number, a chosen option, or one grid statement's rating."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=40)
    row_key = models.CharField(max_length=200, blank=True)
    choice = models.CharField(max_length=200, blank=True)
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)
    published = models.BooleanField(default=False, help_text=_("Free text an analyst chose to publish."))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question_id", "row_key", "choice"], name="answer_unique_value"
            ),
        ]
        indexes = [
            models.Index(fields=["survey", "question_id"]),
            # The newest free text per question, read by the results page with LIMIT.
            models.Index(
                fields=["survey", "question_id", "-id"], condition=~Q(text=""), name="answer_text_newest"
            ),
        ]


class ResponseDraft(models.Model):
    """Answers so far, for a signed-in person who stopped part way (save and resume)."""

    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="drafts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_drafts")
    data = models.JSONField(default=dict)
    section = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="draft_one_per_person")]


class Invitation(models.Model):
    """A single-use link. Only the SHA-256 of the token is stored."""

    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    group = models.ForeignKey(
        "accounts.StakeholderGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Only for identified surveys (reminders); never set on anonymous surveys.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"Invitation {self.pk}"


class InvitationUse(models.Model):
    """That an invitation was used, and on which day. Deliberately no link to the response."""

    invitation = models.OneToOneField(
        Invitation, primary_key=True, on_delete=models.CASCADE, related_name="use"
    )
    used_on = models.DateField()


class Participation(models.Model):
    """That a signed-in person answered an anonymous survey (one per person), and on which day.

    A random primary key and a date only, so row order and time cannot pair it with a response.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_participations"
    )
    taken_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "user"], name="participation_one_per_person"),
        ]


class ExportKind(models.TextChoices):
    RESPONSES_CSV = "responses_csv", _("Responses (CSV)")
    RESPONSES_XLSX = "responses_xlsx", _("Responses (Excel)")
    AGGREGATE_CSV = "aggregate_csv", _("Summary counts, suppressed (CSV)")
    INVITATIONS_CSV = "invitations_csv", _("Invitation links (CSV)")


class SurveyExport(models.Model):
    """Who downloaded what from which survey, and when."""

    survey = models.ForeignKey("surveys.SurveyPage", on_delete=models.CASCADE, related_name="exports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20, choices=ExportKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"
