"""Response exports (CSV streamed, XLSX in openpyxl's write-only mode) and the suppressed
aggregate export. Memory stays bounded: one SQL query pivots answers into a row per
response and is read through a server-side cursor CHUNK rows at a time.
"""

import csv
import io
import tempfile
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from openpyxl import Workbook

from portal.accounts.models import Region, StakeholderGroup

from .models import Answer, Response, SurveyPage
from .questionnaire.schema import all_questions
from .results import survey_results

CHUNK = 5000
User = get_user_model()


class Echo:
    def write(self, value):
        return value


def _columns(survey: SurveyPage) -> list[tuple[str, str, str]]:
    """(question id, grid row, header) per column: one per question, or per grid statement."""
    return [(qid, row, head) for qid, row, head, _typed in _typed_columns(survey)]


def _typed_columns(survey: SurveyPage) -> list[tuple[str, str, str, bool]]:
    """`_columns` plus whether a cell may hold text someone typed (so must be neutralised).

    A fixed-option answer can only hold one of its question's options (the form validates
    it, and `questionnaire.guard` refuses removing an option that has answers), so its column
    needs neutralising only if an option itself starts like a formula; numbers are written
    by PostgreSQL. Free text, "other (please say)" and dates (stored as text) always are."""
    columns = []
    for q in all_questions(survey.schema):
        fixed = bool(q.options) and not any(_risky(value) for value, _label in q.options)
        typed = not (fixed or q.type == "number")
        if q.type == "likert_grid":
            columns += [(q.id, row, f"{q.display_code}: {q.label} – {row}", typed) for row in q.rows]
        else:
            columns.append((q.id, "", f"{q.display_code}: {q.label}", typed))
            if q.allow_other:
                columns.append((f"{q.id}:other", "", f"{q.display_code}: other (please say)", True))
    return columns


def _risky(value: str) -> bool:
    """Would the SQL neutralising below ever touch it? (It starts with a formula character.)"""
    return value[:1] in FORMULA_STARTS


def header(survey: SurveyPage) -> list[str]:
    # Anonymous surveys: no identity columns, and no language either (docs/surveys.md).
    who = [] if survey.is_anonymous else ["Respondent", "Username", "Stakeholder group", "Region", "Language"]
    return ["Row", "Date", *who, *(c[2] for c in _columns(survey))]


# Spreadsheet formula injection: a cell starting with = + - @ tab or CR gets a leading
# apostrophe unless it is a plain number (done in SQL, so Python only copies bytes).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = r"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$"
# The first character tested by its code: one integer comparison a cell instead of six
# text ones (an export neutralises millions of cells).
_FORMULA_CODES = ", ".join(str(ord(c)) for c in FORMULA_STARTS)


def _neutral(expression: str) -> str:
    return (
        f"CASE WHEN ascii({expression}) IN ({_FORMULA_CODES})"
        f" AND {expression} !~ '{_NUMBER}' THEN '''' || {expression} ELSE {expression} END"
    )


def _pivot_sql(survey: SurveyPage, *, ranged: bool = False) -> tuple[str, list]:
    """One row per response, a column per question or grid statement, pivoted in
    PostgreSQL: answers grouped by response in index order (streamed, never sorted whole)
    and merged with the responses by id; every cell that may hold typed text neutralised.

    `ranged=False`: every response, empty cells as '' (the XLSX rows).
    `ranged=True`: the responses with lo < id <= hi, numbered from `offset + 1`, empty cells
    NULL (COPY writes NULL as an empty unquoted field, as Python's csv writer does ''); the
    parameters are then [offset, *returned, lo, hi] with (lo, hi) after each survey id."""
    columns = _typed_columns(survey)
    value = (
        "CASE WHEN a.choice <> '' THEN a.choice WHEN a.number IS NOT NULL THEN a.number::text ELSE a.text END"
    )
    aggregates, params = [], []
    for qid, row_key, _header, _typed in columns:
        if qid.endswith(":other"):
            aggregates.append("max(a.text) FILTER (WHERE a.question_id = %s AND a.choice <> '')")
            params.append(qid.removesuffix(":other"))
        else:  # several values (multiple choice) in index order, i.e. as they were written
            aggregates.append(
                f"string_agg({value}, '; ') FILTER (WHERE a.question_id = %s AND a.row_key = %s)"
            )
            params += [qid, row_key]
    cell = "nullif({}, '')" if ranged else "coalesce({}, '')"
    cells = [
        _neutral(cell.format(f"x.c{i}")) if typed else cell.format(f"x.c{i}")
        for i, (*_, typed) in enumerate(columns)
    ]
    joins = ""
    if not survey.is_anonymous:
        # Names people and staff typed are neutralised; the language is a code the portal wrote.
        who = [_neutral(cell.format(c)) for c in ("u.display_name", "u.username", "g.name", "rg.name")]
        cells[:0] = [*who, cell.format("r.language")]
        joins = (
            f" LEFT JOIN {User._meta.db_table} u ON u.id = r.user_id"
            f" LEFT JOIN {StakeholderGroup._meta.db_table} g ON g.id = r.stakeholder_group_id"
            f" LEFT JOIN {Region._meta.db_table} rg ON rg.id = r.region_id"
        )
    selected = "".join(f", {agg} AS c{i}" for i, agg in enumerate(aggregates))
    answers_range = " AND a.response_id > %s AND a.response_id <= %s" if ranged else ""
    responses_range = " AND r.id > %s AND r.id <= %s" if ranged else ""
    number = "%s + row_number() OVER (ORDER BY r.id)" if ranged else "row_number() OVER (ORDER BY r.id)"
    pivot = (
        f"SELECT a.response_id{selected} FROM {Answer._meta.db_table} a"
        f" WHERE a.survey_id = %s{answers_range} GROUP BY a.response_id"
    )
    sql = (
        f"SELECT {number}, to_char(r.submitted_on, 'YYYY-MM-DD')"
        f"{''.join(', ' + c for c in cells)}"
        f" FROM {Response._meta.db_table} r LEFT JOIN ({pivot}) x ON x.response_id = r.id{joins}"
        f" WHERE r.survey_id = %s{responses_range} ORDER BY r.id"
    )
    return sql.replace("%", "%%").replace("%%s", "%s"), [*params, survey.pk, survey.pk]


def _batches(survey: SurveyPage) -> Iterator[list[tuple]]:
    """Rows CHUNK at a time from a server-side cursor, inside a transaction so PostgreSQL
    streams them rather than materialising the result on commit."""
    sql, params = _pivot_sql(survey)
    with transaction.atomic():
        _tune_for_one_long_query()
        with connection.chunked_cursor() as cursor:
            if hasattr(cursor, "itersize"):
                cursor.itersize = CHUNK
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(CHUNK):
                yield batch


def _tune_for_one_long_query() -> None:
    if connection.vendor == "postgresql":
        # One long sequential query: parallel workers would each repeat the aggregate,
        # and compiling it (JIT) costs seconds for nothing.
        with connection.cursor() as settings_cursor:
            settings_cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off")


def rows(survey: SurveyPage) -> Iterator[tuple]:
    """A row per response (row number, date, [who], cells), already neutralised."""
    for batch in _batches(survey):
        yield from batch


# Responses per COPY: about 2 MB of CSV held at a time, whatever the number of responses.
COPY_RESPONSES = 20_000
# Connections running COPYs ahead of the one being sent, in the export's snapshot: PostgreSQL
# pivots the next ranges (on other cores) while this process sends the current one. Each
# holds at most one range, so memory stays about (COPY_AHEAD + 1) × 2 MB.
COPY_AHEAD = 2


def csv_stream(survey: SurveyPage) -> Iterator[bytes]:
    """The CSV: PostgreSQL writes it (COPY … TO STDOUT, in C: no Python per row or cell),
    COPY_RESPONSES responses at a time by id range, in one repeatable-read snapshot so the
    ranges add up to one consistent export."""
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerow(header(survey))  # COPY ends lines with \n too
    yield ("\ufeff" + head.getvalue()).encode()  # the BOM: spreadsheet programs read UTF-8
    if connection.vendor != "postgresql":  # SQLite (a newcomer's `make demo`): the row path
        body = io.StringIO()
        writer = csv.writer(body, lineterminator="\n")
        for batch in _batches(survey):
            writer.writerows(batch)
            yield body.getvalue().encode()
            body.seek(0)
            body.truncate()
        return
    sql, params = _pivot_sql(survey, ranged=True)
    *pivot_params, survey_pk, _ = params
    copy = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)"
    outermost = not connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        if outermost:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        _tune_for_one_long_query()
        raw = cursor.cursor  # psycopg2's cursor: copy_expert streams COPY output into a file

        def statements() -> Iterator[bytes]:
            done, last = 0, 0
            while True:
                cursor.execute(
                    f"SELECT max(id), count(*) FROM (SELECT id FROM {Response._meta.db_table}"
                    " WHERE survey_id = %s AND id > %s ORDER BY id LIMIT %s) AS chunk",
                    [survey.pk, last, COPY_RESPONSES],
                )
                upto, count = cursor.fetchone()
                if not count:
                    return
                bounds = [survey_pk, last, upto]
                yield raw.mogrify(copy, [done, *pivot_params, *bounds, *bounds])
                done, last = done + count, upto

        # Helpers can share this transaction's snapshot only if it is ours: inside a caller's
        # transaction (tests, a command) they could not see its uncommitted rows.
        if outermost and COPY_AHEAD:
            cursor.execute("SELECT pg_export_snapshot()")
            yield from _copied_ahead(statements(), snapshot=cursor.fetchone()[0])
            return
        for statement in statements():
            chunk = io.BytesIO()
            raw.copy_expert(statement, chunk)
            yield chunk.getvalue()


def _copied_ahead(statements: Iterator[bytes], *, snapshot: str) -> Iterator[bytes]:
    """Each COPY run on a helper connection that imported `snapshot`, COPY_AHEAD at a time,
    yielded in order. The helpers are closed however the stream ends (a client that goes
    away closes the generator)."""
    local = threading.local()
    opened = []
    lock = threading.Lock()

    def run(statement: bytes) -> bytes:
        helper = getattr(local, "helper", None)
        if helper is None:
            helper = local.helper = connections.create_connection(DEFAULT_DB_ALIAS)
            with lock:
                opened.append(helper)
            helper.ensure_connection()
            helper.connection.set_session(isolation_level="REPEATABLE READ", readonly=True)
            with helper.connection.cursor() as setup:
                setup.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
                setup.execute("SET max_parallel_workers_per_gather = 0; SET jit = off")
        chunk = io.BytesIO()
        with helper.connection.cursor() as raw:
            raw.copy_expert(statement, chunk)
        return chunk.getvalue()

    pending: deque = deque()
    try:
        with ThreadPoolExecutor(max_workers=COPY_AHEAD, thread_name_prefix="csv-copy") as pool:
            try:
                for statement in statements:
                    pending.append(pool.submit(run, statement))
                    if len(pending) >= COPY_AHEAD:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:
                for future in pending:
                    future.cancel()
    finally:
        for helper in opened:  # the pool has finished: no thread uses them any more
            helper.inc_thread_sharing()
            helper.close()


def xlsx_file(survey: SurveyPage):
    """A temporary file holding the workbook, written row by row (write-only mode)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Responses")
    sheet.append(header(survey))
    for row in rows(survey):
        sheet.append([str(row[0]), *row[1:]])
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    workbook.save(handle)
    handle.seek(0)
    return handle


def aggregate_stream(survey: SurveyPage) -> Iterator[str]:
    """Counts per question and option, with the same suppression as the results page."""
    results = survey_results(survey)
    t = results.threshold
    writer = csv.writer(Echo())
    yield writer.writerow(["Question code", "Question", "Statement or group", "Answer", "People", "Percent"])
    yield writer.writerow(["", "All responses", "", "", results.total.display(t), ""])
    for r in results.questions:
        q = r.question
        for option in r.options:
            yield writer.writerow(
                [q.display_code, q.label, "", option.label, option.cell.display(t), _pct(option)]
            )
        for statement, options, _total in r.grid:
            for option in options:
                yield writer.writerow(
                    [q.display_code, q.label, statement, option.label, option.cell.display(t), _pct(option)]
                )
        for b in r.breakdowns:
            for name, cells, _total in [*b.rows, ("All", *b.all_row)]:
                for label, cell in zip(b.option_labels, cells, strict=True):
                    yield writer.writerow(
                        [q.display_code, q.label, f"{b.title}: {name}", label, cell.display(t), ""]
                    )
        if r.mean:
            yield writer.writerow([q.display_code, q.label, "", "Average", r.mean, ""])


def _pct(option) -> str:
    return "" if option.percent is None else f"{option.percent}"
