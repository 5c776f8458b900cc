"""SurveyIndexPage -> SurveyPage: editor content with a URL, passing the agency's workflow."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField

from home.models import BasePage

from ..questionnaire.blocks import SectionBlock
from ..questionnaire.guard import UsedAnswer, changes_that_corrupt
from ..questionnaire.schema import TRANSLATED, all_questions, read_sections, translation_problems
from ..questionnaire.skip_logic import rule_problems

INITIATIVE_PAGE = "home.InitiativePage"


class AccessMode(models.TextChoices):
    MEMBERS = "members", _("Signed-in members of the target groups")
    INVITATION = "invitation", _("Invitation links only")
    PUBLIC = "public", _("Anyone (public)")


class InitiativeChooserPanel(PageChooserPanel):
    """A chooser limited to initiative pages, by name; unrestricted until that model exists."""

    def get_form_options(self):
        from django.apps import apps

        try:
            apps.get_model(INITIATIVE_PAGE)
        except LookupError:
            self.page_type = None
        return super().get_form_options()


class SurveyIndexPage(BasePage):
    """/surveys/: lists the surveys the visitor may answer."""

    subpage_types = ["surveys.SurveyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("survey index page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import surveys_for_person

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = surveys_for_person(user=request.user)
        return context


ES_HELP = _("In Spanish. Leave empty to show the English text.")


class SurveyPage(BasePage):
    """One survey in both languages: each text a person reads has a Spanish field beside it
    (here and in the blocks), so a Spanish answer is stored under the same question ids and
    values as an English one and is counted with it (docs/surveys.md, "Languages")."""

    title_es = models.CharField("title in Spanish", max_length=255, blank=True, help_text=ES_HELP)
    intro_es = models.TextField("introduction in Spanish", blank=True, help_text=ES_HELP)
    sections = StreamField([("section", SectionBlock())], blank=True)
    thank_you = models.TextField(
        blank=True, help_text=_("Shown on the confirmation page after someone sends their answers.")
    )
    thank_you_es = models.TextField("thank-you text in Spanish", blank=True, help_text=ES_HELP)
    is_anonymous = models.BooleanField(
        default=False,
        help_text=_(
            "Anonymous: no name, account, link, address or time of day is kept with answers. "
            "Cannot be changed once responses exist."
        ),
    )
    access_mode = models.CharField(max_length=12, choices=AccessMode.choices, default=AccessMode.MEMBERS)
    target_groups = ParentalManyToManyField("accounts.StakeholderGroup", blank=True, related_name="surveys")
    region = models.ForeignKey(
        "accounts.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
        help_text=_("Optional: only people in this region or county."),
    )
    verified_members_only = models.BooleanField(
        default=False, help_text=_("Only people whose group membership staff have verified.")
    )
    opens_at = models.DateTimeField(null=True, blank=True)
    closes_at = models.DateTimeField(null=True, blank=True)
    max_responses = models.PositiveIntegerField(null=True, blank=True)
    public_summary = models.BooleanField(
        default=False,
        help_text=_("After the survey closes, show everyone a summary of results (small counts hidden)."),
    )
    cfsr_terms = ParentalManyToManyField("home.CfsrTerm", blank=True, related_name="surveys")
    initiative = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The initiative this survey informs."),
    )

    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types: list[str] = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("sections"),
        FieldPanel("thank_you"),
        MultiFieldPanel(
            [FieldPanel("title_es"), FieldPanel("intro_es"), FieldPanel("thank_you_es")],
            heading=_("In Spanish (questions, choices and sections: the Spanish fields beside each)"),
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("access_mode"),
                FieldPanel("is_anonymous"),
                FieldPanel("target_groups"),
                FieldPanel("region"),
                FieldPanel("verified_members_only"),
            ],
            heading=_("Who is asked"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("max_responses"),
                FieldPanel("public_summary"),
            ],
            heading=_("When and how many"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cfsr_terms"),
                InitiativeChooserPanel("initiative", page_type=INITIATIVE_PAGE),
            ],
            heading=_("Links"),
        ),
        *BasePage.settings_panels,
    ]

    class Meta:
        verbose_name = _("survey")

    @cached_property
    def schema(self):
        return read_sections(self.sections)

    def question_map(self):
        return {q.id: q for q in all_questions(self.schema)}

    # --- languages ---------------------------------------------------------------------
    def schema_in(self, language: str | None = None):
        """The questionnaire as a person answering in `language` (default: the active one)
        reads it; same ids, rules and values as `schema` (the English source)."""
        return read_sections(self.sections, language or translation.get_language())

    def _in_language(self, name: str) -> str:
        suffix = TRANSLATED.get(translation.get_language() or "", "")
        return (getattr(self, name + suffix, "") if suffix else "") or getattr(self, name)

    @property
    def display_title(self) -> str:
        return self._in_language("title")

    @property
    def display_intro(self) -> str:
        return self._in_language("intro")

    @property
    def display_thank_you(self) -> str:
        return self._in_language("thank_you")

    def has_language(self, language: str) -> bool:
        """True when a person reading `language` gets the survey in it (no fallback note)."""
        return language == self.locale.language_code or bool(TRANSLATED.get(language) and self.title_es)

    # --- state -------------------------------------------------------------------------
    def window_state(self, now=None) -> str:
        """ "open", "not_open" or "closed" (fullness is checked with the response count)."""
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            return "not_open"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    def serve(self, request, *args, **kwargs):
        from ..views.answering import survey_landing

        return survey_landing(request, self)

    # --- validation --------------------------------------------------------------------
    def clean(self):
        super().clean()
        self._clean_window()
        self._clean_initiative()
        self._clean_skip_rules()
        self._clean_translations()
        self._clean_against_answers()

    def _clean_window(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "The closing date must be after the opening date."})

    def _clean_skip_rules(self):
        problems = rule_problems(read_sections(self.sections))
        if problems:
            raise ValidationError(problems)

    def _clean_translations(self):
        problems = translation_problems(self.sections)
        if problems:
            raise ValidationError({"sections": list(problems.values())})

    def _clean_initiative(self):
        if self.initiative_id is None:
            return
        from wagtail.models import Page

        page = Page.objects.filter(pk=self.initiative_id).select_related("content_type").first()
        if page and page.content_type.model != "initiativepage":
            raise ValidationError({"initiative": "Choose an initiative page."})

    def _clean_against_answers(self):
        if not self.pk:
            return
        from .pool import SealedAnswers
        from .responses import Answer

        used = [
            UsedAnswer(*row)
            for row in Answer.objects.filter(survey_id=self.pk)
            .values_list("question_id", "row_key", "choice")
            .distinct()
        ]
        if not used:
            if SealedAnswers.objects.filter(survey_id=self.pk).exists():
                stored = SurveyPage.objects.get(pk=self.pk)
                if stored.is_anonymous != self.is_anonymous:
                    raise ValidationError(
                        "People answered under the current anonymity setting; it cannot change now."
                    )
            return
        stored = SurveyPage.objects.get(pk=self.pk)
        problems = changes_that_corrupt(stored.schema, read_sections(self.sections), used)
        if stored.is_anonymous != self.is_anonymous:
            problems.append("People answered under the current anonymity setting; it cannot change now.")
        if problems:
            raise ValidationError(["This survey already has responses. " + problems[0], *problems[1:]])
