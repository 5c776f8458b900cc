"""The shared base: CFSR vocabulary, BasePage, home, standard and audience pages, settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock, FeaturedLinkBlock
from home.cfsr import CfsrKind, plain_name


class CfsrTerm(models.Model):
    """One of the fourteen CFSR outcomes and systemic factors (seeded; see cfsr.py)."""

    code = models.CharField(max_length=8, unique=True)
    kind = models.CharField(max_length=10, choices=CfsrKind.choices)
    name = models.CharField(max_length=100)
    statement = models.TextField()
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("CFSR outcome or systemic factor")

    def __str__(self):
        return self.name

    @property
    def plain_name(self) -> str:
        """What the public reads: plain words in the reader's language, no code."""
        return plain_name(self.code, self.name)


class BasePage(Page):
    """Fields and behaviour every content page shares."""

    intro = models.TextField(
        blank=True, help_text=_("One or two plain-language sentences shown under the title.")
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        return self.search_description or self.intro

    def get_og_type(self) -> str:
        return "website"


class HomePage(BasePage):
    body = StreamField(BaseStreamBlock(), blank=True)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        from home import routing

        return routing.route(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.home_listings(site_root=self))
        return context


class StandardPage(BasePage):
    body = StreamField(BaseStreamBlock(), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")


class AudienceKind(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals and community partners")
    CAREGIVERS = "caregivers", _("Foster parents, kin and supporters")
    YOUTH = "youth", _("Youth and young adults")


class AudiencePage(BasePage):
    """A landing page for one audience, curating what matters most to them."""

    audience = models.CharField(max_length=20, choices=AudienceKind.choices)
    featured = StreamField(
        [("page", FeaturedLinkBlock())],
        blank=True,
        help_text=_("Pages this audience should see first, in order."),
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    parent_page_types = ["home.HomePage"]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("audience"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("audience page")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Footer contacts, legal pages and the safety numbers shown wherever harm may be disclosed."""

    organisation_name = models.CharField(max_length=120, default="Lakeshore County Family Services")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_address = models.TextField(blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hotline_phone = models.CharField(
        max_length=40,
        default="1-800-555-0199",
        help_text=_("The child-abuse hotline, shown to anyone who may be reporting danger."),
    )
    emergency_phone = models.CharField(max_length=20, default="911")
    safety_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown beside the hotline numbers."),
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("contact_address")],
            heading=_("Contact (footer)"),
        ),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Legal pages (footer)"),
        ),
        MultiFieldPanel(
            [FieldPanel("hotline_phone"), FieldPanel("emergency_phone"), FieldPanel("safety_message")],
            heading=_("Safety"),
        ),
    ]

    @classmethod
    def for_site(cls, site):
        """On every page (header, footer): fragment-cached with the footer's two pages, retired
        by the page-cache generation that every settings save bumps (issue 13)."""
        from portal.pagecache.fragments import cached_fragment

        def build():
            related = cls.objects.select_related("accessibility_page", "privacy_page")
            instance = related.filter(site=site).first()
            return instance or super(PortalSettings, cls).for_site(site)

        return cached_fragment("portal-settings", build, vary=site.pk)

    class Meta:
        verbose_name = _("portal settings")
