"""The engagement vocabulary: partner kinds, relationship statuses, ways of engaging and the
nine elements of collaboration (Children's Bureau guide, slides 20-35 of the source deck)."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    COURT = "court", _("Court or legal partner")
    TRIBE = "tribe", _("Tribal nation or tribal partner")
    YOUTH = "youth", _("Youth or youth council")
    PARENTS = "parents", _("Birth, foster or kinship parents' group")
    PROVIDER = "provider", _("Service provider")
    EDUCATION = "education", _("School or education")
    HEALTH = "health", _("Health and behavioural health")
    LAW_ENFORCEMENT = "law", _("Law enforcement")
    COMMUNITY = "community", _("Community or faith organisation")
    CITIZEN_REVIEW = "crp", _("Citizen review panel")
    PUBLIC_AGENCY = "agency", _("Other public agency")
    STAFF = "staff", _("Agency staff group")


class Status(models.TextChoices):
    GREEN = "green", _("Green")
    YELLOW = "yellow", _("Yellow")
    RED = "red", _("Red")
    NONE = "none", _("No dot")


@dataclass(frozen=True)
class StatusStyle:
    meaning: str
    colour: str
    dash: str  # SVG stroke-dasharray: the line pattern, so colour is never the only cue
    symbol: str  # a text mark shown with the word


STATUS_STYLES = {
    Status.GREEN: StatusStyle(_("Keep positive involvement"), "#00a91c", "", "✓"),
    Status.YELLOW: StatusStyle(_("Improve the relationship, enhance involvement"), "#b38c00", "10 5", "!"),
    Status.RED: StatusStyle(_("Heal and re-involve"), "#d83933", "3 4", "✕"),
    Status.NONE: StatusStyle(_("Develop the relationship, begin involvement"), "#71767a", "1 7", "○"),
}


class Method(models.TextChoices):
    WORKGROUP = "workgroup", _("Workgroup seat")
    SURVEY = "survey", _("Survey")
    COUNCIL = "council", _("Advisory council")
    MEETING = "meeting", _("Meeting or listening session")
    COMMENT = "comment", _("Written comment")
    DATA_SHARING = "data", _("Data sharing agreement")
    TRAINING = "training", _("Joint training")
    OTHER = "other", _("Other")


class Level(models.IntegerChoices):
    INFORMED = 1, _("Kept informed")
    CONSULTED = 2, _("Consulted")
    PARTNERING = 3, _("Partnering")


class Element(models.TextChoices):
    ENGAGEMENT = "engagement", _("Engagement of other partners")
    COMMUNICATION = "communication", _("Communication")
    NEEDS = "needs", _("Needs assessment")
    PLANNING = "planning", _("Joint strategic planning")
    RESOURCES = "resources", _("Sharing of resources and structural changes")
    SUSTAINABILITY = "sustainability", _("Sustainability")
    POLICY = "policy", _("Policies, laws and regulations")
    DATA = "data", _("Research, data and evaluation")
    LEADERSHIP = "leadership", _("Leadership")


RATING_MIN, RATING_MAX = 1, 5
