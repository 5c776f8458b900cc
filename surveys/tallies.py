"""Result tallies: counts per question, option, statement, week and (identified surveys)
stakeholder group and region, kept incrementally so reading results costs the same at a
hundred responses or a million.

`tally_apply` is THE one writer: called in the same transaction as the Response rows are
created or deleted (surveys.services.response_submit for identified surveys, the pool
flush in surveys.pool for anonymous ones, the bulk factory), so a committed response is
always counted exactly once. For anonymous surveys it runs only inside a batch flush:
the tallies change once per shuffled batch, never per answer, and hold counts only.

`rebuild` recounts from the responses in SQL (`manage.py rebuild_survey_tallies`), for
the data migrations and as a repair tool (migration 0008 ran it for surveys with date
questions, whose answers are counted per month since then); `recount` is what the consistency test compares.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction

from .models import Answer, Response, ResultTally, SurveyPage, TallyKind
from .questionnaire.schema import all_questions

Key = tuple[str, str, str, str, int]  # kind, question_id, row_key, choice, dim


def week_of(day: date) -> date:
    """The Monday of `day`'s week, as PostgreSQL's date_trunc('week') gives it."""
    return day - timedelta(days=day.weekday())


def _get(row, name):
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def _multi(survey: SurveyPage) -> set[str]:
    return {q.id for q in all_questions(survey.schema) if q.type == "multiple_choice"}


def _dates(survey: SurveyPage) -> set[str]:
    return {q.id for q in all_questions(survey.schema) if q.type == "date"}


def month_of(text: str) -> str:
    """A date answer's "YYYY-MM" (answers are stored as ISO dates), or "" if it is not one.
    The same test as the rebuild's SQL (LIKE '____-__-__'), so recount and rebuild agree."""
    return text[:7] if len(text) == 10 and text[4] == text[7] == "-" else ""


def counts_for(survey: SurveyPage, entries: Iterable[tuple]) -> tuple[Counter, dict]:
    """(counts, number sums) per tally key for responses given as
    (submitted_on, stakeholder_group_id, region_id, answer rows)."""
    multi, dates, dims = _multi(survey), _dates(survey), not survey.is_anonymous
    counts: Counter = Counter()
    sums: dict = defaultdict(lambda: [Decimal(0), 0])
    for submitted_on, group_id, region_id, rows in entries:
        counts[(TallyKind.TOTAL, "", "", "", 0)] += 1
        counts[(TallyKind.WEEK, "", week_of(submitted_on).isoformat(), "", 0)] += 1
        answered = set()
        for row in rows:
            qid, row_key = _get(row, "question_id"), _get(row, "row_key") or ""
            choice = _get(row, "choice") or ""
            key = (TallyKind.ANSWERED, qid, row_key, "", 0)
            answered.add(key)
            number = _get(row, "number")
            if number is not None:
                sums[key][0] += Decimal(number)
                sums[key][1] += 1
            if qid in dates and (month := month_of(_get(row, "text") or "")):
                # Dates are counted by month only: the summary never needs the day.
                counts[(TallyKind.MONTH, qid, month, "", 0)] += 1
            if choice:
                counts[(TallyKind.CHOICE, qid, row_key, choice, 0)] += 1
                if dims and not row_key and qid not in multi:
                    counts[(TallyKind.GROUP, qid, "", choice, group_id or 0)] += 1
                    counts[(TallyKind.REGION, qid, "", choice, region_id or 0)] += 1
        counts.update(answered)  # once per response: "answered" is a number of people
    for key in sums:
        counts.setdefault(key, 0)
    return counts, sums


def tally_apply(*, survey: SurveyPage, entries: Iterable[tuple], sign: int = 1) -> int:
    """Add (sign=1) or take away (sign=-1) these responses' counts. Must run in the
    transaction that creates (or deletes) the responses. Returns the keys touched."""
    counts, sums = counts_for(survey, entries)
    if not counts:
        return 0
    table = ResultTally._meta.db_table
    values, params = [], []
    for key in sorted(counts):  # a fixed order, so concurrent submits cannot deadlock
        kind, qid, row_key, choice, dim = key
        number_sum, number_n = sums.get(key, (Decimal(0), 0))
        values.append("(%s, %s, %s, %s, %s, %s, %s, %s, %s)")
        params += [
            survey.pk,
            str(kind),
            qid,
            row_key,
            choice,
            dim,
            sign * counts[key],
            sign * number_sum,
            sign * number_n,
        ]
    with connection.cursor() as cursor:  # in the caller's transaction
        cursor.execute(
            f"INSERT INTO {table} (survey_id, kind, question_id, row_key, choice, dim, n, number_sum,"
            f" number_n) VALUES {', '.join(values)}"
            " ON CONFLICT (survey_id, kind, question_id, row_key, choice, dim) DO UPDATE SET"
            f" n = {table}.n + EXCLUDED.n, number_sum = {table}.number_sum + EXCLUDED.number_sum,"
            f" number_n = {table}.number_n + EXCLUDED.number_n",
            params,
        )
    return len(counts)


def entries_of(responses: list[Response], rows_by_response: dict) -> list[tuple]:
    return [
        (r.submitted_on, r.stakeholder_group_id, r.region_id, rows_by_response.get(r.pk, []))
        for r in responses
    ]


_REBUILD = """
INSERT INTO {tally} (survey_id, kind, question_id, row_key, choice, dim, n, number_sum, number_n)
SELECT %(s)s, 'total', '', '', '', 0, count(*), 0, 0 FROM {response} WHERE survey_id = %(s)s
  HAVING count(*) > 0
UNION ALL
SELECT %(s)s, 'week', '', date_trunc('week', submitted_on)::date::text, '', 0, count(*), 0, 0
  FROM {response} WHERE survey_id = %(s)s GROUP BY 4
UNION ALL
SELECT %(s)s, 'choice', question_id, row_key, choice, 0, count(*), 0, 0
  FROM {answer} WHERE survey_id = %(s)s AND choice <> '' GROUP BY question_id, row_key, choice
UNION ALL
SELECT %(s)s, 'answered', question_id, row_key, '', 0, count(DISTINCT response_id),
       coalesce(sum(number), 0), count(number)
  FROM {answer} WHERE survey_id = %(s)s GROUP BY question_id, row_key
UNION ALL
SELECT %(s)s, 'month', question_id, substr(text, 1, 7), '', 0, count(*), 0, 0
  FROM {answer} WHERE survey_id = %(s)s AND question_id IN ({dates}) AND text LIKE '____-__-__'
  GROUP BY question_id, substr(text, 1, 7)
"""
_REBUILD_DIMS = """
INSERT INTO {tally} (survey_id, kind, question_id, row_key, choice, dim, n, number_sum, number_n)
SELECT %(s)s, kind, question_id, '', choice, dim, count(*), 0, 0 FROM (
  SELECT 'group' AS kind, a.question_id, a.choice, coalesce(r.stakeholder_group_id, 0) AS dim
    FROM {answer} a JOIN {response} r ON r.id = a.response_id
   WHERE a.survey_id = %(s)s AND a.choice <> '' AND a.row_key = '' AND NOT a.question_id = ANY(%(multi)s)
  UNION ALL
  SELECT 'region', a.question_id, a.choice, coalesce(r.region_id, 0)
    FROM {answer} a JOIN {response} r ON r.id = a.response_id
   WHERE a.survey_id = %(s)s AND a.choice <> '' AND a.row_key = '' AND NOT a.question_id = ANY(%(multi)s)
) cube GROUP BY kind, question_id, choice, dim
"""


def rebuild(survey: SurveyPage) -> int:
    """Recount this survey's tallies from its responses. Blocks writes to responses and
    answers until it commits, so nothing is missed or counted twice. Returns the rows."""
    names = {
        "tally": ResultTally._meta.db_table,
        "response": Response._meta.db_table,
        "answer": Answer._meta.db_table,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {names['response']}, {names['answer']} IN SHARE MODE")
        ResultTally.objects.filter(survey=survey).delete()
        params = {"s": survey.pk, "multi": sorted(_multi(survey)) or [""]}
        # An IN list rather than ANY(array), so the demo's SQLite can run the rebuild too.
        dates = sorted(_dates(survey)) or [""]
        params |= {f"d{i}": qid for i, qid in enumerate(dates)}
        in_list = ", ".join(f"%(d{i})s" for i in range(len(dates)))
        cursor.execute(_REBUILD.format(**names, dates=in_list), params)
        if not survey.is_anonymous:
            cursor.execute(_REBUILD_DIMS.format(**names), params)
    return ResultTally.objects.filter(survey=survey).count()


def snapshot(survey: SurveyPage) -> dict:
    """The stored tallies as {key: (n, number_sum, number_n)}, zero rows left out."""
    return {
        (t.kind, t.question_id, t.row_key, t.choice, t.dim): (t.n, t.number_sum, t.number_n)
        for t in ResultTally.objects.filter(survey=survey)
        if t.n or t.number_n
    }


def recount(survey: SurveyPage) -> dict:
    """The tallies as counted afresh in Python from every response (for tests)."""
    responses = list(Response.objects.filter(survey=survey))
    rows: dict = defaultdict(list)
    for answer in Answer.objects.filter(survey=survey):
        rows[answer.response_id].append(answer)
    counts, sums = counts_for(survey, entries_of(responses, rows))
    return {
        (str(k[0]), *k[1:]): (n, sums[k][0] if k in sums else Decimal(0), sums[k][1] if k in sums else 0)
        for k, n in counts.items()
        if n or k in sums
    }
