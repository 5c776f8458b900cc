from django import forms
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from forums.blocks import DraftStreamBlock, ParagraphChangeBlock
from forums.panels import OptionalPageTypeChooserPanel
from home.blocks import BaseStreamBlock
from home.models import BasePage

from .membership import MembershipMode


class WorkgroupIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["forums.WorkgroupPage"]
    max_count = 1

    class Meta:
        verbose_name = _("workgroup index page")

    def get_context(self, request, *args, **kwargs):
        from forums import selectors

        context = super().get_context(request, *args, **kwargs)
        context["workgroups"] = selectors.workgroups_visible(user=request.user, index=self)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("plan/")
    def plan_overview(self, request):
        from forums import plan_views

        return plan_views.plan_overview(request, self)

    @path("plan/export/<str:fmt>/")
    def plan_export(self, request, fmt):
        from forums import plan_views

        return plan_views.plan_export(request, self, fmt)


class PrivateAwareMixin:
    """Pages of a private workgroup answer 404 to people who may not see them."""

    def get_workgroup(self):
        raise NotImplementedError

    def serve(self, request, *args, **kwargs):
        from forums.permissions import can_view_workgroup

        if not can_view_workgroup(request.user, self.get_workgroup()):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        # By path against the cached private workgroups: the sitemap lists every page, and
        # climbing to each page's workgroup cost two queries a page.
        from forums.selectors import private_workgroup_paths

        if any(self.path.startswith(path) for path in private_workgroup_paths()):
            return []
        return super().get_sitemap_urls(request)


class WorkgroupPage(PrivateAwareMixin, RoutablePageMixin, BasePage):
    charter = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    body = StreamField(BaseStreamBlock(), blank=True)
    cfsr_terms = ParentalManyToManyField("home.CfsrTerm", blank=True, related_name="workgroups")
    initiative = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The initiative this workgroup carries out."),
    )
    membership_mode = models.CharField(
        max_length=12, choices=MembershipMode.choices, default=MembershipMode.OPEN
    )
    allowed_groups = ParentalManyToManyField(
        "accounts.StakeholderGroup",
        blank=True,
        related_name="+",
        help_text=_("Leave empty to welcome everyone; otherwise only people in these groups may join."),
    )
    is_private = models.BooleanField(
        default=False,
        help_text=_(
            "Only members see its topics, comments and plan; it is left out of search and the sitemap."
        ),
    )

    parent_page_types = ["forums.WorkgroupIndexPage"]
    subpage_types = ["forums.TopicPage", "agenda.MeetingPage"]  # meetings: issue 15
    search_fields = [*BasePage.search_fields, index.SearchField("charter"), index.FilterField("is_private")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("charter"),
        FieldPanel("body"),
        OptionalPageTypeChooserPanel("initiative", "home.InitiativePage"),
        FieldPanel("cfsr_terms"),
        MultiFieldPanel(
            [FieldPanel("membership_mode"), FieldPanel("allowed_groups"), FieldPanel("is_private")],
            heading=_("Membership"),
        ),
    ]

    class Meta:
        verbose_name = _("workgroup page")
        permissions = [
            ("view_private_workgroup", "Can read private workgroups and draft summaries"),
            ("comment_unheld", "Comments are not held for new members or new accounts"),
            ("manage_any_workgroup", "Can manage the plan and members of every workgroup"),
        ]

    def get_workgroup(self):
        return self

    def get_context(self, request, *args, **kwargs):
        from forums import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.workgroup_page_context(request=request, workgroup=self))
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("plan/")
    def plan(self, request):
        from forums import plan_views

        return plan_views.workgroup_plan(request, self)


class TopicPageForm(WagtailAdminPageForm):
    """Offer only this topic's comments and this workgroup's plan items for "what we did"."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        from .comments import Comment, CommentState
        from .plan import PlanItem

        topic = self.instance
        workgroup_id = topic.get_parent().pk if topic.pk else getattr(parent_page, "pk", None)
        if "feedback_comments" in self.fields:
            self.fields["feedback_comments"].queryset = Comment.objects.filter(
                topic_id=topic.pk, parent__isnull=True, state=CommentState.PUBLISHED
            ).select_related("author")
        if "feedback_plan_items" in self.fields:
            self.fields["feedback_plan_items"].queryset = PlanItem.objects.filter(workgroup_id=workgroup_id)


class TopicPage(PrivateAwareMixin, BasePage):
    """A policy initiative or draft under review, with its comment window and feedback."""

    summary = RichTextField(blank=True, features=["bold", "italic", "ol", "ul", "link", "document-link"])
    body = StreamField(BaseStreamBlock(), blank=True)
    documents = StreamField([("document", DocumentChooserBlock())], blank=True)
    draft = StreamField(
        DraftStreamBlock(),
        blank=True,
        help_text=_("The draft under review, paragraph by paragraph: people comment on each paragraph."),
    )
    question = models.TextField(blank=True, help_text=_("The question the agency asks partners."))
    opens_at = models.DateTimeField(null=True, blank=True, help_text=_("Comments open at this time."))
    closes_at = models.DateTimeField(null=True, blank=True, help_text=_("Comments close at this time."))
    cfsr_terms = ParentalManyToManyField("home.CfsrTerm", blank=True, related_name="topics")
    what_we_heard = RichTextField(blank=True, features=["bold", "italic", "ol", "ul", "link"])
    what_we_did = RichTextField(blank=True, features=["bold", "italic", "ol", "ul", "link"])
    paragraph_changes = StreamField(
        [("change", ParagraphChangeBlock())],
        blank=True,
        help_text=_("What we did about particular paragraphs of the draft."),
    )
    feedback_comments = ParentalManyToManyField(
        "forums.Comment",
        blank=True,
        related_name="feedback_topics",
        help_text=_("The comments and questions this feedback answers."),
    )
    feedback_plan_items = ParentalManyToManyField(
        "forums.PlanItem",
        blank=True,
        related_name="feedback_topics",
        help_text=_("The plan items that changed because of what we heard."),
    )

    base_form_class = TopicPageForm
    parent_page_types = ["forums.WorkgroupPage"]
    subpage_types: list[str] = []
    search_fields = [*BasePage.search_fields, index.SearchField("summary"), index.SearchField("question")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("question"),
        FieldPanel("body"),
        FieldPanel("draft"),
        FieldPanel("documents"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Comment window")),
        FieldPanel("cfsr_terms"),
        MultiFieldPanel(
            [
                FieldPanel("what_we_heard"),
                FieldPanel("what_we_did"),
                FieldPanel("paragraph_changes"),
                FieldPanel("feedback_comments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("feedback_plan_items", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("What we heard, what we did (publish after the window closes)"),
        ),
    ]

    class Meta:
        verbose_name = _("topic page")

    def get_workgroup(self) -> WorkgroupPage:
        """The workgroup above (kept in the fragment cache: publishing or moving either retires it)."""
        if not hasattr(self, "_workgroup"):
            from portal.pagecache.lookups import remembered

            self._workgroup = remembered(
                "topic-workgroup", lambda: WorkgroupPage.objects.parent_of(self).get(), vary=self.path
            )
        return self._workgroup

    @property
    def window_state(self) -> str:
        """ "upcoming", "open" or "closed" at this moment."""
        now = timezone.now()
        if self.opens_at and now < self.opens_at:
            return "upcoming"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.window_state == "open"

    @property
    def has_feedback(self) -> bool:
        return bool(self.what_we_heard or self.what_we_did or self.paragraph_changes)

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        ids = {block.id for block in self.draft if block.block_type == "paragraph"}
        unknown = [b.value["paragraph"] for b in self.paragraph_changes if b.value["paragraph"] not in ids]
        if unknown:
            raise ValidationError(
                {"paragraph_changes": f"Not a paragraph of this draft: {', '.join(unknown)}."}
            )

    def get_context(self, request, *args, **kwargs):
        from forums import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.topic_page_context(request=request, topic=self))
        return context
