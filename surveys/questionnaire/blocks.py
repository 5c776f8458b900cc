"""StreamField blocks an author uses to build a questionnaire: sections holding questions.

Every block instance gets a stable UUID from Wagtail; answers reference a question by it.
Each text a person reads has a Spanish field beside it (`…_es`): translating is editing
text only, so question ids, types and stored values (the English choices) never change.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SKIP_HELP = _("Show this only when the question with this short code was answered with the value below.")
ES_HELP = _("In Spanish. Leave empty to show the English text.")
ES_LIST_HELP = _(
    "In Spanish, one for each English entry above and in the same order (they are matched by "
    "position). Leave the list empty to show the English ones."
)


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=300, help_text=_("The question, in plain language."))
    label_es = blocks.CharBlock(
        required=False, max_length=300, label=_("Question in Spanish"), help_text=ES_HELP
    )
    help_text = blocks.CharBlock(required=False, max_length=300)
    help_text_es = blocks.CharBlock(
        required=False, max_length=300, label=_("Help text in Spanish"), help_text=ES_HELP
    )
    required = blocks.BooleanBlock(required=False, default=False)
    code = blocks.CharBlock(
        required=False,
        max_length=20,
        help_text=_("Short code used in exports and skip logic, for example Q3."),
    )
    show_if_code = blocks.CharBlock(required=False, max_length=20, help_text=SKIP_HELP)
    show_if_value = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "help"


class ShortTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Long text")
        icon = "doc-full"


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=2)
    choices_es = blocks.ListBlock(
        blocks.CharBlock(required=False, max_length=200),
        default=[],
        label=_("Choices in Spanish"),
        help_text=ES_LIST_HELP,
    )
    allow_other = blocks.BooleanBlock(
        required=False, default=False, help_text=_('Add an "Other (please say)" option.')
    )


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Multiple choice")
        icon = "tick-inverse"


class LikertQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Agreement scale (Likert)")
        icon = "list-ul"


class RatingQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Rating 1 to 5")
        icon = "pick"


class ScaleQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Scale 0 to 10")
        icon = "order"


class YesNoQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Yes or no")
        icon = "tick"


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(required=False)
    max_value = blocks.IntegerBlock(required=False)

    class Meta:
        label = _("Number")
        icon = "plus"


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"


class LikertGridQuestionBlock(QuestionBlock):
    statements = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=1)
    statements_es = blocks.ListBlock(
        blocks.CharBlock(required=False, max_length=200),
        default=[],
        label=_("Statements in Spanish"),
        help_text=ES_LIST_HELP,
    )

    class Meta:
        label = _("Agreement grid (several statements)")
        icon = "table"


QUESTION_BLOCKS = [
    ("short_text", ShortTextQuestionBlock()),
    ("long_text", LongTextQuestionBlock()),
    ("single_choice", SingleChoiceQuestionBlock()),
    ("multiple_choice", MultipleChoiceQuestionBlock()),
    ("likert", LikertQuestionBlock()),
    ("rating", RatingQuestionBlock()),
    ("scale_0_10", ScaleQuestionBlock()),
    ("yes_no", YesNoQuestionBlock()),
    ("number", NumberQuestionBlock()),
    ("date", DateQuestionBlock()),
    ("likert_grid", LikertGridQuestionBlock()),
]


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    title_es = blocks.CharBlock(
        required=False, max_length=200, label=_("Title in Spanish"), help_text=ES_HELP
    )
    intro = blocks.TextBlock(required=False)
    intro_es = blocks.TextBlock(required=False, label=_("Introduction in Spanish"), help_text=ES_HELP)
    show_if_code = blocks.CharBlock(required=False, max_length=20, help_text=SKIP_HELP)
    show_if_value = blocks.CharBlock(required=False, max_length=255)
    questions = blocks.StreamBlock(QUESTION_BLOCKS, min_num=1)

    class Meta:
        icon = "form"
        label = _("Section (one page of the survey)")
