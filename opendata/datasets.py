"""The open-data downloads: each dataset's rows and its data dictionary."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from . import selectors
from .summaries import summary_rows


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: list[tuple[str, str, str]]  # (name, type, meaning)
    rows: Callable[[], list[dict]]


def _plan_rows() -> list[dict]:
    return [
        {
            "id": item.pk,
            "workgroup_id": item.workgroup_id,
            "workgroup": item.workgroup.title,
            "parent_id": item.parent_id,
            "level": item.level,
            "title": item.title,
            "description": item.description,
            "owner": item.owner,
            "status": item.status,
            "start_date": item.start_date.isoformat() if item.start_date else "",
            "due_date": item.due_date.isoformat() if item.due_date else "",
            "measure": item.measure,
            "unit": item.unit,
            "baseline": "" if item.baseline is None else str(item.baseline),
            "target": "" if item.target is None else str(item.target),
            "current": "" if item.current is None else str(item.current),
            "cfsr_terms": " ".join(t.code for t in item.cfsr_terms.all()),
            "updated_at": item.updated_at.isoformat(),
        }
        for item in selectors.public_plan_items()
    ]


def _feedback_rows() -> list[dict]:
    return [
        {
            "topic_id": topic.pk,
            "topic": topic.title,
            "url": topic.full_url or "",
            "closed_at": topic.closes_at.isoformat() if topic.closes_at else "",
            "comments": topic.public_comment_count,
            "questions": topic.public_question_count,
            "official_answers": topic.official_answer_count,
            "what_we_heard": strip_tags(topic.what_we_heard).strip(),
            "what_we_did": strip_tags(topic.what_we_did).strip(),
        }
        for topic in selectors.topic_feedback()
    ]


def _survey_rows() -> list[dict]:
    return [row for survey in selectors.published_surveys() for row in summary_rows(survey)]


DATASETS = {
    d.slug: d
    for d in [
        Dataset(
            "plan-items",
            _("Program improvement plan"),
            _("Every goal, strategy and action step of the public workgroups' plans."),
            [
                ("id", "integer", _("Plan item number.")),
                ("workgroup_id", "integer", _("The workgroup's page number.")),
                ("workgroup", "text", _("The workgroup's name.")),
                ("parent_id", "integer", _("The goal or strategy this item sits under (empty for a goal).")),
                ("level", "text", _("goal, strategy or action.")),
                ("title", "text", _("What the item is.")),
                ("description", "text", _("More about it.")),
                ("owner", "text", _("The organisation or role responsible (never a person).")),
                ("status", "text", _("not_started, on_track, at_risk, delayed or done.")),
                ("start_date", "date", _("When work starts (YYYY-MM-DD).")),
                ("due_date", "date", _("When it is due (YYYY-MM-DD).")),
                ("measure", "text", _("What is measured.")),
                ("unit", "text", _("The measure's unit, e.g. % or days.")),
                ("baseline", "decimal", _("The measure when the plan began.")),
                ("target", "decimal", _("The measure aimed for.")),
                ("current", "decimal", _("The latest value of the measure.")),
                ("cfsr_terms", "text", _("CFSR outcome and systemic factor codes, space-separated.")),
                ("updated_at", "date-time", _("When the item last changed.")),
            ],
            _plan_rows,
        ),
        Dataset(
            "topic-feedback",
            _("What we heard, what we did"),
            _("Closed topics of public workgroups, their public comment counts and the agency's feedback."),
            [
                ("topic_id", "integer", _("The topic's page number.")),
                ("topic", "text", _("The topic's title.")),
                ("url", "text", _("Where to read it.")),
                ("closed_at", "date-time", _("When comments closed.")),
                ("comments", "integer", _("Published comments.")),
                ("questions", "integer", _("Published questions.")),
                ("official_answers", "integer", _("The agency's published official answers.")),
                ("what_we_heard", "text", _("The agency's summary of what people said.")),
                ("what_we_did", "text", _("What changed because of it.")),
            ],
            _feedback_rows,
        ),
        Dataset(
            "survey-summaries",
            _("Survey summaries"),
            _(
                "Answer counts of closed surveys whose summary is published. Counts below the "
                "threshold are withheld (count empty, suppressed true), as on the summary pages."
            ),
            [
                ("survey_id", "integer", _("The survey's page number.")),
                ("survey", "text", _("The survey's title.")),
                ("closed_at", "date-time", _("When the survey closed.")),
                ("responses", "text", _('How many responded (or "fewer than N").')),
                ("question_id", "text", _("The question's stable id.")),
                ("question", "text", _("The question.")),
                ("statement", "text", _("For a grid: the statement rated; otherwise empty.")),
                ("option", "text", _("The answer option.")),
                ("count", "integer", _("How many chose it; empty when suppressed.")),
                ("count_display", "text", _("The count as shown on the site.")),
                ("suppressed", "boolean", _("Whether the count is withheld.")),
                ("percent", "decimal", _("Share of those who answered; empty when it would reveal a count.")),
                ("mean", "text", _("The mean of a scale question, when it can be shown.")),
            ],
            _survey_rows,
        ),
    ]
}
