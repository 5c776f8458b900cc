"""The Theory of Change: structured columns of ordered items, read left to right."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import TocItemBlock

from .base import BasePage

StrOrPromise = str | Promise

# (field name, heading shown on the diagram, plain-language question it answers)
TOC_COLUMNS: list[tuple[str, StrOrPromise, StrOrPromise]] = [
    ("need", _("Need"), _("What problem are we working on?")),
    ("populations", _("Who"), _("Which children, families and people?")),
    ("strategies", _("Strategies and activities"), _("What will we do?")),
    ("outputs", _("Outputs"), _("What will we deliver, and how much?")),
    ("short_term", _("Short-term outcomes"), _("What changes first (within a year)?")),
    ("intermediate", _("Intermediate outcomes"), _("What changes next (one to three years)?")),
    ("long_term", _("Long-term outcomes"), _("What lasting change do we want?")),
    ("impact", _("Impact"), _("What will be different for children and families?")),
]
# Shown below the diagram: they hold up the whole logic rather than follow in sequence.
TOC_FOUNDATIONS: list[tuple[str, StrOrPromise, StrOrPromise]] = [
    ("assumptions", _("Assumptions"), _("What must be true for this to work?")),
    ("partners", _("Partners"), _("Who does this with us?")),
]


def _column():
    return StreamField([("item", TocItemBlock())], blank=True)


class TheoryOfChangePage(RoutablePageMixin, BasePage):
    need = _column()
    populations = _column()
    strategies = _column()
    outputs = _column()
    short_term = _column()
    intermediate = _column()
    long_term = _column()
    impact = _column()
    assumptions = _column()
    partners = _column()
    official_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the signed-off version as a PDF or image, offered for download."),
    )

    parent_page_types = ["home.HomePage"]
    search_fields = [
        *BasePage.search_fields,
        *(index.SearchField(name) for name, _, _ in TOC_COLUMNS + TOC_FOUNDATIONS),
    ]
    content_panels = [
        *BasePage.content_panels,
        *(
            MultiFieldPanel([FieldPanel(name, heading=heading)], heading=heading, help_text=question)
            for name, heading, question in TOC_COLUMNS + TOC_FOUNDATIONS
        ),
        FieldPanel("official_document"),
    ]

    class Meta:
        verbose_name = _("Theory of Change page")

    def columns(self) -> list[dict]:
        return [self._column(name, heading, question) for name, heading, question in TOC_COLUMNS]

    def foundations(self) -> list[dict]:
        return [self._column(name, heading, question) for name, heading, question in TOC_FOUNDATIONS]

    def _column(self, name, heading, question) -> dict:
        return {
            "key": name,
            "heading": heading,
            "question": question,
            "items": [block.value for block in getattr(self, name)],
        }

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["initiatives"] = selectors.initiatives_for_theory(theory=self)
        return context

    @path("")
    def diagram(self, request):
        return self.render(request)

    @path("text/")
    def text_view(self, request):
        return TemplateResponse(
            request, "home/theory_of_change_text.html", self.get_context(request, text_view=True)
        )
