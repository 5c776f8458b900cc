"""Response exports (CSV streamed, XLSX in openpyxl's write-only mode) and the suppressed
aggregate export. Memory stays bounded: responses are read in chunks by id.
"""

from collections.abc import Iterator

from portal.exports import csv_lines
from portal.exports import xlsx_file as workbook_file

from .models import Answer, Response, SurveyPage
from .questionnaire.schema import all_questions
from .results import survey_results

CHUNK = 2000


def _columns(survey: SurveyPage) -> list[tuple[str, str, str]]:
    """(question id, grid row, header) per column: one per question, or per grid statement."""
    columns = []
    for q in all_questions(survey.schema):
        if q.type == "likert_grid":
            columns += [(q.id, row, f"{q.display_code}: {q.label} – {row}") for row in q.rows]
        else:
            columns.append((q.id, "", f"{q.display_code}: {q.label}"))
            if q.allow_other:
                columns.append((f"{q.id}:other", "", f"{q.display_code}: other (please say)"))
    return columns


def header(survey: SurveyPage) -> list[str]:
    who = [] if survey.is_anonymous else ["Respondent", "Username", "Stakeholder group", "Region"]
    return ["Row", "Date", *who, *(c[2] for c in _columns(survey))]


def _value(answer: dict) -> tuple[str, str]:
    if answer["choice"]:
        return answer["choice"], answer["text"]
    if answer["number"] is not None:
        return f"{answer['number']:g}", ""
    return answer["text"], ""


def rows(survey: SurveyPage) -> Iterator[list[str]]:
    """A row per response, reading responses and their answers CHUNK at a time."""
    columns = _columns(survey)
    index = {(qid, row): i for i, (qid, row, _) in enumerate(columns)}
    base = Response.objects.filter(survey=survey).order_by("id")
    fields = ["id", "submitted_on"]
    if not survey.is_anonymous:
        fields += ["user__display_name", "user__username", "stakeholder_group__name", "region__name"]
    last_id, number = 0, 0
    while True:
        chunk = list(base.filter(id__gt=last_id).values_list(*fields)[:CHUNK])
        if not chunk:
            return
        last_id = chunk[-1][0]
        answers: dict[int, list[str]] = {r[0]: [""] * len(columns) for r in chunk}
        for a in Answer.objects.filter(response_id__in=answers.keys()).values(
            "response_id", "question_id", "row_key", "choice", "number", "text"
        ):
            cells = answers[a["response_id"]]
            value, other = _value(a)
            i = index.get((a["question_id"], a["row_key"]))
            if i is not None:
                cells[i] = f"{cells[i]}; {value}" if cells[i] else value
            if other and (a["question_id"] + ":other", "") in index:
                cells[index[(a["question_id"] + ":other", "")]] = other
        for record in chunk:
            number += 1
            who = [x or "" for x in record[2:]]
            yield [str(number), record[1].isoformat(), *who, *answers[record[0]]]


def csv_stream(survey: SurveyPage) -> Iterator[str]:
    return csv_lines(rows(survey), header=header(survey), bom=True)


def xlsx_file(survey: SurveyPage):
    """A temporary file holding the workbook, written row by row (write-only mode)."""
    return workbook_file(rows(survey), sheet="Responses", header=header(survey))


def aggregate_stream(survey: SurveyPage) -> Iterator[str]:
    """Counts per question and option, with the same suppression as the results page."""
    return csv_lines(
        _aggregate_rows(survey),
        header=["Question code", "Question", "Statement or group", "Answer", "People", "Percent"],
    )


def _aggregate_rows(survey: SurveyPage) -> Iterator[list[str]]:
    results = survey_results(survey)
    t = results.threshold
    yield ["", "All responses", "", "", results.total.display(t), ""]
    for r in results.questions:
        q = r.question
        for option in r.options:
            yield [q.display_code, q.label, "", option.label, option.cell.display(t), _pct(option)]
        for statement, options, _total in r.grid:
            for option in options:
                yield [q.display_code, q.label, statement, option.label, option.cell.display(t), _pct(option)]
        for b in r.breakdowns:
            for name, cells, _total in [*b.rows, ("All", *b.all_row)]:
                for label, cell in zip(b.option_labels, cells, strict=True):
                    yield [q.display_code, q.label, f"{b.title}: {name}", label, cell.display(t), ""]
        if r.mean:
            yield [q.display_code, q.label, "", "Average", r.mean, ""]


def _pct(option) -> str:
    return "" if option.percent is None else f"{option.percent}"
