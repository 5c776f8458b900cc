"""What surveys contribute to shared screens through the portal's extension points."""

from portal.extension_points import Panel

from . import services
from .models import SurveyPage
from .selectors import my_identified_responses, open_surveys, surveys_for_person


def home_panel(request) -> Panel | None:
    entries = [e for e in surveys_for_person(user=request.user) if e.status != "done"][:3]
    if not entries:
        return None
    return Panel(
        title="Surveys open to you",
        template="surveys/panels/home.html",
        context={"entries": entries},
        order=30,
    )


def my_portal_panel(request) -> Panel | None:
    if not request.user.is_authenticated:
        return None
    entries = surveys_for_person(user=request.user)
    groups = {
        status: [e for e in entries if e.status == status]
        for status in ("not_started", "in_progress", "done")
    }
    return Panel(title="My surveys", template="surveys/panels/my_portal.html", context=groups, order=30)


def user_data_export(user) -> tuple[str, dict]:
    """Identified responses and unfinished drafts. Anonymous answers cannot be linked to anyone."""
    drafts = [
        {"survey": d.survey.title, "saved": d.updated_at.isoformat(), "answers": d.data}
        for d in user.survey_drafts.select_related("survey")
    ]
    return "surveys", {"responses": my_identified_responses(user=user), "unfinished_drafts": drafts}


def user_deidentify(user) -> None:
    services.user_deidentify(user=user)


def initiative_panel(request, initiative) -> Panel | None:
    surveys = list(open_surveys().filter(initiative=initiative).order_by("title"))
    if not surveys:
        return None
    return Panel(
        title="Surveys about this initiative",
        template="surveys/panels/initiative.html",
        context={"surveys": surveys},
        order=40,
    )


__all__ = [
    "SurveyPage",
    "home_panel",
    "initiative_panel",
    "my_portal_panel",
    "user_data_export",
    "user_deidentify",
]
