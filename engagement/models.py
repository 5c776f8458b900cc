"""The partner registry, the engagement plan, involvement across the review, and the
nine-element collaboration self-assessment. Staff data: none of it is public as such."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from home.cfsr import ReviewPhase

from .vocabulary import RATING_MAX, RATING_MIN, STATUS_STYLES, Element, Level, Method, PartnerKind, Status


def staff_choices():
    """People who may enter the admin: the only ones offered as staff contact or owner."""
    from django.contrib.auth import get_user_model

    staff = get_user_model().objects.filter(groups__permissions__codename="access_admin").values("pk")
    return models.Q(is_superuser=True) | models.Q(pk__in=staff)


class Partner(ClusterableModel):
    """An organisation or group the agency works with."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=PartnerKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("E.g. a county office under a state department."),
    )
    regions = models.ManyToManyField(
        "accounts.Region", blank=True, related_name="partners", verbose_name=_("regions and counties")
    )
    stakeholder_groups = models.ManyToManyField(
        "accounts.StakeholderGroup", blank=True, related_name="partners", verbose_name=_("stakeholder groups")
    )
    spokespeople = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="partner_roles",
        verbose_name=_("portal members"),
        help_text=_("Members who speak for this partner; their portal activity counts as the partner's."),
    )
    staff_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("staff contact"),
        limit_choices_to=staff_choices,
    )
    aliases = models.CharField(
        _("other names"),
        max_length=255,
        blank=True,
        help_text=_("Comma-separated names used in attendance records (e.g. abbreviations)."),
    )
    notes = models.TextField(_("notes"), blank=True)
    listed_publicly = models.BooleanField(
        _("agreed to be listed publicly"),
        default=False,
        help_text=_("Only partners who agreed are named on the public summary."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.NONE, editable=False
    )
    status_since = models.DateField(_("status since"), default=timezone.localdate, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("kind"), FieldPanel("parent"), FieldPanel("aliases")],
            heading=_("Partner"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("regions"),
                FieldPanel("stakeholder_groups"),
                FieldPanel("spokespeople"),
                FieldPanel("staff_contact"),
            ],
            heading=_("Who"),
        ),
        FieldPanel("notes"),
        FieldPanel("listed_publicly"),
        InlinePanel("phase_involvements", heading=_("Planned involvement by review phase"), label=_("phase")),
        InlinePanel(
            "outcome_involvements",
            heading=_("Involvement by outcome or systemic factor"),
            label=_("outcome or systemic factor"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="partner_status_valid"),
            models.CheckConstraint(
                condition=models.Q(kind__in=PartnerKind.values), name="partner_kind_valid"
            ),
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="partner_not_own_parent"),
        ]
        permissions = [("export_partner", "Can export the engagement registry")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A partner cannot be part of itself.")})

    @property
    def status_style(self):
        return STATUS_STYLES[self.status]

    def names_for_matching(self) -> list[str]:
        return [self.name, *(a for a in (s.strip() for s in self.aliases.split(",")) if a)]


class StatusChange(models.Model):
    """One change of a partner's relationship status: who, when, from, to and why."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=8, choices=Status.choices)
    to_status = models.CharField(max_length=8, choices=Status.choices)
    reason = models.TextField()
    changed_on = models.DateField(default=timezone.localdate)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-changed_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="status_change_has_reason"),
        ]

    def __str__(self):
        return f"{self.partner}: {self.from_status} → {self.to_status}"


class EngagementAction(models.Model):
    """A planned way of engaging a partner: how, who on staff, when, and what came of it."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="actions", verbose_name=_("partner")
    )
    method = models.CharField(_("how"), max_length=12, choices=Method.choices)
    description = models.CharField(_("what"), max_length=255)
    phase = models.CharField(_("review phase"), max_length=20, choices=ReviewPhase.choices, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who on staff"),
        limit_choices_to=staff_choices,
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("method"),
        FieldPanel("description"),
        FieldPanel("phase"),
        FieldPanel("owner"),
        FieldPanel("starts_on"),
        FieldPanel("due_on"),
        FieldPanel("done_on"),
        FieldPanel("outcome"),
    ]

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("engagement action")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True) | models.Q(due_on__gte=models.F("starts_on")),
                name="action_due_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.partner}: {self.description}"

    def clean(self):
        if self.starts_on and self.due_on and self.due_on < self.starts_on:
            raise ValidationError({"due_on": _("The due date cannot be before the start date.")})


class PhaseInvolvement(models.Model):
    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="phase_involvements")
    phase = models.CharField(_("phase"), max_length=20, choices=ReviewPhase.choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=Level.CONSULTED)
    role = models.CharField(_("planned role"), max_length=200, blank=True)

    panels = [FieldPanel("phase"), FieldPanel("level"), FieldPanel("role")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "phase"], name="phase_involvement_unique"),
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values), name="phase_involvement_level"
            ),
        ]


class OutcomeInvolvement(models.Model):
    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="outcome_involvements")
    term = models.ForeignKey(
        "home.CfsrTerm",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("outcome or systemic factor"),
    )
    role = models.CharField(_("planned role"), max_length=200, blank=True)

    panels = [FieldPanel("term"), FieldPanel("role")]

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partner", "term"], name="outcome_involvement_unique")]


class CollaborationAssessment(ClusterableModel):
    """A periodic self-assessment of the nine elements of collaboration."""

    period = models.CharField(_("review period"), max_length=60, unique=True)
    starts_on = models.DateField(_("period starts"))
    ends_on = models.DateField(_("period ends"))
    completed = models.BooleanField(_("completed"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldPanel("period"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("completed"),
        FieldPanel("notes"),
        InlinePanel("ratings", heading=_("Ratings"), label=_("element")),
    ]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("collaboration assessment")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="assessment_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.period

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The period cannot end before it starts.")})


class ElementRating(models.Model):
    assessment = ParentalKey(CollaborationAssessment, on_delete=models.CASCADE, related_name="ratings")
    element = models.CharField(_("element"), max_length=16, choices=Element.choices)
    rating = models.PositiveSmallIntegerField(
        _("rating"), help_text=_("From 1 (not in place) to 5 (strong and sustained).")
    )
    evidence = models.TextField(_("evidence"), blank=True)
    links = models.TextField(_("links to portal items"), blank=True, help_text=_("One address a line."))

    panels = [FieldPanel("element"), FieldPanel("rating"), FieldPanel("evidence"), FieldPanel("links")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "element"], name="element_rating_unique"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="element_rating_scale",
            ),
        ]

    def clean(self):
        if self.rating is not None and not RATING_MIN <= self.rating <= RATING_MAX:
            raise ValidationError({"rating": _("Give a rating from 1 to 5.")})
