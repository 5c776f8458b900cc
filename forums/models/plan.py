from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel


class PlanLevel(models.TextChoices):
    GOAL = "goal", _("Goal")
    STRATEGY = "strategy", _("Strategy")
    ACTION = "action", _("Action step")


class PlanStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")


PARENT_LEVEL = {PlanLevel.STRATEGY: PlanLevel.GOAL, PlanLevel.ACTION: PlanLevel.STRATEGY}


class PlanItem(ClusterableModel):
    """One line of a workgroup's part of the program improvement plan: goal -> strategy -> action step."""

    workgroup = models.ForeignKey("forums.WorkgroupPage", on_delete=models.CASCADE, related_name="plan_items")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text=_("A strategy sits under a goal; an action step under a strategy."),
    )
    level = models.CharField(max_length=10, choices=PlanLevel.choices, default=PlanLevel.GOAL)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    owner = models.CharField(
        max_length=120, blank=True, help_text=_("An organisation or a role, never a person.")
    )
    start_date = models.DateField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=PlanStatus.choices, default=PlanStatus.NOT_STARTED)
    measure = models.CharField(max_length=255, blank=True)
    unit = models.CharField(max_length=40, blank=True, help_text=_('For example "%" or "days".'))
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    current = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    cfsr_terms = ParentalManyToManyField("home.CfsrTerm", blank=True, related_name="plan_items")
    regions = ParentalManyToManyField(
        "accounts.Region",
        blank=True,
        related_name="plan_items",
        verbose_name=_("sites (counties or regions)"),
        help_text=_("Where this item is carried out; leave empty for agency-wide work."),
    )
    sort_order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("workgroup"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("parent")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("due_date")]),
        MultiFieldPanel(
            [
                FieldPanel("measure"),
                FieldRowPanel(
                    [FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("target"), FieldPanel("current")]
                ),
            ],
            heading=_("Measure"),
        ),
        FieldPanel("cfsr_terms"),
        FieldPanel("regions"),
        FieldPanel("sort_order"),
        InlinePanel("progress_notes", heading=_("Progress notes"), label=_("Progress note")),
    ]

    class Meta:
        ordering = ["workgroup", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level=PlanLevel.GOAL, parent__isnull=True)
                | (~models.Q(level=PlanLevel.GOAL) & models.Q(parent__isnull=False)),
                name="plan_item_goal_has_no_parent",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PlanStatus.values), name="plan_item_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_level_display()}: {self.title}"

    def clean(self):
        from django.core.exceptions import ValidationError

        expected = PARENT_LEVEL.get(self.level)
        if expected is None and self.parent_id:
            raise ValidationError({"parent": "A goal sits at the top of the plan: leave this empty."})
        if expected is not None:
            if self.parent is None:
                raise ValidationError({"parent": f"Choose the {expected.label.lower()} this belongs to."})
            if self.parent.level != expected or self.parent.workgroup_id != self.workgroup_id:
                raise ValidationError({"parent": f"Choose a {expected.label.lower()} of the same workgroup."})

    @property
    def progress_percent(self) -> int | None:
        """How far `current` has moved from `baseline` toward `target`, 0..100."""
        if None in (self.baseline, self.target, self.current) or self.target == self.baseline:
            return None
        share = (self.current - self.baseline) / (self.target - self.baseline)
        return max(0, min(100, round(float(share) * 100)))


class ProgressNote(models.Model):
    plan_item = ParentalKey(PlanItem, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(default=timezone.localdate)
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date}: {self.text[:40]}"
