"""Results as a reader of a language reads them, without reading the database again.

`survey_results` counts under the stable English ids, values and labels (what the summary
CSV and the open-data API use). This step swaps in the texts of the reader's language —
question, choices, grid statements, scales, period and week names, breakdown titles — one
text at a time with the English kept where no translation was written, formats numbers for
the language and redraws the charts. Counts and suppression are untouched, so Spanish and
English readers see the same numbers.
"""

from dataclasses import replace

from django.utils import formats, translation
from django.utils.translation import gettext

from .aggregate import EVERYONE_ELSE, OptionRow, QuestionResult, SurveyResults, chart_for
from .charts import time_chart
from .dates import period_label


def week_label(week) -> str:
    # Translators: a row of "Responses over time"; the date is the week's Monday.
    # The short date (11/30/2026, 30/11/2026): the chart's axis shows the first and last.
    return gettext("Week of %(date)s") % {"date": formats.date_format(week, "SHORT_DATE_FORMAT")}


def _relabel(options: list[OptionRow], labels: dict[str, str]) -> list[OptionRow]:
    return [replace(o, label=labels.get(o.value, o.label)) for o in options]


def _question(r: QuestionResult, q, t: int) -> QuestionResult:
    labels = dict(q.options)
    r = replace(
        r,
        question=q,
        options=_relabel(r.options, labels),
        grid=[(q.row_label(row), _relabel(options, labels), total) for row, options, total in r.grid],
        periods=[replace(o, label=period_label(o.value)) for o in r.periods],
        breakdowns=[
            replace(
                b,
                title=gettext(b.title),
                option_labels=[label for _, label in q.options],
                rows=[(gettext(name) if name == EVERYONE_ELSE else name, c, n) for name, c, n in b.rows],
            )
            for b in r.breakdowns
        ],
        mean=formats.number_format(r.mean_value, 2) if r.mean and r.mean_value is not None else r.mean,
        mean_note=gettext(r.mean_note) if r.mean_note else "",
    )
    r.chart = chart_for(r, t)
    return r


def results_in_language(results: SurveyResults, language: str | None = None) -> SurveyResults:
    """`results` with every text in `language` (default: the active one)."""
    language = language or translation.get_language()
    with translation.override(language):
        questions = {q.id: q for s in results.survey.schema_in(language) for q in s.questions}
        t = results.threshold
        weeks = zip(results.weeks, results.over_time, strict=True)
        over_time = [(week_label(w), cell) for w, (_, cell) in weeks]
        return replace(
            results,
            questions=[_question(r, questions.get(r.question.id, r.question), t) for r in results.questions],
            over_time=over_time,
            over_time_chart=time_chart(over_time, t) if over_time else "",
        )
