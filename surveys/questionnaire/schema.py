"""A plain, typed view of a questionnaire, read once from the StreamField.

The rest of the engine (builder, answers, guard, results) works on these dataclasses,
never on blocks, so it is easy to test without pages.

Languages: `read_sections(stream, language="es")` gives the same ids, types, rules and
stored values (English choices, English grid statements) with the texts a person reads
in Spanish wherever the author wrote them, English where not (one string at a time).
The fixed scales (agreement, rating, yes/no) are translated by the interface catalogue.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

LIKERT_LABELS = [
    gettext_noop("Strongly disagree"),
    gettext_noop("Disagree"),
    gettext_noop("Neither agree nor disagree"),
    gettext_noop("Agree"),
    gettext_noop("Strongly agree"),
]
RATING_LABELS = [gettext_noop("1 (poor)"), "2", "3", "4", gettext_noop("5 (excellent)")]
YES_NO = [gettext_noop("Yes"), gettext_noop("No")]
OTHER = "Other"
OTHER_LABEL = gettext_noop("Other (please say)")
# Block fields holding the Spanish of a text, by language (English is the source).
TRANSLATED = {"es": "_es"}

# Question types whose answers are a fixed list of options.
SCALE_TYPES = {"likert", "rating", "scale_0_10", "likert_grid"}
CHOICE_TYPES = {"single_choice", "multiple_choice", "yes_no"} | SCALE_TYPES
TEXT_TYPES = {"short_text", "long_text"}
SHORT_TEXT_MAX = 255
LONG_TEXT_MAX = 5000


@dataclass(frozen=True)
class Condition:
    code: str
    value: str


@dataclass
class Question:
    id: str
    type: str
    label: str
    help_text: str = ""
    required: bool = False
    code: str = ""
    show_if: Condition | None = None
    choices: list[str] = field(default_factory=list)
    allow_other: bool = False
    min_value: int | None = None
    max_value: int | None = None
    rows: list[str] = field(default_factory=list)
    # What a person reads for a stored choice or grid statement, when not the value itself.
    choice_labels: dict[str, str] = field(default_factory=dict)
    row_labels: dict[str, str] = field(default_factory=dict)
    # The fixed scales' labels go through the catalogue (answer pages); else kept in English.
    translate_fixed: bool = False

    def _fixed(self, label: str) -> str:
        return gettext(label) if self.translate_fixed else label

    @property
    def options(self) -> list[tuple[str, str]]:
        """(stored value, label) pairs for fixed-option questions, in scale order."""
        if self.type in ("likert", "likert_grid"):
            return [(str(i + 1), self._fixed(label)) for i, label in enumerate(LIKERT_LABELS)]
        if self.type == "rating":
            return [(str(i + 1), self._fixed(label)) for i, label in enumerate(RATING_LABELS)]
        if self.type == "scale_0_10":
            return [(str(i), str(i)) for i in range(11)]
        if self.type == "yes_no":
            return [(v, self._fixed(v)) for v in YES_NO]
        options = [(c, self.choice_labels.get(c, c)) for c in self.choices]
        if self.allow_other:
            options.append((OTHER, self._fixed(OTHER_LABEL)))
        return options

    def row_label(self, row: str) -> str:
        return self.row_labels.get(row, row)

    @property
    def is_scale(self) -> bool:
        return self.type in SCALE_TYPES

    @property
    def display_code(self) -> str:
        return self.code or self.id[:8]


@dataclass
class Section:
    id: str
    title: str
    intro: str = ""
    show_if: Condition | None = None
    questions: list[Question] = field(default_factory=list)


def _condition(value) -> Condition | None:
    code = (value.get("show_if_code") or "").strip()
    return Condition(code, (value.get("show_if_value") or "").strip()) if code else None


def _text(value, name: str, suffix: str) -> str:
    """The translated text when the author wrote one, else the English."""
    translated = (value.get(name + suffix) or "").strip() if suffix else ""
    return translated or value.get(name) or ""


def _entries(values) -> list[str]:
    """A translated list, or [] when it holds only blanks (the editor's empty first entry)."""
    entries = [str(c).strip() for c in values or []]
    return entries if any(entries) else []


def _labels(value, name: str, suffix: str) -> dict[str, str]:
    """English entry -> its translation, matched by position; none when the lists differ
    in length (a half-done list would put Spanish words on the wrong answers)."""
    if not suffix:
        return {}
    source = [str(c) for c in value.get(name) or []]
    translated = _entries(value.get(name + suffix))
    if len(translated) != len(source):
        return {}
    return {s: t for s, t in zip(source, translated, strict=True) if t}


def question_from_block(block_id: str, block_type: str, value, language: str | None = None) -> Question:
    suffix = TRANSLATED.get(language or "", "")
    return Question(
        id=str(block_id),
        type=block_type,
        label=_text(value, "label", suffix),
        help_text=_text(value, "help_text", suffix),
        required=bool(value.get("required")),
        code=(value.get("code") or "").strip(),
        show_if=_condition(value),
        choices=[str(c) for c in value.get("choices") or []],
        allow_other=bool(value.get("allow_other")),
        min_value=value.get("min_value"),
        max_value=value.get("max_value"),
        rows=[str(r) for r in value.get("statements") or []],
        choice_labels=_labels(value, "choices", suffix),
        row_labels=_labels(value, "statements", suffix),
        translate_fixed=language is not None,
    )


def read_sections(stream_value, language: str | None = None) -> list[Section]:
    """Sections and questions from a StreamValue of SectionBlocks.

    Without `language`: the English source (results, exports, the guard). With one: the
    texts a person answering in that language reads; ids and values are the same.
    """
    if language == settings.LANGUAGE_CODE:
        language = "en"
    suffix = TRANSLATED.get(language or "", "")
    sections = []
    for child in stream_value:
        value = child.value
        questions = [
            question_from_block(q.id, q.block_type, q.value, language) for q in value.get("questions") or []
        ]
        sections.append(
            Section(
                id=str(child.id),
                title=_text(value, "title", suffix),
                intro=_text(value, "intro", suffix),
                show_if=_condition(value),
                questions=questions,
            )
        )
    return sections


def translation_problems(sections_value) -> dict[str, str]:
    """Spanish lists whose length differs from the English (a message per question)."""
    problems = {}
    for section in sections_value:
        for q in section.value.get("questions") or []:
            for name, what in (("choices", "choices"), ("statements", "statements")):
                source, translated = q.value.get(name), _entries(q.value.get(name + "_es"))
                if translated and source is not None and len(translated) != len(source):
                    label = q.value.get("label", "")
                    problems[str(q.id)] = (
                        f"“{label}”: give a Spanish text for each of its {len(source)} {what}, "
                        f"in the same order, or leave the Spanish {what} empty."
                    )
    return problems


def all_questions(sections: list[Section]) -> list[Question]:
    return [q for s in sections for q in s.questions]


def is_shown(condition: Condition | None, answers_by_code: dict[str, object]) -> bool:
    """Skip logic: shown when there is no condition or the earlier answer matches."""
    if condition is None:
        return True
    answer = answers_by_code.get(condition.code)
    if isinstance(answer, list):
        return condition.value in answer
    return answer is not None and str(answer).strip().lower() == condition.value.lower()


def answers_by_code(sections: list[Section], data: dict) -> dict[str, object]:
    return {q.code: data.get(q.id) for q in all_questions(sections) if q.code}
