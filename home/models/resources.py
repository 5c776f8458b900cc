"""The resource library: Wagtail documents in a collection, its sub-collections as categories.

A collection with a login view restriction (Wagtail admin: Collections -> Privacy) is
private: its documents are listed only to signed-in people, and the document serve view
refuses anonymous visitors (documents are always served through Django; see docs/content.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .base import BasePage


class ResourceIndexPage(RoutablePageMixin, BasePage):
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The library's collection. Its sub-collections are the categories people filter by."),
    )

    parent_page_types = ["home.HomePage", "home.AudiencePage", "home.StandardPage"]
    subpage_types: list[str] = []
    content_panels = [*BasePage.content_panels, FieldPanel("collection")]

    class Meta:
        verbose_name = _("resource library page")

    @path("")
    def library(self, request):
        from home import selectors

        listing = selectors.resource_listing(index_page=self, request=request, params=request.GET)
        return self.render(request, context_overrides={"listing": listing})
