"""StreamField blocks an author uses to build a questionnaire: sections holding questions.

Every block instance gets a stable UUID from Wagtail; answers reference a question by it.
"""

from wagtail import blocks

SKIP_HELP = "Show this only when the question with this short code was answered with the value below."


class QuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=300, help_text="The question, in plain language.")
    help_text = blocks.CharBlock(required=False, max_length=300)
    required = blocks.BooleanBlock(required=False, default=False)
    code = blocks.CharBlock(
        required=False,
        max_length=20,
        help_text="Short code used in exports and skip logic, for example Q3.",
    )
    show_if_code = blocks.CharBlock(required=False, max_length=20, help_text=SKIP_HELP)
    show_if_value = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "help"


class ShortTextQuestionBlock(QuestionBlock):
    class Meta:
        label = "Short text"
        icon = "pilcrow"


class LongTextQuestionBlock(QuestionBlock):
    class Meta:
        label = "Long text"
        icon = "doc-full"


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=2)
    allow_other = blocks.BooleanBlock(
        required=False, default=False, help_text='Add an "Other (please say)" option.'
    )


class SingleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = "Single choice"
        icon = "radio-full"


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = "Multiple choice"
        icon = "tick-inverse"


class LikertQuestionBlock(QuestionBlock):
    class Meta:
        label = "Agreement scale (Likert)"
        icon = "list-ul"


class RatingQuestionBlock(QuestionBlock):
    class Meta:
        label = "Rating 1 to 5"
        icon = "pick"


class ScaleQuestionBlock(QuestionBlock):
    class Meta:
        label = "Scale 0 to 10"
        icon = "order"


class YesNoQuestionBlock(QuestionBlock):
    class Meta:
        label = "Yes or no"
        icon = "tick"


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(required=False)
    max_value = blocks.IntegerBlock(required=False)

    class Meta:
        label = "Number"
        icon = "plus"


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = "Date"
        icon = "date"


class LikertGridQuestionBlock(QuestionBlock):
    statements = blocks.ListBlock(blocks.CharBlock(max_length=200), min_num=1)

    class Meta:
        label = "Agreement grid (several statements)"
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
    intro = blocks.TextBlock(required=False)
    show_if_code = blocks.CharBlock(required=False, max_length=20, help_text=SKIP_HELP)
    show_if_value = blocks.CharBlock(required=False, max_length=255)
    questions = blocks.StreamBlock(QUESTION_BLOCKS, min_num=1)

    class Meta:
        icon = "form"
        label = "Section (one page of the survey)"
