"""Skip rules: which earlier questions a rule may point to, checking rules, saying them in words.

A rule on a section or a question says "show this only when question <code> was answered
<value>". The answering pages are shown one section at a time, so a rule may only point to a
question in an earlier section, and only to a question with a fixed list of answers.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .schema import Condition, Question, Section

# Question types a rule may point to: a fixed list of answers (not grids, text, numbers, dates).
TARGET_TYPES = {"single_choice", "multiple_choice", "yes_no", "likert", "rating", "scale_0_10"}


@dataclass(frozen=True)
class Target:
    """An earlier question a rule may point to, with the answers a rule may name."""

    code: str
    label: str
    options: list[tuple[str, str]]  # (stored value, label)


def targets_before(sections: list[Section], index: int) -> list[Target]:
    """The questions a rule in section `index` (or on one of its questions) may point to."""
    return [
        Target(q.code, q.label, q.options)
        for s in sections[:index]
        for q in s.questions
        if q.code and q.type in TARGET_TYPES
    ]


def _matches(question_type: str, option: str, value: str) -> bool:
    # The answering pages compare multiple-choice answers exactly, others ignoring case.
    return option == value if question_type == "multiple_choice" else option.lower() == value.lower()


def _problem(
    condition: Condition,
    where: str,
    sections: list[Section],
    index: int,
    by_code: dict[str, tuple[int, Question]],
) -> str | None:
    found = by_code.get(condition.code)
    if found is None:
        return _("%(where)s: its rule points to the code “%(code)s”, but no question has it.") % {
            "where": where,
            "code": condition.code,
        }
    position, target = found
    if position >= index:
        return _(
            "%(where)s: its rule points to “%(code)s”, which is not on an earlier page. "
            "A rule can only use an answer given on an earlier page."
        ) % {"where": where, "code": condition.code}
    if target.type not in TARGET_TYPES:
        return _("%(where)s: its rule points to “%(code)s”, which has no list of answers to choose from.") % {
            "where": where,
            "code": condition.code,
        }
    if not any(_matches(target.type, value, condition.value) for value, _label in target.options):
        allowed = ", ".join(f"“{value}”" for value, _label in target.options)
        return _("%(where)s: “%(value)s” is not an answer to “%(code)s”. Choose one of %(allowed)s.") % {
            "where": where,
            "value": condition.value,
            "code": condition.code,
            "allowed": allowed,
        }
    return None


def rule_problems(sections: list[Section]) -> list[str]:
    """Plain-language reasons the skip rules cannot be saved; empty when they are all valid."""
    by_code: dict[str, tuple[int, Question]] = {}
    for index, section in enumerate(sections):
        for q in section.questions:
            if q.code:
                by_code.setdefault(q.code, (index, q))
    problems = []
    for index, section in enumerate(sections):
        checks = [(section.show_if, _("Section “%(title)s”") % {"title": section.title})]
        checks += [(q.show_if, _("Question “%(label)s”") % {"label": q.label}) for q in section.questions]
        for condition, where in checks:
            if condition is not None:
                problem = _problem(condition, where, sections, index, by_code)
                if problem:
                    problems.append(problem)
    return problems


def describe(condition: Condition | None, targets: list[Target]) -> str:
    """The rule in plain words, for the builder."""
    if condition is None:
        return _("Always shown.")
    target = next((t for t in targets if t.code == condition.code), None)
    if target is None:
        return _("Shown only when %(code)s is answered “%(value)s”.") % {
            "code": condition.code,
            "value": condition.value,
        }
    label = next(
        (lab for value, lab in target.options if value.lower() == condition.value.lower()), condition.value
    )
    return _("Shown only when “%(question)s” is answered “%(answer)s”.") % {
        "question": target.label,
        "answer": label,
    }
