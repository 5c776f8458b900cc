"""Results read from the incremental tallies (surveys.tallies), then suppressed for display.

A fixed number of queries whatever the number of responses, each reading a number of rows
that depends on the questionnaire, not on the responses: the total, then every tally
(option counts, answered counts and number sums for means, responses per week, the two
breakdowns), the names of groups and regions, and the newest free text per question.
Suppression is applied on every read, here, never stored.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.translation import gettext_noop

from portal.accounts.models import Region, StakeholderGroup

from ..models import Answer, ResultTally, SurveyPage, TallyKind
from ..questionnaire.schema import TEXT_TYPES, Question, all_questions
from ..suppression import Cell, SuppressedTable, suppress_counts, suppress_single, suppress_table
from .charts import bar_chart, diverging_chart, time_chart
from .dates import date_periods, period_label

TEXT_PER_QUESTION = 50
# Built in English (the summary CSV's labels); results.language translates them for display.
EVERYONE_ELSE = gettext_noop("Everyone else")
BY_GROUP, BY_REGION = gettext_noop("By stakeholder group"), gettext_noop("By region")
TOO_FEW_FOR_MEAN = gettext_noop("Not shown: too few answers.")
MEAN_WOULD_REVEAL = gettext_noop("Not shown: it would reveal the hidden small counts.")


@dataclass
class OptionRow:
    label: str
    cell: Cell
    percent: float | None
    value: str = ""  # the stored answer (or a date period's key), so labels can be re-read


@dataclass
class Breakdown:
    title: str
    option_labels: list[str]
    rows: list[tuple[str, list[Cell], Cell]]
    all_row: tuple[list[Cell], Cell]


@dataclass
class QuestionResult:
    question: Question
    answered: Cell
    options: list[OptionRow] = field(default_factory=list)
    grid: list[tuple[str, list[OptionRow], Cell]] = field(default_factory=list)
    mean: str = ""
    mean_note: str = ""
    chart: str = ""
    breakdowns: list[Breakdown] = field(default_factory=list)
    texts: list[Answer] = field(default_factory=list)
    mean_value: float | None = None
    # Date questions: answers per month, quarter or year (values are period keys, see dates.py).
    periods: list[OptionRow] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: SurveyPage
    threshold: int
    total: Cell
    enough: bool
    questions: list[QuestionResult]
    over_time: list[tuple[str, Cell]]
    over_time_chart: str
    weeks: list[date] = field(default_factory=list)


def _threshold() -> int:
    return max(5, settings.SUPPRESSION_THRESHOLD)


suppression_threshold = _threshold  # public name for other screens that show survey counts


def _texts(survey: SurveyPage, *, public: bool) -> list[Answer]:
    """The newest TEXT_PER_QUESTION free-text answers of each question: one query, a
    LIMITed index scan per question (UNION ALL), so it does not grow with the answers."""
    ids = [q.id for q in all_questions(survey.schema) if q.type in TEXT_TYPES or q.allow_other]
    parts = []
    for qid in ids:
        part = Answer.objects.filter(survey=survey, question_id=qid).exclude(text="")
        if public:
            part = part.filter(published=True)
        parts.append(part.order_by("-id")[:TEXT_PER_QUESTION])
    if not parts:
        return []
    if len(parts) == 1:
        return list(parts[0])
    return sorted(parts[0].union(*parts[1:], all=True), key=lambda a: (a.question_id, -a.pk))


def _fetch(survey: SurveyPage, *, with_breakdowns: bool, with_text: bool, public: bool) -> dict:
    """Everything from the tallies (surveys.tallies) in one query, plus names and free text."""
    kinds = [TallyKind.CHOICE, TallyKind.ANSWERED, TallyKind.WEEK, TallyKind.MONTH]
    if with_breakdowns:
        kinds += [TallyKind.GROUP, TallyKind.REGION]
    fetched: dict = {"choices": [], "answered": [], "weeks": [], "months": [], "groups": [], "regions": []}
    cube: dict = {"groups": [], "regions": []}
    for t in ResultTally.objects.filter(survey=survey, kind__in=kinds).values_list(
        "kind", "question_id", "row_key", "choice", "dim", "n", "number_sum", "number_n"
    ):
        kind, qid, row_key, choice, dim, n, number_sum, number_n = t
        if kind == TallyKind.CHOICE and n:
            fetched["choices"].append({"question_id": qid, "row_key": row_key, "choice": choice, "n": n})
        elif kind == TallyKind.ANSWERED and n:
            mean = number_sum / number_n if number_n else None
            fetched["answered"].append({"question_id": qid, "row_key": row_key, "n": n, "mean": mean})
        elif kind == TallyKind.WEEK and n:
            fetched["weeks"].append({"week": date.fromisoformat(row_key), "n": n})
        elif kind == TallyKind.MONTH and n:
            fetched["months"].append({"question_id": qid, "month": row_key, "n": n})
        elif n:
            cube["groups" if kind == TallyKind.GROUP else "regions"].append(
                {"question_id": qid, "choice": choice, "dim": dim, "n": n}
            )
    fetched["weeks"].sort(key=lambda w: w["week"])
    if with_breakdowns:
        for key, model in (("groups", StakeholderGroup), ("regions", Region)):
            names = dict(
                model.objects.filter(pk__in={r["dim"] for r in cube[key] if r["dim"]}).values_list(
                    "pk", "name"
                )
            )
            fetched[key] = [{**r, "dim": names.get(r["dim"])} for r in cube[key]]
    fetched["texts"] = _texts(survey, public=public) if with_text else []
    return fetched


def _breakdown(title: str, q: Question, rows_data: list[dict], overall: dict, t: int) -> Breakdown | None:
    """Rows for groups with at least `t` answers, the rest pooled, with suppression."""
    per_dim: dict = defaultdict(lambda: defaultdict(int))
    for row in rows_data:
        if row["question_id"] == q.id:
            per_dim[row["dim"]][row["choice"]] += row["n"]
    values = [v for v, _ in q.options]
    shown = sorted(d for d, counts in per_dim.items() if d and sum(counts.values()) >= t)
    if len(shown) < 2:
        return None
    matrix = [[per_dim[d][v] for v in values] for d in shown]
    rest = [overall.get(v, 0) - sum(m[i] for m in matrix) for i, v in enumerate(values)]
    matrix.append(rest)
    table: SuppressedTable = suppress_table(matrix, threshold=t)
    if table.withheld:
        return None
    labels = [*shown, EVERYONE_ELSE]
    rows = [
        (labels[i], table.cells[i], table.row_totals[i])
        for i in range(len(labels))
        if i < len(shown) or table.row_totals[i].value
    ]  # an empty "everyone else" says nothing
    return Breakdown(title, [label for _, label in q.options], rows, (table.col_totals, table.total))


def _question_result(q: Question, fetched: dict, t: int, lookups: dict) -> QuestionResult:
    answered = lookups["answered"].get((q.id, ""), {"n": 0, "mean": None})
    if q.type == "likert_grid":
        n_answered = max((lookups["answered"].get((q.id, r), {"n": 0})["n"] for r in q.rows), default=0)
        result = QuestionResult(q, suppress_single(n_answered, threshold=t))
        table = suppress_table(
            [[lookups["choices"].get((q.id, r, v), 0) for v, _ in q.options] for r in q.rows],
            threshold=t,
            margins=False,
        )
        for i, row in enumerate(q.rows):
            total = table.row_totals[i]
            cells = zip(q.options, table.cells[i], strict=True)
            options = [OptionRow(label, c, c.percent_of(total), v) for (v, label), c in cells]
            result.grid.append((row, options, total))
        result.chart = chart_for(result, t)
        return result
    result = QuestionResult(q, suppress_single(answered["n"], threshold=t))
    if q.options:
        counts = [lookups["choices"].get((q.id, "", v), 0) for v, _ in q.options]
        if q.type == "multiple_choice":
            cells, total = [suppress_single(n, threshold=t) for n in counts], result.answered
        else:
            cells, total = suppress_counts(counts, threshold=t)
            result.answered = total
        result.options = [
            OptionRow(label, c, c.percent_of(total), v)
            for (v, label), c in zip(q.options, cells, strict=True)
        ]
        overall = dict(zip([v for v, _ in q.options], counts, strict=True))
        if q.type != "multiple_choice":
            for title, key in ((BY_GROUP, "groups"), (BY_REGION, "regions")):
                breakdown = _breakdown(title, q, fetched[key], overall, t)
                if breakdown:
                    result.breakdowns.append(breakdown)
            _align_margins(result)
        if result.answered.hidden or not result.answered.value:
            result.options, result.breakdowns = [], []  # too few answers: show no distribution
    if q.type == "date":
        months = {r["month"]: r["n"] for r in fetched["months"] if r["question_id"] == q.id}
        _set_periods(result, date_periods(months, t), t)
    if q.is_scale or q.type == "number":
        _set_mean(result, answered["mean"], t)
    if q.type in TEXT_TYPES or q.allow_other:
        result.texts = lookups["texts"].get(q.id, [])
    result.chart = chart_for(result, t)
    return result


def chart_for(result: QuestionResult, t: int) -> str:
    """The chart beside a question's table, in the active language (results/language.py draws
    it again in the reader's): agree/disagree rows diverge from the centre, the rest are bars."""
    q = result.question
    if q.type == "likert_grid":
        return diverging_chart(result.grid, t)
    if result.periods:
        return bar_chart(result.periods, t)
    if q.type == "likert" and q.options:
        return diverging_chart([(q.label, result.options, result.answered)], t)
    return bar_chart(result.options, t)


def _set_periods(result: QuestionResult, periods: list[tuple[str, int]], t: int) -> None:
    """A date question's answers per period, suppressed as one distribution whose total is
    the number who answered (so no hidden period can be worked out by subtraction)."""
    if not periods or result.answered.hidden:
        return
    cells, total = suppress_counts([n for _, n in periods], threshold=t)
    result.answered = total
    if total.hidden or not total.value:
        return
    result.periods = [
        OptionRow(period_label(key), c, c.percent_of(total), key)
        for (key, _), c in zip(periods, cells, strict=True)
    ]


def _hide(cell: Cell, t: int) -> Cell:
    return cell if cell.hidden else Cell(cell.value, True, "small" if cell.value < t else "secondary")


def _align_margins(result: QuestionResult) -> None:
    """The overall counts appear in several tables: hide an entry everywhere if hidden anywhere."""
    if not result.breakdowns:
        return
    t = _threshold()
    hidden = {i for i, o in enumerate(result.options) if o.cell.hidden}
    total_hidden = result.answered.hidden
    for b in result.breakdowns:
        hidden |= {i for i, c in enumerate(b.all_row[0]) if c.hidden}
        total_hidden |= b.all_row[1].hidden
    total = _hide(result.answered, t) if total_hidden else result.answered
    result.answered = total
    result.options = [
        OptionRow(
            o.label,
            _hide(o.cell, t) if i in hidden else o.cell,
            None if i in hidden or total_hidden else o.percent,
            o.value,
        )
        for i, o in enumerate(result.options)
    ]
    for b in result.breakdowns:
        b.all_row = (
            [_hide(c, t) if i in hidden else c for i, c in enumerate(b.all_row[0])],
            _hide(b.all_row[1], t) if total_hidden else b.all_row[1],
        )


def _set_mean(result: QuestionResult, mean, t: int) -> None:
    if mean is None or result.answered.hidden or result.answered.value < t:
        result.mean_note = TOO_FEW_FOR_MEAN
    elif any(o.cell.hidden for o in result.options):
        result.mean_note = MEAN_WOULD_REVEAL
    else:
        result.mean, result.mean_value = f"{mean:.2f}", float(mean)


def survey_results(survey: SurveyPage, *, public: bool = False) -> SurveyResults:
    t = _threshold()
    total_n = (
        ResultTally.objects.filter(survey=survey, kind=TallyKind.TOTAL).values_list("n", flat=True).first()
        or 0
    )
    total = suppress_single(total_n, threshold=t)
    if total_n < t:
        return SurveyResults(survey, t, total, False, [], [], "")
    fetched = _fetch(survey, with_breakdowns=not survey.is_anonymous, with_text=True, public=public)
    texts: dict = defaultdict(list)
    for answer in fetched["texts"]:
        texts[answer.question_id].append(answer)
    lookups = {
        "answered": {(r["question_id"], r["row_key"]): r for r in fetched["answered"]},
        "choices": {(r["question_id"], r["row_key"], r["choice"]): r["n"] for r in fetched["choices"]},
        "texts": texts,
    }
    questions = [_question_result(q, fetched, t, lookups) for s in survey.schema for q in s.questions]
    weeks = [w["week"] for w in fetched["weeks"]]
    cells, _ = suppress_counts([w["n"] for w in fetched["weeks"]], threshold=t)
    over_time = [(f"Week of {w:%d %b %Y}", c) for w, c in zip(weeks, cells, strict=True)]
    return SurveyResults(survey, t, total, True, questions, over_time, time_chart(over_time, t), weeks)
