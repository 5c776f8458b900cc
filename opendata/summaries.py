"""Published survey summaries as plain data, suppressed exactly as on the summary page.

Only the aggregate distributions and means leave here: never free text, never a breakdown
by group or region, never a response. A suppressed cell carries no number at all.
"""

from surveys.models import SurveyPage
from surveys.results import survey_results
from surveys.suppression import Cell


def _cell(cell: Cell, threshold: int) -> dict:
    return {
        "count": None if cell.hidden else cell.value,
        "display": cell.display(threshold),
        "suppressed": cell.hidden,
    }


def _options(rows, threshold: int) -> list[dict]:
    return [{"label": row.label, **_cell(row.cell, threshold), "percent": row.percent} for row in rows]


def survey_summary(survey: SurveyPage) -> dict:
    results = survey_results(survey, public=True)
    t = results.threshold
    questions = []
    for result in results.questions:
        question = result.question
        if not (result.options or result.grid or result.mean):
            continue
        questions.append(
            {
                "id": question.id,
                "label": question.label,
                "type": question.type,
                "answered": _cell(result.answered, t),
                "options": _options(result.options, t),
                "statements": [
                    {"statement": row, "answered": _cell(total, t), "options": _options(options, t)}
                    for row, options, total in result.grid
                ],
                "mean": result.mean or None,
            }
        )
    return {
        "threshold": t,
        "responses": _cell(results.total, t),
        "enough_responses": results.enough,
        "questions": questions,
    }


def summary_rows(survey: SurveyPage) -> list[dict]:
    """One flat row per survey, question, statement and option (for CSV)."""
    summary = survey_summary(survey)
    base = {
        "survey_id": survey.pk,
        "survey": survey.title,
        "closed_at": survey.closes_at.isoformat(),
        "responses": summary["responses"]["display"],
    }
    rows = []
    for question in summary["questions"]:
        groups = [("", question["options"])] + [
            (s["statement"], s["options"]) for s in question["statements"]
        ]
        for statement, options in groups:
            for option in options:
                rows.append(
                    {
                        **base,
                        "question_id": question["id"],
                        "question": question["label"],
                        "statement": statement,
                        "option": option["label"],
                        "count": option["count"],
                        "count_display": option["display"],
                        "suppressed": option["suppressed"],
                        "percent": option["percent"],
                        "mean": question["mean"] or "",
                    }
                )
    return rows
