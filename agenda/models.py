"""Stakeholders set the agenda: proposals to a workgroup, its meetings and their agendas."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from forums.models.holds import HeldForReview
from forums.models.pages import PrivateAwareMixin
from home.cfsr import ReviewPhase
from home.models import BasePage


class ProposalState(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    OPEN = "open", _("Open, waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    MERGED = "merged", _("Merged")
    IN_PROGRESS = "in_progress", _("Already being worked on")
    DECLINED = "declined", _("Declined")


ANSWERED_STATES = (
    ProposalState.ACCEPTED,
    ProposalState.MERGED,
    ProposalState.IN_PROGRESS,
    ProposalState.DECLINED,
)
# A proposal still held, merged away or declined cannot be put on a meeting's agenda.
AGENDA_READY_STATES = (ProposalState.OPEN, ProposalState.ACCEPTED, ProposalState.IN_PROGRESS)


class Proposal(HeldForReview):
    workgroup = models.ForeignKey("forums.WorkgroupPage", on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("what is happening"))
    stakeholder_groups = models.ManyToManyField(
        "accounts.StakeholderGroup", blank=True, related_name="+", verbose_name=_("who it affects")
    )
    region = models.ForeignKey(
        "accounts.Region", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cfsr_terms = models.ManyToManyField(
        "home.CfsrTerm",
        blank=True,
        related_name="proposals",
        verbose_name=_("CFSR outcomes and systemic factors"),
    )
    state = models.CharField(max_length=12, choices=ProposalState.choices, default=ProposalState.OPEN)
    held_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why it is held, in English (for unknown rules).")
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The facilitator's public, dated answer.
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(
        "forums.TopicPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_proposals"
    )
    plan_item = models.ForeignKey(
        "forums.PlanItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    support_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="declined") | ~models.Q(answer=""),
                name="proposal_decline_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_waiting(self) -> bool:
        return self.state == ProposalState.OPEN


class ProposalSupport(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="proposal_support_once")]


class ProposalComment(HeldForReview):
    """A thread under a proposal (forum comments belong to topic pages, proposals are not pages)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    is_published = models.BooleanField(default=True)
    held_reason = models.CharField(
        max_length=300, blank=True, help_text=_("Why it is held, in English (for unknown rules).")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class MeetingPage(PrivateAwareMixin, BasePage):
    """A workgroup meeting. Minutes and decisions are page fields, so they are published
    through the Agency review workflow like every page."""

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.TextField(_("place or call details"), blank=True, help_text=_("Shown to members only."))
    agenda_cutoff = models.DateTimeField(
        _("agenda items until"), help_text=_("Members may propose agenda items until then.")
    )
    minutes = RichTextField(
        _("minutes"), blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    minutes_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    parent_page_types = ["forums.WorkgroupPage"]
    subpage_types: list[str] = []
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("agenda_cutoff"),
                FieldPanel("place"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("minutes"),
        InlinePanel("decisions", heading=_("Decisions"), label=_("Decision")),
        InlinePanel("attendance", heading=_("Attendance by organisation"), label=_("Organisation")),
    ]

    class Meta:
        verbose_name = _("workgroup meeting")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})

    def get_workgroup(self):
        return self.get_parent().specific

    @property
    def workgroup(self):
        if not hasattr(self, "_workgroup"):
            self._workgroup = self.get_workgroup()
        return self._workgroup

    @property
    def workgroup_id(self):
        return self.workgroup.pk

    def get_context(self, request, *args, **kwargs):
        from .meeting_views import meeting_context

        context = super().get_context(request, *args, **kwargs)
        # A refused POST renders the page again with its bound forms (meeting_views._meeting_page).
        context.update(meeting_context(request, self, **getattr(request, "agenda_forms", {})))
        return context


class AgendaItemStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for the facilitator")
    ON_AGENDA = "on_agenda", _("On the agenda")
    DECLINED = "declined", _("Not taken on the agenda")


class AgendaItem(models.Model):
    """An item on a meeting's agenda: added by a facilitator, or proposed by a member before
    the cut-off and then accepted or declined (with a reason) by a facilitator; ordered by the
    facilitator. Kept outside page revisions so members' items survive the next publish."""

    meeting = models.ForeignKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("title"), max_length=200)
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=AgendaItemStatus.choices, default=AgendaItemStatus.ON_AGENDA
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="agenda_item_decline_has_reason",
            ),
            # A proposal goes on a meeting's agenda once (proposed or on it).
            models.UniqueConstraint(
                fields=["meeting", "proposal"],
                condition=models.Q(proposal__isnull=False) & ~models.Q(status="declined"),
                name="agenda_item_proposal_once",
            ),
        ]

    def __str__(self):
        return self.title


class MeetingDecision(Orderable):
    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    plan_item = models.ForeignKey(
        "forums.PlanItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(
        "forums.TopicPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("text"), FieldPanel("plan_item"), FieldPanel("topic")]


class MeetingAttendance(Orderable):
    """Who came, by organisation: never a person's name in public."""

    meeting = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.CharField(_("organisation"), max_length=200)
    people = models.PositiveIntegerField(_("people"), default=1)

    panels = [FieldPanel("organisation"), FieldPanel("people")]


class ReviewRound(ClusterableModel):
    """A CFSR round (current and past) with its five phases, edited by staff in the admin."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    is_current = models.BooleanField(_("current round"), default=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("is_current"),
        InlinePanel("phases", heading=_("Phases and milestones"), label=_("Phase")),
    ]

    class Meta:
        ordering = ["-is_current", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="review_round_one_current"
            ),
        ]

    def __str__(self):
        return self.title


class RoundPhase(Orderable, ClusterableModel):
    round = ParentalKey(ReviewRound, on_delete=models.CASCADE, related_name="phases")
    phase = models.CharField(_("phase"), max_length=24, choices=ReviewPhase.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    happening = models.TextField(_("what is happening"), blank=True)
    what_you_can_do = models.TextField(_("what stakeholders can do"), blank=True)
    milestones = models.TextField(_("milestones"), blank=True, help_text=_("One per line: date, then what."))
    related_pages = ParentalManyToManyField(
        "wagtailcore.Page", blank=True, related_name="+", verbose_name=_("topics, surveys and meetings")
    )

    panels = [
        FieldPanel("phase"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("happening"),
        FieldPanel("what_you_can_do"),
        FieldPanel("milestones"),
        FieldPanel("related_pages"),
    ]

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A phase must end after it starts.")})

    def is_now(self, today) -> bool:
        return self.starts_on <= today <= self.ends_on

    def milestone_lines(self) -> list[str]:
        return [line.strip() for line in self.milestones.splitlines() if line.strip()]
