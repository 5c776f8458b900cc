"""Refuse questionnaire edits that would corrupt answers already collected.

Once a question has answers it must keep its id (not be deleted) and its type; options
and grid statements that have answers must stay (labels are what answers store). New
questions, options, help text and wording tweaks of the label are fine.
"""

from dataclasses import dataclass

from .schema import Section, all_questions


@dataclass(frozen=True)
class UsedAnswer:
    question_id: str
    row_key: str
    choice: str


def changes_that_corrupt(old: list[Section], new: list[Section], used: list[UsedAnswer]) -> list[str]:
    """Plain-language reasons the edit is refused; empty when it is safe."""
    old_q = {q.id: q for q in all_questions(old)}
    new_q = {q.id: q for q in all_questions(new)}
    problems: list[str] = []
    for qid in sorted({u.question_id for u in used}):
        before = old_q.get(qid)
        name = f"“{before.label}”" if before else "a question"
        after = new_q.get(qid)
        if after is None:
            problems.append(f"{name} already has answers, so it cannot be removed.")
            continue
        if before and after.type != before.type:
            problems.append(f"{name} already has answers, so its type cannot change.")
            continue
        offered = {value for value, _label in after.options}
        for u in (u for u in used if u.question_id == qid):
            if u.choice and u.choice not in offered:
                problems.append(f"The option “{u.choice}” of {name} already has answers; keep it.")
            if u.row_key and u.row_key not in after.rows:
                problems.append(f"The statement “{u.row_key}” of {name} already has answers; keep it.")
    return problems
