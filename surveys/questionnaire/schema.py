"""A plain, typed view of a questionnaire, read once from the StreamField.

The rest of the engine (builder, answers, guard, results) works on these dataclasses,
never on blocks, so it is easy to test without pages.
"""

from dataclasses import dataclass, field

LIKERT_LABELS = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
]
RATING_LABELS = ["1 (poor)", "2", "3", "4", "5 (excellent)"]
YES_NO = ["Yes", "No"]
OTHER = "Other"

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

    @property
    def options(self) -> list[tuple[str, str]]:
        """(stored value, label) pairs for fixed-option questions, in scale order."""
        if self.type in ("likert", "likert_grid"):
            return [(str(i + 1), label) for i, label in enumerate(LIKERT_LABELS)]
        if self.type == "rating":
            return [(str(i + 1), label) for i, label in enumerate(RATING_LABELS)]
        if self.type == "scale_0_10":
            return [(str(i), str(i)) for i in range(11)]
        if self.type == "yes_no":
            return [(v, v) for v in YES_NO]
        options = [(c, c) for c in self.choices]
        if self.allow_other:
            options.append((OTHER, "Other (please say)"))
        return options

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


def question_from_block(block_id: str, block_type: str, value) -> Question:
    return Question(
        id=str(block_id),
        type=block_type,
        label=value.get("label", ""),
        help_text=value.get("help_text") or "",
        required=bool(value.get("required")),
        code=(value.get("code") or "").strip(),
        show_if=_condition(value),
        choices=[str(c) for c in value.get("choices") or []],
        allow_other=bool(value.get("allow_other")),
        min_value=value.get("min_value"),
        max_value=value.get("max_value"),
        rows=[str(r) for r in value.get("statements") or []],
    )


def read_sections(stream_value) -> list[Section]:
    """Sections and questions from a StreamValue of SectionBlocks."""
    sections = []
    for child in stream_value:
        value = child.value
        questions = [question_from_block(q.id, q.block_type, q.value) for q in value.get("questions") or []]
        sections.append(
            Section(
                id=str(child.id),
                title=value.get("title", ""),
                intro=value.get("intro") or "",
                show_if=_condition(value),
                questions=questions,
            )
        )
    return sections


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
