"""Date questions are summarised per month, quarter or year from the tallies, with the outer
periods open-ended and every count suppressed like the other distributions (issue 12)."""

import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.accounts.factories import UserFactory
from surveys import services, tallies
from surveys.factories import SurveyPageFactory, question, section
from surveys.models import ResultTally, TallyKind
from surveys.results import survey_results
from surveys.results.dates import date_periods, period_label
from surveys.results.language import results_in_language
from surveys.suppression import suppress_counts


def test_periods_are_months_when_the_dates_are_close():
    months = {"2026-01": 12, "2026-02": 15, "2026-04": 11}
    assert date_periods(months, 11) == [
        ("m:2026-01", 12),
        ("m:2026-02", 15),
        ("m:2026-03", 0),
        ("m:2026-04", 11),
    ]


def test_outer_periods_are_open_ended_until_they_hold_the_threshold():
    # A lone date in 2019 and one in 2031 never get a row of their own.
    months = {"2019-05": 1, "2026-01": 12, "2026-02": 15, "2026-03": 20, "2031-07": 2}
    rows = date_periods(months, 11)
    assert rows[0] == ("<=m:2026-01", 13)
    assert rows[-1] == (">=m:2026-03", 22)
    assert sum(n for _, n in rows) == 50
    assert not any("2019" in key or "2031" in key for key, _ in rows)


def test_wide_spreads_are_counted_by_quarter_or_year():
    quarterly = {f"{y}-{m:02d}": 11 for y in (2024, 2025, 2026) for m in (1, 7)}
    assert {key[0] for key, _ in date_periods(quarterly, 11)} == {"q"}
    yearly = {f"{y}-06": 11 for y in range(2010, 2027)}
    rows = date_periods(yearly, 11)
    assert rows[0] == ("y:2010", 11) and rows[-1] == ("y:2026", 11) and len(rows) == 17


def test_a_coarser_unit_when_most_months_would_be_hidden():
    # 72 dates, 9 a month: by month most rows would read "fewer than 11".
    rows = date_periods({f"2026-{m:02d}": 9 for m in range(1, 9)}, 11)
    assert rows == [("q:2026-1", 27), ("q:2026-2", 27), ("q:2026-3", 18)]


def test_too_few_dates_give_no_periods():
    assert date_periods({"2026-01": 5, "2026-02": 5}, 11) == []
    assert date_periods({"nonsense": 40}, 11) == []


def test_period_labels_in_both_languages():
    with translation.override("en"):
        assert period_label("m:2026-03") == "March 2026"
        assert period_label("q:2026-1") == "January–March 2026"
        assert period_label("<=m:2026-03") == "March 2026 or earlier"
        assert period_label(">=y:2031") == "2031 or later"
    with translation.override("es"):
        assert period_label("m:2026-03") == "Marzo de 2026"  # it starts a row
        assert period_label(">=y:2031") == "2031 o después"
        assert period_label("<=m:2026-03") == "Marzo de 2026 o antes"
        assert period_label("q:2026-1") == "Enero–marzo de 2026"


def _date_survey(index, group):
    return SurveyPageFactory(
        title="Placements",
        sections=[
            section(
                "Dates",
                [
                    question("date", "When did the child come to live with you?", code="D1"),
                    question("yes_no", "Is the child still with you?", code="Y1"),
                ],
            )
        ],
        target_groups=[group],
    )


def _submit(survey, group, day):
    person = UserFactory(stakeholder_groups=[group])
    data = {next(q.id for q in survey.question_map().values() if q.code == "Y1"): "Yes"}
    if day:
        data[next(q.id for q in survey.question_map().values() if q.code == "D1")] = day.isoformat()
    services.response_submit(survey=survey, user=person, data=data)


@pytest.mark.django_db
def test_date_answers_are_tallied_by_month_and_summarised(index, youth_group):
    survey = _date_survey(index, youth_group)
    rng = random.Random(3)
    days = [date(2026, 1, 1) + timedelta(days=rng.randint(0, 80)) for _ in range(36)]
    days += [date(2018, 2, 14), None]  # one outlier, one person who skipped the date
    for day in days:
        _submit(survey, youth_group, day)
    months = ResultTally.objects.filter(survey=survey, kind=TallyKind.MONTH)
    assert {t.row_key for t in months} == {d.isoformat()[:7] for d in days if d}  # months, never days
    assert tallies.snapshot(survey) == tallies.recount(survey)
    before = tallies.snapshot(survey)
    tallies.rebuild(survey)
    assert tallies.snapshot(survey) == before

    result = next(r for r in survey_results(survey).questions if r.question.code == "D1")
    assert result.answered.value == 37 and not result.answered.hidden
    assert result.periods and result.chart
    assert result.periods[0].value.startswith("<=")  # the 2018 outlier is pooled, not shown
    assert not any("2018" in o.value or "2018" in o.label for o in result.periods)
    assert sum(o.cell.value for o in result.periods) == 37
    # Suppressed as one distribution with its total: no hidden count can be worked out.
    expected, _ = suppress_counts([o.cell.value for o in result.periods], threshold=11)
    assert [o.cell for o in result.periods] == expected
    assert sum(o.cell.hidden for o in result.periods) != 1
    spanish = results_in_language(survey_results(survey), "es")
    labels = [o.label for o in next(r for r in spanish.questions if r.question.code == "D1").periods]
    assert labels[0].endswith(" o antes") and "de 2026" in labels[0]


@pytest.mark.django_db
def test_date_summary_on_the_results_page_with_constant_queries(client, index, youth_group, make_staff):
    from portal.accounts.mfa import totp_activate

    survey = _date_survey(index, youth_group)
    for i in range(24):
        _submit(survey, youth_group, date(2026, 3, 1) + timedelta(days=i % 40))
    analyst = make_staff("Survey analysts")
    totp_activate(user=analyst, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(analyst)
    url = reverse("surveys_admin:results", args=[survey.pk])
    page = client.get(url).content.decode()
    assert "March 2026" in page and "Dates are not summarised" not in page
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for i in range(30):
        _submit(survey, youth_group, date(2026, 5, 1) + timedelta(days=i))
    with CaptureQueriesContext(connection) as second:
        assert "May 2026" in client.get(url).content.decode()
    assert len(first.captured_queries) == len(second.captured_queries)
