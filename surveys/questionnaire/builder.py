"""Build a Django form for one section, one `create_<type>_field` method per question type
(the shape of Wagtail's FormBuilder), and turn its cleaned data into stored answer data.

Answer data is a JSON-able dict keyed by question id: a string, a list of strings
(multiple choice) or a dict of row -> value (grids); "Other" text is under "<id>:other".
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.i18n import validation

from .schema import LONG_TEXT_MAX, OTHER, OTHER_LABEL, SHORT_TEXT_MAX, Question, Section, is_shown

OTHER_MAX = 200


def field_name(question: Question, row: int | None = None) -> str:
    return f"q_{question.id}" if row is None else f"q_{question.id}__{row}"


def other_name(question: Question) -> str:
    return f"q_{question.id}__other"


class SectionForm(forms.Form):
    """A section's questions; `questions` keeps the schema for cleaning."""

    def __init__(self, *args, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        builder = FormBuilder()
        for question in questions:
            for name, field in builder.fields_for(question):
                self.fields[name] = field

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            if not question.allow_other:
                continue
            picked = cleaned.get(field_name(question))
            picked = picked if isinstance(picked, list) else [picked]
            if OTHER in picked and not (cleaned.get(other_name(question)) or "").strip():
                self.add_error(other_name(question), _("Please say what “Other” means for you."))
        return cleaned

    def grouped(self):
        """(question, [bound fields]) pairs so templates can draw fieldsets."""
        for question in self.questions:
            names = [
                n
                for n in self.fields
                if n == field_name(question) or n.startswith(field_name(question) + "__")
            ]
            yield question, [self[n] for n in names]

    def answer_data(self) -> dict:
        return {
            q.id: v
            for q in self.questions
            for v in [value_from_cleaned(q, self.cleaned_data)]
            if v not in (None, "", [], {})
        } | {
            f"{q.id}:other": self.cleaned_data[other_name(q)].strip()
            for q in self.questions
            if q.allow_other and (self.cleaned_data.get(other_name(q)) or "").strip()
        }


def value_from_cleaned(question: Question, cleaned: dict):
    if question.type == "likert_grid":
        return {
            row: cleaned[field_name(question, i)]
            for i, row in enumerate(question.rows)
            if cleaned.get(field_name(question, i))
        }
    value = cleaned.get(field_name(question))
    if value is None:
        return None
    if question.type == "date":
        return value.isoformat()
    if question.type == "number":
        return str(value)
    return value


def initial_from_data(questions: list[Question], data: dict) -> dict:
    """The reverse of `answer_data`: form initial values from saved answers."""
    initial = {}
    for q in questions:
        value = data.get(q.id)
        if q.type == "likert_grid" and isinstance(value, dict):
            initial.update({field_name(q, i): value.get(row) for i, row in enumerate(q.rows)})
        elif value is not None:
            initial[field_name(q)] = value
        if f"{q.id}:other" in data:
            initial[other_name(q)] = data[f"{q.id}:other"]
    return initial


def visible_questions(section: Section, by_code: dict) -> list[Question]:
    return [q for q in section.questions if is_shown(q.show_if, by_code)]


class FormBuilder:
    def fields_for(self, question: Question) -> list[tuple[str, forms.Field]]:
        method = getattr(self, f"create_{question.type}_field", None)
        if method is None:
            raise ValueError(f"Unknown question type {question.type!r}")
        result = method(question)
        fields = result if isinstance(result, list) else [(field_name(question), result)]
        if question.allow_other:
            fields.append(
                (
                    other_name(question),
                    forms.CharField(
                        label=gettext(OTHER_LABEL),
                        required=False,
                        max_length=OTHER_MAX,
                        error_messages=validation.text_messages(),
                    ),
                )
            )
        return fields

    @staticmethod
    def _options(question: Question, **kwargs) -> dict:
        return {
            "label": question.label,
            "help_text": question.help_text,
            "required": question.required,
            **kwargs,
        }

    # Each field carries the portal's plain messages (portal/i18n/validation.py), not Django's.
    def create_short_text_field(self, q: Question):
        return forms.CharField(
            max_length=SHORT_TEXT_MAX, error_messages=validation.text_messages(), **self._options(q)
        )

    def create_long_text_field(self, q: Question):
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 5}),
            max_length=LONG_TEXT_MAX,
            error_messages=validation.text_messages(),
            **self._options(q),
        )

    def _radio(self, q: Question):
        return forms.ChoiceField(
            choices=q.options,
            widget=forms.RadioSelect,
            error_messages=validation.choice_messages(),
            **self._options(q),
        )

    create_single_choice_field = _radio
    create_likert_field = _radio
    create_rating_field = _radio
    create_scale_0_10_field = _radio
    create_yes_no_field = _radio

    def create_multiple_choice_field(self, q: Question):
        return forms.MultipleChoiceField(
            choices=q.options,
            widget=forms.CheckboxSelectMultiple,
            error_messages=validation.choice_messages(),
            **self._options(q),
        )

    def create_number_field(self, q: Question):
        return forms.DecimalField(
            max_digits=12,
            decimal_places=2,
            validators=validation.range_validators(q.min_value, q.max_value),
            error_messages=validation.number_messages(),
            **self._options(q),
        )

    def create_date_field(self, q: Question):
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}),
            error_messages=validation.date_messages(),
            **self._options(q),
        )

    def create_likert_grid_field(self, q: Question):
        return [
            (
                field_name(q, i),
                forms.ChoiceField(
                    choices=q.options,
                    widget=forms.RadioSelect,
                    label=q.row_label(row),
                    required=q.required,
                    error_messages=validation.choice_messages(),
                ),
            )
            for i, row in enumerate(q.rows)
        ]
