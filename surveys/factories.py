"""Factories for surveys: pages with a questionnaire, responses, invitations."""

import uuid

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Site

from .models import AccessMode, SurveyIndexPage, SurveyPage


def question(kind: str, label: str, **options) -> dict:
    value = {
        "label": label,
        "help_text": options.pop("help_text", ""),
        "required": options.pop("required", False),
        "code": options.pop("code", ""),
        "show_if_code": options.pop("show_if_code", ""),
        "show_if_value": options.pop("show_if_value", ""),
    }
    # Spanish texts (label_es, help_text_es, choices_es, statements_es) when given.
    value.update({name: options.pop(name) for name in list(options) if name.endswith("_es")})
    if kind in ("single_choice", "multiple_choice"):
        value.update(choices=options.pop("choices"), allow_other=options.pop("allow_other", False))
    if kind == "number":
        value.update(min_value=options.pop("min_value", None), max_value=options.pop("max_value", None))
    if kind == "likert_grid":
        value.update(statements=options.pop("statements"))
    return {"type": kind, "id": options.pop("id", str(uuid.uuid4())), "value": value}


def section(
    title: str, questions: list[dict], intro: str = "", title_es: str = "", intro_es: str = "", **condition
) -> dict:
    return {
        "type": "section",
        "id": str(uuid.uuid4()),
        "value": {
            "title": title,
            "title_es": title_es,
            "intro": intro,
            "intro_es": intro_es,
            "show_if_code": condition.get("show_if_code", ""),
            "show_if_value": condition.get("show_if_value", ""),
            "questions": questions,
        },
    }


def sample_sections() -> list[dict]:
    """Two sections, the second with a question shown only after "Yes", and a grid."""
    return [
        section(
            "About you",
            [
                question("yes_no", "Do you have a caseworker right now?", code="Q1", required=True),
                question(
                    "single_choice",
                    "How did you hear about this survey?",
                    code="Q2",
                    choices=["From my caseworker", "From a friend", "Online"],
                    allow_other=True,
                ),
            ],
        ),
        section(
            "Your experience",
            [
                question(
                    "rating",
                    "How often does your caseworker return your calls?",
                    code="Q3",
                    show_if_code="Q1",
                    show_if_value="Yes",
                ),
                question(
                    "likert", "I feel listened to in meetings about my family.", code="Q4", required=True
                ),
                question(
                    "likert_grid",
                    "How much do you agree?",
                    code="Q5",
                    statements=["I know my rights", "I know who to call"],
                ),
                question("long_text", "What one thing should change?", code="Q6"),
            ],
        ),
    ]


def survey_index(title: str = "Surveys", slug: str = "surveys") -> SurveyIndexPage:
    existing = SurveyIndexPage.objects.first()
    if existing:
        if not existing.show_in_menus:  # a site made before "Surveys" was in the main menu
            existing.show_in_menus = True
            existing.save_revision().publish()
        return existing
    root = Site.objects.get(is_default_site=True).root_page
    # In the main menu: people look for "Surveys" there (issue 12).
    index = SurveyIndexPage(title=title, slug=slug, intro="Surveys you can answer now.", show_in_menus=True)
    root.add_child(instance=index)
    index.save_revision().publish()
    return index


class SurveyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SurveyPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Survey {n}")
    intro = "Tell us how things are going."
    parent = factory.LazyFunction(survey_index)
    sections = factory.LazyFunction(sample_sections)
    access_mode = AccessMode.MEMBERS
    opens_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=30))

    @factory.post_generation
    def target_groups(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.target_groups.set(extracted)
            obj.save()


def random_answers(survey: SurveyPage, rng) -> dict:
    """Plausible answer data for every question (skip logic respected, optional ones sometimes skipped)."""
    from .questionnaire.schema import answers_by_code, is_shown

    data: dict = {}
    for sec in survey.schema:
        if not is_shown(sec.show_if, answers_by_code(survey.schema, data)):
            continue
        for q in sec.questions:
            if not is_shown(q.show_if, answers_by_code(survey.schema, data)):
                continue
            if not q.required and rng.random() < 0.15:
                continue
            data.update(_random_value(q, rng))
    return data


FREE_TEXT = [
    "More evening appointments would help.",
    "My worker calls back quickly.",
    "Meetings feel rushed.",
    "I would like to know about services sooner.",
    "Transport to visits is hard from where I live.",
    "Thank you for asking.",
]


def _random_value(q, rng) -> dict:
    options = [v for v, _ in q.options]
    if q.type == "likert_grid":
        return {q.id: {row: rng.choice(options) for row in q.rows}}
    if q.type == "multiple_choice":
        return {q.id: rng.sample(options[: len(q.choices)], k=rng.randint(1, min(2, len(q.choices))))}
    if q.choices:
        return {q.id: rng.choice(q.choices)}
    if options:  # scales lean a little towards agreement, as real ones often do
        return {q.id: rng.choices(options, weights=[2 + i for i in range(len(options))])[0]}
    if q.type == "number":
        low, high = q.min_value or 0, q.max_value or 20
        return {q.id: str(rng.randint(low, high))}
    if q.type == "date":
        return {q.id: f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"}
    return {q.id: rng.choice(FREE_TEXT)}


def bulk_responses(
    survey: SurveyPage,
    count: int,
    rng,
    *,
    people=None,
    groups=None,
    regions=None,
    days: int = 28,
    batch: int = 2000,
) -> int:
    """Many responses at once with bulk_create (demo and benchmark; bypasses the one-per-person
    service on purpose, so pass distinct `people` or none)."""
    from datetime import timedelta

    from .models import Answer, Response
    from .questionnaire.answers import rows_for
    from .tallies import tally_apply

    questions = list(survey.question_map().values())
    today = timezone.localdate()
    made = 0
    while made < count:
        size = min(batch, count - made)
        responses, payloads = [], []
        for i in range(size):
            person = people[made + i] if people else None
            identified = not survey.is_anonymous
            responses.append(
                Response(
                    survey=survey,
                    submitted_on=today - timedelta(days=rng.randint(0, days)),
                    user=person if identified else None,
                    stakeholder_group=rng.choice(groups) if identified and groups else None,
                    region=rng.choice(regions) if identified and regions else None,
                )
            )
            payloads.append(random_answers(survey, rng))
        Response.objects.bulk_create(responses)
        Answer.objects.bulk_create(
            [
                Answer(
                    response=r,
                    survey=survey,
                    question_id=row.question_id,
                    row_key=row.row_key,
                    choice=row.choice,
                    number=row.number,
                    text=row.text,
                )
                for r, data in zip(responses, payloads, strict=True)
                for q in questions
                for row in rows_for(q, data)
            ],
            batch_size=5000,
        )
        tally_apply(
            survey=survey,
            entries=[
                (
                    r.submitted_on,
                    r.stakeholder_group_id,
                    r.region_id,
                    [row for q in questions for row in rows_for(q, data)],
                )
                for r, data in zip(responses, payloads, strict=True)
            ],
        )
        made += size
    return made
