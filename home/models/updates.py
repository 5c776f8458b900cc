"""Updates: the partnership's news, with filters and RSS/Atom feeds."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock

from .base import BasePage

UPDATES_PER_PAGE = 10


class UpdateIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.UpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("update index page")

    @path("")
    def index(self, request):
        from home import selectors

        listing = selectors.update_listing(index_page=self, params=request.GET)
        return self.render(request, context_overrides={"listing": listing})

    @path("feed/rss/")
    def rss_feed(self, request):
        from home.feeds import UpdatesRssFeed

        return UpdatesRssFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        from home.feeds import UpdatesAtomFeed

        return UpdatesAtomFeed(self)(request)


class UpdatePageTag(TaggedItemBase):
    content_object = ParentalKey("home.UpdatePage", on_delete=models.CASCADE, related_name="tagged_items")


class UpdatePage(BasePage):
    date = models.DateField("published on", default=timezone.localdate)
    author_role = models.CharField(
        max_length=100,
        default="Communications team",
        help_text=_("Shown as the author: a team or role, e.g. 'Communications team'."),
    )
    byline_name = models.CharField(
        max_length=100,
        blank=True,
        help_text=_(
            "Optional: your name, only if you choose to be named. Leave blank to show only the role."
        ),
    )
    summary = models.TextField(blank=True, help_text=_("Shown in lists and feeds."))
    initiative = models.ForeignKey(
        "home.InitiativePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
    )
    cfsr_terms = ParentalManyToManyField(
        "home.CfsrTerm",
        blank=True,
        related_name="update_pages",
        verbose_name=_("CFSR outcomes and systemic factors"),
    )
    tags = ClusterTaggableManager(through=UpdatePageTag, blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    parent_page_types = ["home.UpdateIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        MultiFieldPanel([FieldPanel("author_role"), FieldPanel("byline_name")], heading=_("Author")),
        FieldPanel("summary"),
        FieldPanel("initiative"),
        FieldPanel("tags"),
        FieldPanel("cfsr_terms", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("update page")

    @property
    def byline(self) -> str:
        return f"{self.byline_name}, {self.author_role}" if self.byline_name else self.author_role

    def get_meta_description(self) -> str:
        return self.search_description or self.summary or self.intro

    def get_og_type(self) -> str:
        return "article"

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.update_detail(update=self, request=request))
        return context
