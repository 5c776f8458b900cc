"""Surveys in English and Spanish: one questionnaire, texts in the person's language, answers
stored under the same question ids and values, counted together."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from portal.accounts.factories import UserFactory
from surveys import exports, services
from surveys.factories import SurveyPageFactory, question, section
from surveys.models import AccessMode, Answer, Response
from surveys.results import survey_results


def bilingual_sections() -> list[dict]:
    return [
        section(
            "About you",
            [
                question(
                    "yes_no",
                    "Do you have a caseworker right now?",
                    label_es="¿Tiene usted un trabajador social ahora?",
                    help_text="Think of the last month.",
                    help_text_es="Piense en el último mes.",
                    code="Q1",
                    required=True,
                ),
                question(
                    "single_choice",
                    "How did you hear about this survey?",
                    label_es="¿Cómo se enteró de esta encuesta?",
                    code="Q2",
                    choices=["From my caseworker", "From a friend", "Online"],
                    choices_es=["Por mi trabajador social", "Por una amistad", "En internet"],
                    allow_other=True,
                ),
                # Not translated yet: shown in English on the Spanish page.
                question(
                    "multiple_choice",
                    "Which services did you use?",
                    code="Q3",
                    choices=["Respite care", "Support group"],
                ),
            ],
            title_es="Sobre usted",
            intro="A few questions first.",
            intro_es="Primero, unas preguntas.",
        ),
        section(
            "Your experience",
            [
                question(
                    "likert",
                    "I feel listened to.",
                    label_es="Siento que me escuchan.",
                    code="Q4",
                    required=True,
                ),
                question(
                    "likert_grid",
                    "How much do you agree?",
                    label_es="¿Qué tan de acuerdo está?",
                    code="Q5",
                    statements=["I know my rights", "I know who to call"],
                    statements_es=["Conozco mis derechos", "Sé a quién llamar"],
                ),
            ],
            title_es="Su experiencia",
        ),
    ]


@pytest.fixture
def bilingual(index, youth_group):
    return SurveyPageFactory(
        title="Caregiver survey",
        title_es="Encuesta para cuidadores",
        intro="Tell us how things are going.",
        intro_es="Cuéntenos cómo van las cosas.",
        thank_you_es="Gracias por su tiempo.",
        sections=bilingual_sections(),
        target_groups=[youth_group],
    )


def _q(survey, code):
    return next(x for x in survey.question_map().values() if x.code == code)


def _url(name, survey, language):
    with translation.override(language):
        return reverse(name, args=[survey.pk])


def _answer(client, survey, language, yes_no, choice, likert="4"):
    """Answer both sections through the pages of `language`."""
    url = _url("surveys:answer", survey, language)
    first = {
        "section": 0,
        "action": "next",
        f"q_{_q(survey, 'Q1').id}": yes_no,
        f"q_{_q(survey, 'Q2').id}": choice,
    }
    assert client.post(url, first).status_code == 302
    second = {
        "section": 1,
        "action": "next",
        f"q_{_q(survey, 'Q4').id}": likert,
        f"q_{_q(survey, 'Q5').id}__0": "5",
    }
    response = client.post(url, second)
    assert response.status_code == 302 and response["Location"] == _url("surveys:done", survey, language)
    return client.get(response["Location"])


@pytest.mark.django_db
def test_spanish_pages_show_the_spanish_texts(client, bilingual, member):
    client.force_login(member)
    landing = client.get("/es" + bilingual.url)
    html = landing.content.decode()
    assert '<html lang="es"' in html
    assert "<h1>Encuesta para cuidadores</h1>" in html and "Cuéntenos cómo van las cosas." in html
    assert "portal-fallback-note" not in html  # the survey is in Spanish: no "not translated" note
    page = client.get(_url("surveys:answer", bilingual, "es")).content.decode()
    for text in (
        "Sobre usted",
        "Primero, unas preguntas.",
        "¿Tiene usted un trabajador social ahora?",
        "Piense en el último mes.",
        "Por una amistad",
        "Encuesta para cuidadores",
    ):
        assert text in page
    # The stored values stay English whatever the label says.
    assert 'value="From a friend"' in page and 'value="Yes"' in page
    assert "Do you have a caseworker" not in page


@pytest.mark.django_db
def test_missing_spanish_falls_back_to_english_one_text_at_a_time(client, bilingual, member):
    client.force_login(member)
    page = client.get(_url("surveys:answer", bilingual, "es")).content.decode()
    assert "Which services did you use?" in page  # no Spanish question text
    assert "Respite care" in page and "Support group" in page  # no Spanish choices
    english = client.get(_url("surveys:answer", bilingual, "en")).content.decode()
    assert "Do you have a caseworker right now?" in english and "Sobre usted" not in english
    untranslated = SurveyPageFactory(title="English only", sections=bilingual_sections())
    untranslated.sections[0].value["title_es"] = ""
    assert untranslated.schema_in("es")[0].title == "About you"
    assert not untranslated.has_language("es")


@pytest.mark.django_db
def test_spanish_scale_labels_and_grid_statements(client, bilingual, member):
    client.force_login(member)
    _answer_first = {
        "section": 0,
        "action": "next",
        f"q_{_q(bilingual, 'Q1').id}": "No",
    }
    url = _url("surveys:answer", bilingual, "es")
    client.post(url, _answer_first)
    page = client.get(url + "?section=1").content.decode()
    assert "Totalmente de acuerdo" in page and "Conozco mis derechos" in page
    assert 'value="5"' in page


@pytest.mark.django_db
def test_answers_in_both_languages_are_one_count_per_choice(client, bilingual, youth_group):
    """12 people, 7 in Spanish and 5 in English: one tally per value, suppression on the sums."""
    plan = [("es", "Yes", "From a friend")] * 4 + [("es", "No", "Online")] * 3
    plan += [("en", "Yes", "From a friend")] * 3 + [("en", "No", "From a friend")] * 2
    for language, yes_no, choice in plan:
        client.force_login(UserFactory(stakeholder_groups=[youth_group]))
        done = _answer(client, bilingual, language, yes_no, choice)
        if language == "es":
            assert "Gracias por su tiempo." in done.content.decode()
    assert Response.objects.filter(survey=bilingual, language="es").count() == 7
    values = set(Answer.objects.filter(question_id=_q(bilingual, "Q1").id).values_list("choice", flat=True))
    assert values == {"Yes", "No"}
    results = survey_results(bilingual)
    assert results.enough and results.total.value == 12
    by_code = {r.question.code: r for r in results.questions}
    yes_no = {o.label: o.cell for o in by_code["Q1"].options}
    assert set(yes_no) == {"Yes", "No"}  # English labels, no Spanish duplicates
    assert yes_no["Yes"].value == 7 and yes_no["No"].value == 5
    # Suppression works on the combined counts: 7 and 5 are below 11, so both are hidden.
    assert yes_no["Yes"].hidden and yes_no["No"].hidden
    friend = {o.label: o.cell for o in by_code["Q2"].options}["From a friend"]
    assert friend.value == 9 and friend.hidden
    assert {o.label: o.cell for o in by_code["Q4"].options}["Agree"].value == 12


@pytest.mark.django_db
def test_export_has_one_column_per_question_and_a_language_column_when_identified(
    client, bilingual, youth_group
):
    for language in ("es", "en"):
        client.force_login(UserFactory(stakeholder_groups=[youth_group]))
        _answer(client, bilingual, language, "Yes", "Online")
    rows = list(
        csv.reader(
            io.StringIO(
                "".join(c.decode() if isinstance(c, bytes) else c for c in exports.csv_stream(bilingual))
            )
        )
    )
    header = rows[0]
    assert "Language" in header
    assert not any("¿" in h or "Sobre" in h for h in header)  # English labels
    question_headers = [h for h in header if h.startswith("Q")]
    assert len(question_headers) == len(set(question_headers))
    assert sum(h.startswith("Q1:") for h in header) == 1
    language_column = header.index("Language")
    assert sorted(r[language_column] for r in rows[1:]) == ["en", "es"]
    assert {r[header.index("Q2: How did you hear about this survey?")] for r in rows[1:]} == {"Online"}


@pytest.mark.django_db
def test_anonymous_surveys_keep_no_language(index, youth_group, settings):
    settings.SURVEY_ANONYMITY_CROWD = 2
    survey = SurveyPageFactory(
        sections=bilingual_sections(),
        access_mode=AccessMode.PUBLIC,
        is_anonymous=True,
        target_groups=[youth_group],
    )
    from django.contrib.auth.models import AnonymousUser

    from surveys import pool

    for _ in range(2):
        services.response_submit(
            survey=survey,
            user=AnonymousUser(),
            data={_q(survey, "Q1").id: "Yes", _q(survey, "Q4").id: "3"},
            language="es",
        )
    pool.pool_flush(survey_id=survey.pk, force=True)
    assert set(Response.objects.filter(survey=survey).values_list("language", flat=True)) == {""}
    assert "Language" not in exports.header(survey)


@pytest.mark.django_db
def test_spanish_lists_must_match_the_english_ones(bilingual):
    bilingual.sections[0].value["questions"][1].value["choices_es"] = ["Por mi trabajador social"]
    with pytest.raises(ValidationError) as error:
        bilingual.full_clean()
    assert "give a Spanish text for each of its 3 choices" in str(error.value)


@pytest.mark.django_db
def test_editing_the_spanish_after_answers_keeps_ids_and_values(client, bilingual, member):
    client.force_login(member)
    _answer(client, bilingual, "es", "Yes", "From a friend")
    ids_before = set(bilingual.question_map())
    page = type(bilingual).objects.get(pk=bilingual.pk)
    block = page.sections[0].value["questions"][1].value
    block["label_es"] = "¿Cómo supo de esta encuesta?"
    block["choices_es"] = ["De mi trabajador social", "De una amistad", "Por internet"]
    page.full_clean()  # no "would corrupt the answers" refusal
    page.save_revision().publish()
    page = type(bilingual).objects.get(pk=bilingual.pk)
    assert set(page.question_map()) == ids_before
    assert _q(page, "Q2").options == _q(bilingual, "Q2").options  # English values and labels
    assert dict(page.schema_in("es")[0].questions[1].options)["From a friend"] == "De una amistad"
