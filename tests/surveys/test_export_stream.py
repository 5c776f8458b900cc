"""The streamed CSV export: exact cell values from the SQL pivot, constant queries."""

import csv
import io
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.accounts.mfa import totp_activate
from surveys import services
from surveys.factories import SurveyPageFactory, bulk_responses, question, section

from .conftest import full_answers, q


@pytest.fixture
def analyst(make_staff):
    person = make_staff("Survey analysts")
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return person


def _csv(client, survey):
    response = client.get(reverse("surveys_admin:export_csv", args=[survey.pk]))
    assert response.streaming
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.django_db
def test_cells_hold_each_answer(client, members_survey, member, analyst):
    data = full_answers(members_survey)
    data[q(members_survey, "Q2").id] = "Other"
    data[f"{q(members_survey, 'Q2').id}:other"] = "=HYPERLINK(evil)"
    data[q(members_survey, "Q5").id] = {"I know my rights": "4", "I know who to call": "2"}
    data[q(members_survey, "Q6").id] = "-Evening visits"
    services.response_submit(survey=members_survey, user=member, data=data)
    client.force_login(analyst)
    header, row = _csv(client, members_survey)
    cell = dict(zip(header, row, strict=True))
    assert cell["Row"] == "1" and cell["Username"] == member.username
    by_code = {h.split(":")[0]: v for h, v in cell.items() if h.startswith("Q") and "other" not in h}
    assert by_code["Q1"] == "Yes" and by_code["Q2"] == "Other" and by_code["Q4"] == "4"
    assert cell["Q2: other (please say)"] == "'=HYPERLINK(evil)"  # formula neutralised
    assert by_code["Q6"] == "'-Evening visits"
    grid = {h.split(" – ")[-1]: v for h, v in cell.items() if h.startswith("Q5")}
    assert grid == {"I know my rights": "4", "I know who to call": "2"}


@pytest.mark.django_db
def test_multiple_choice_values_share_a_cell(client, index, member, analyst, youth_group):
    survey = SurveyPageFactory(
        title="Multi",
        target_groups=[youth_group],
        sections=[
            section("S", [question("multiple_choice", "Which?", code="M1", choices=["Bus", "Car", "Walk"])])
        ],
    )
    services.response_submit(survey=survey, user=member, data={q(survey, "M1").id: ["Bus", "Walk"]})
    client.force_login(analyst)
    assert _csv(client, survey)[1][-1] in ("Bus; Walk", "Walk; Bus")


@pytest.mark.django_db
def test_export_queries_are_the_same_at_two_sizes(client, members_survey, analyst):
    client.force_login(analyst)
    counts = []
    for n in (10, 120):
        bulk_responses(members_survey, n - sum([10][: len(counts)]), random.Random(n))
        with CaptureQueriesContext(connection) as ctx:
            rows = _csv(client, members_survey)
        assert len(rows) == n + 1
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_an_option_that_looks_like_a_formula_is_neutralised(client, index, member, analyst, youth_group):
    """Fixed-option columns skip neutralising only while no option starts like a formula."""
    survey = SurveyPageFactory(
        title="Options",
        target_groups=[youth_group],
        sections=[
            section(
                "S",
                [
                    question("single_choice", "Pick", code="C1", choices=["=SUM(A1)", "-5 or less", "Fine"]),
                    question("single_choice", "Safe", code="C2", choices=["Yes please", "No thanks"]),
                    question("number", "How many?", code="N1"),
                ],
            )
        ],
    )
    data = {q(survey, "C1").id: "=SUM(A1)", q(survey, "C2").id: "Yes please", q(survey, "N1").id: "-3"}
    services.response_submit(survey=survey, user=member, data=data)
    client.force_login(analyst)
    header, row = _csv(client, survey)
    cell = {h.split(":")[0]: v for h, v in zip(header, row, strict=True)}
    assert cell["C1"] == "'=SUM(A1)" and cell["C2"] == "Yes please"
    assert cell["N1"] in ("-3", "-3.00")  # a number is never prefixed


@pytest.mark.django_db(transaction=True)
def test_ranges_copied_ahead_on_helper_connections_add_up(members_survey, member, monkeypatch):
    """Outside a transaction the ranges are copied on helper connections sharing the export's
    snapshot: every response once, numbered in order, the same bytes as one connection gives."""
    from django.db import transaction

    from surveys import exports

    bulk_responses(members_survey, 23, random.Random(7))
    monkeypatch.setattr(exports, "COPY_RESPONSES", 5)  # five ranges, the last one short
    used = []
    copied_ahead = exports._copied_ahead
    monkeypatch.setattr(exports, "_copied_ahead", lambda *a, **k: used.append(1) or copied_ahead(*a, **k))
    ahead = b"".join(exports.csv_stream(members_survey))
    assert used, "the helpers were not used"
    with transaction.atomic():  # inside a caller's transaction: this connection alone
        alone = b"".join(exports.csv_stream(members_survey))
    assert ahead == alone
    rows = list(csv.reader(io.StringIO(ahead.decode("utf-8-sig"))))[1:]
    assert [r[0] for r in rows] == [str(n) for n in range(1, 24)]
