"""Results in the reader's language (issue 12): the same counts under the same question ids,
with the texts, numbers, dates and chart sentences of the page's language; exports stay English."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.accounts.factories import UserFactory
from surveys import exports, services
from surveys.factories import SurveyPageFactory
from surveys.results import survey_results
from surveys.results.charts import cell_text, percent_text
from surveys.results.language import results_in_language
from surveys.suppression import Cell

from .test_languages import bilingual_sections


def _q(survey, code):
    return next(x for x in survey.question_map().values() if x.code == code)


def _answers(survey, yes_no, choice, likert, grid):
    return {
        _q(survey, "Q1").id: yes_no,
        _q(survey, "Q2").id: choice,
        _q(survey, "Q3").id: ["Respite care"],
        _q(survey, "Q4").id: likert,
        _q(survey, "Q5").id: {"I know my rights": grid, "I know who to call": grid},
    }


@pytest.fixture
def answered(index, youth_group):
    """A closed bilingual survey with a public summary, answered 14 times in Spanish and
    14 times in English (the same answers)."""
    survey = SurveyPageFactory(
        title="Caregiver survey",
        title_es="Encuesta para cuidadores",
        sections=bilingual_sections(),
        target_groups=[youth_group],
        public_summary=True,
    )
    plan = [("Yes", "From a friend", "4", "5")] * 8 + [("No", "Online", "2", "4")] * 6
    for language in ("es", "en"):
        for answers in plan:
            person = UserFactory(stakeholder_groups=[youth_group])
            services.response_submit(
                survey=survey, user=person, data=_answers(survey, *answers), language=language
            )
    survey.closes_at = timezone.now() - timedelta(minutes=1)
    survey.save_revision().publish()
    return survey


def _summary(client, survey, language):
    with translation.override(language):
        url = reverse("surveys:summary", args=[survey.pk])
    page = client.get(url)
    assert page.status_code == 200
    return page.content.decode()


def _numbers(html: str) -> list[str]:
    """Every count shown in the tables, in page order (what must not change with the language)."""
    return re.findall(r"<td>(\d+)(?=</td>| \()", html)


@pytest.mark.django_db
def test_spanish_summary_shows_spanish_texts_with_the_same_counts(client, answered):
    spanish, english = _summary(client, answered, "es"), _summary(client, answered, "en")
    for text in (
        "¿Tiene usted un trabajador social ahora?",  # question
        "Por una amistad",  # choice
        "En internet",
        "Conozco mis derechos",  # grid statement
        "De acuerdo",  # the agreement scale, from the catalogue
        "Sí",
        "Which services did you use?",  # no Spanish written: English, text by text
        "Respite care",
    ):
        assert text in spanish, text
    for text in ("Do you have a caseworker right now?", "From a friend", "I know my rights"):
        assert text not in spanish, text
        assert text in english, text
    assert "¿Tiene usted" not in english
    # One count per answer whatever the language: 28 answers, 16 "Yes" (8 + 8).
    assert _numbers(spanish) == _numbers(english)
    assert "28" in _numbers(spanish) and "16" in _numbers(spanish)
    # Chart sentences and percentages in Spanish.
    assert 'aria-label="Gráfico de barras' in spanish
    assert "57,1 %" in spanish and "57.1%" in english


@pytest.mark.django_db
def test_results_in_language_changes_texts_not_cells(answered):
    english = survey_results(answered, public=True)
    spanish = results_in_language(english, "es")
    assert [r.answered for r in spanish.questions] == [r.answered for r in english.questions]
    for en, es in zip(english.questions, spanish.questions, strict=True):
        assert en.question.id == es.question.id
        assert [o.cell for o in en.options] == [o.cell for o in es.options]
        assert [[o.cell for o in row[1]] for row in en.grid] == [[o.cell for o in row[1]] for row in es.grid]
    grid = next(r for r in spanish.questions if r.grid)
    assert [row for row, _, _ in grid.grid] == ["Conozco mis derechos", "Sé a quién llamar"]
    # The English results stay English (the summary CSV and the open-data API use them).
    assert english.questions[0].question.label == "Do you have a caseworker right now?"
    assert english.questions[0].options[0].label == "Yes"


@pytest.mark.django_db
def test_summary_export_keeps_english_labels_on_a_spanish_screen(answered):
    with translation.override("es"):
        text = "".join(exports.aggregate_stream(answered))
    rows = list(csv.reader(io.StringIO(text)))
    assert any(r[1] == "Do you have a caseworker right now?" and r[3] == "Yes" for r in rows)
    assert "¿" not in text and "Sí" not in text


def test_counts_and_percentages_are_written_for_the_language():
    with translation.override("en"):
        assert cell_text(Cell(1234), 11) == "1,234"
        assert cell_text(Cell(3, True, "small"), 11) == "fewer than 11"
        assert cell_text(Cell(30, True, "secondary"), 11) == "hidden"
        assert percent_text(12.5) == "12.5%" and percent_text(40.0) == "40%"
    with translation.override("es"):
        assert cell_text(Cell(1234), 11) == "1\xa0234"  # Django's Spanish grouping
        assert cell_text(Cell(3, True, "small"), 11) == "menos de 11"
        assert cell_text(Cell(30, True, "secondary"), 11) == "oculto"
        assert percent_text(12.5) == "12,5 %"


@pytest.mark.django_db
def test_spanish_charts_and_weeks(answered):
    spanish = results_in_language(survey_results(answered, public=True), "es")
    assert spanish.over_time and re.match(r"Semana del \d\d/\d\d/20\d\d$", spanish.over_time[0][0])
    assert "Respuestas por semana" in spanish.over_time_chart
    likert = next(r for r in spanish.questions if r.question.type == "likert")
    assert "Barras divergentes" in likert.chart and ">En desacuerdo</text>" in likert.chart
