"""Surveys: the pages that schedule and target a questionnaire, and what people send back."""

from .pages import AccessMode, SurveyIndexPage, SurveyPage
from .pool import SealedAnswers
from .receipts import SubmissionReceipt
from .responses import (
    Answer,
    ExportKind,
    Invitation,
    InvitationUse,
    Participation,
    Response,
    ResponseDraft,
    SurveyExport,
)
from .tally import ResultTally, TallyKind

__all__ = [
    "AccessMode",
    "Answer",
    "ExportKind",
    "Invitation",
    "InvitationUse",
    "Participation",
    "Response",
    "ResponseDraft",
    "ResultTally",
    "SealedAnswers",
    "SubmissionReceipt",
    "SurveyExport",
    "SurveyIndexPage",
    "SurveyPage",
    "TallyKind",
]
