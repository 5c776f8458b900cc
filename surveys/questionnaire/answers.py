"""Turn stored answer data into rows of the Answer table (one per value, grid row or choice)."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .schema import OTHER, Question


@dataclass(frozen=True)
class AnswerRow:
    question_id: str
    row_key: str = ""
    choice: str = ""
    number: Decimal | None = None
    text: str = ""


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def rows_for(question: Question, data: dict) -> list[AnswerRow]:
    value = data.get(question.id)
    if value in (None, "", [], {}):
        return []
    qid = question.id
    if question.type == "likert_grid":
        return [
            AnswerRow(qid, row_key=row, choice=str(v), number=_number(v))
            for row, v in value.items()
            if row in question.rows
        ]
    if question.type == "multiple_choice":
        other = data.get(f"{qid}:other", "")
        return [AnswerRow(qid, choice=c, text=other if c == OTHER else "") for c in value]
    if question.type in ("likert", "rating", "scale_0_10"):
        return [AnswerRow(qid, choice=str(value), number=_number(value))]
    if question.type in ("single_choice", "yes_no"):
        other = data.get(f"{qid}:other", "") if value == OTHER else ""
        return [AnswerRow(qid, choice=str(value), text=other)]
    if question.type == "number":
        return [AnswerRow(qid, number=_number(value))]
    return [AnswerRow(qid, text=str(value))]
