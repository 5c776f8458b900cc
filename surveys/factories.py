"""Factories for surveys: pages with a questionnaire, responses, invitations."""

import uuid

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Site

from .models import AccessMode, SurveyIndexPage, SurveyPage


def question(kind: str, label: str, **options) -> dict:
    value = {"label": label, "help_text": options.pop("help_text", ""),
             "required": options.pop("required", False), "code": options.pop("code", ""),
             "show_if_code": options.pop("show_if_code", ""),
             "show_if_value": options.pop("show_if_value", "")}
    if kind in ("single_choice", "multiple_choice"):
        value.update(choices=options.pop("choices"), allow_other=options.pop("allow_other", False))
    if kind == "number":
        value.update(min_value=options.pop("min_value", None), max_value=options.pop("max_value", None))
    if kind == "likert_grid":
        value.update(statements=options.pop("statements"))
    return {"type": kind, "id": options.pop("id", str(uuid.uuid4())), "value": value}


def section(title: str, questions: list[dict], intro: str = "", **condition) -> dict:
    return {"type": "section", "id": str(uuid.uuid4()), "value": {
        "title": title, "intro": intro, "show_if_code": condition.get("show_if_code", ""),
        "show_if_value": condition.get("show_if_value", ""), "questions": questions}}


def sample_sections() -> list[dict]:
    """Two sections, the second with a question shown only after "Yes", and a grid."""
    return [
        section("About you", [
            question("yes_no", "Do you have a caseworker right now?", code="Q1", required=True),
            question("single_choice", "How did you hear about this survey?", code="Q2",
                     choices=["From my caseworker", "From a friend", "Online"], allow_other=True),
        ]),
        section("Your experience", [
            question("rating", "How often does your caseworker return your calls?", code="Q3",
                     show_if_code="Q1", show_if_value="Yes"),
            question("likert", "I feel listened to in meetings about my family.", code="Q4", required=True),
            question("likert_grid", "How much do you agree?", code="Q5",
                     statements=["I know my rights", "I know who to call"]),
            question("long_text", "What one thing should change?", code="Q6"),
        ]),
    ]


def survey_index(title: str = "Surveys", slug: str = "surveys") -> SurveyIndexPage:
    existing = SurveyIndexPage.objects.first()
    if existing:
        return existing
    root = Site.objects.get(is_default_site=True).root_page
    index = SurveyIndexPage(title=title, slug=slug, intro="Surveys you can answer now.")
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
