"""Initiatives: what the partnership is doing, tagged with the CFSR vocabulary.

Stable API for other apps (forums, surveys link to initiatives): `title`, `url`,
`summary`, `status` (InitiativeStatus), `cfsr_terms`.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock, PartnerBlock

from .base import BasePage

GOAL_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class InitiativeStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    ACTIVE = "active", _("Under way")
    PAUSED = "paused", _("Paused")
    COMPLETE = "complete", _("Completed")


class InitiativeIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.InitiativePage"]
    max_count = 1

    class Meta:
        verbose_name = _("initiative index page")

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["initiatives"] = selectors.initiatives_under(parent=self)
        return context


class InitiativePage(BasePage):
    summary = models.TextField(help_text=_("Two or three sentences: what this initiative is and why."))
    status = models.CharField(
        max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.PLANNING
    )
    system_goals = RichTextField(
        blank=True, features=GOAL_FEATURES, help_text=_("What changes across the whole child-welfare system.")
    )
    program_goals = RichTextField(
        blank=True, features=GOAL_FEATURES, help_text=_("What changes in programs and services.")
    )
    practice_goals = RichTextField(
        blank=True, features=GOAL_FEATURES, help_text=_("What changes in day-to-day work with families.")
    )
    partners = StreamField([("partner", PartnerBlock())], blank=True)
    cfsr_terms = ParentalManyToManyField(
        "home.CfsrTerm",
        blank=True,
        related_name="initiative_pages",
        verbose_name=_("CFSR outcomes and systemic factors"),
    )
    theory_of_change = models.ForeignKey(
        "home.TheoryOfChangePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
        help_text=_("The Theory of Change this initiative puts into practice."),
    )
    featured = models.BooleanField(default=False, help_text=_("Show on the home page."))
    body = StreamField(BaseStreamBlock(), blank=True)

    parent_page_types = ["home.InitiativeIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("system_goals"),
        index.SearchField("program_goals"),
        index.SearchField("practice_goals"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("system_goals"), FieldPanel("program_goals"), FieldPanel("practice_goals")],
            heading=_("Goals"),
        ),
        FieldPanel("partners"),
        FieldPanel("cfsr_terms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("theory_of_change"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("initiative page")

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["cfsr"] = selectors.cfsr_terms_of(self, request=request)
        context["updates"] = selectors.updates_for_initiative(initiative=self, limit=5)
        context["theory"] = selectors.theory_for_initiative(initiative=self)
        index = selectors.update_index()
        context["update_index_url"] = index.get_url(request) if index else ""
        return context
