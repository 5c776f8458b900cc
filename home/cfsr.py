"""The federal Child and Family Services Review (CFSR) vocabulary, shared by the portal.

One list in code; the `CfsrTerm` table is seeded from it so that pages, plan items and
survey questions can point at terms with ordinary foreign keys.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CfsrKind(models.TextChoices):
    OUTCOME = "outcome", _("Outcome")
    SYSTEMIC_FACTOR = "systemic", _("Systemic factor")


# (code, kind, short name, full statement)
CFSR_TERMS: list[tuple[str, str, str, str]] = [
    (
        "S1",
        CfsrKind.OUTCOME,
        "Safety 1",
        "Children are, first and foremost, protected from abuse and neglect.",
    ),
    (
        "S2",
        CfsrKind.OUTCOME,
        "Safety 2",
        "Children are safely maintained in their homes whenever possible and appropriate.",
    ),
    (
        "P1",
        CfsrKind.OUTCOME,
        "Permanency 1",
        "Children have permanency and stability in their living situations.",
    ),
    (
        "P2",
        CfsrKind.OUTCOME,
        "Permanency 2",
        "The continuity of family relationships and connections is preserved for children.",
    ),
    (
        "WB1",
        CfsrKind.OUTCOME,
        "Well-being 1",
        "Families have enhanced capacity to provide for their children's needs.",
    ),
    (
        "WB2",
        CfsrKind.OUTCOME,
        "Well-being 2",
        "Children receive appropriate services to meet their educational needs.",
    ),
    (
        "WB3",
        CfsrKind.OUTCOME,
        "Well-being 3",
        "Children receive adequate services to meet their physical and mental health needs.",
    ),
    (
        "SF-IS",
        CfsrKind.SYSTEMIC_FACTOR,
        "Statewide information system",
        "The statewide information system can readily identify each child's status, "
        "demographics, location and goals.",
    ),
    (
        "SF-CR",
        CfsrKind.SYSTEMIC_FACTOR,
        "Case review system",
        "Case plans, periodic reviews, permanency hearings and notice to caregivers work.",
    ),
    (
        "SF-QA",
        CfsrKind.SYSTEMIC_FACTOR,
        "Quality assurance system",
        "A quality assurance system identifies strengths and needs and measures improvement.",
    ),
    (
        "SF-TR",
        CfsrKind.SYSTEMIC_FACTOR,
        "Staff and provider training",
        "Staff, foster and adoptive parents get the initial and ongoing training they need.",
    ),
    (
        "SF-SA",
        CfsrKind.SYSTEMIC_FACTOR,
        "Service array and resource development",
        "Services are available, accessible and individualised across the state.",
    ),
    (
        "SF-AR",
        CfsrKind.SYSTEMIC_FACTOR,
        "Agency responsiveness to the community",
        "The agency engages stakeholders and coordinates with other federal programs.",
    ),
    (
        "SF-FP",
        CfsrKind.SYSTEMIC_FACTOR,
        "Foster and adoptive parent licensing, recruitment and retention",
        "Licensing standards, background checks and diligent recruitment of families.",
    ),
]


# What the public reads for each term: plain words, never the code ("P1", "SF-FP"), which
# stays in staff screens, filters' query strings and the machine-readable exports.
PLAIN_NAMES = {
    "S1": _("Keeping children safe from abuse and neglect"),
    "S2": _("Keeping children safely at home when possible"),
    "P1": _("Stable, lasting homes for children"),
    "P2": _("Keeping children's family ties and connections"),
    "WB1": _("Helping families meet their children's needs"),
    "WB2": _("Children's schooling"),
    "WB3": _("Children's physical and mental health"),
    "SF-IS": _("Keeping track of each child's information"),
    "SF-CR": _("Case plans, reviews and court hearings"),
    "SF-QA": _("Checking and improving the quality of services"),
    "SF-TR": _("Training for staff and caregivers"),
    "SF-SA": _("Services families can find and use"),
    "SF-AR": _("Listening and responding to the community"),
    "SF-FP": _("Licensing, finding and keeping foster and adoptive families"),
}


def plain_name(code: str, fallback: str = "") -> str:
    """The public, translated name of a CFSR term; its stored name if the code is unknown."""
    name = PLAIN_NAMES.get(code)
    return str(name) if name else fallback


class ReviewPhase(models.TextChoices):
    STATEWIDE_ASSESSMENT = "assessment", _("Statewide assessment")
    ONSITE_REVIEW = "onsite", _("Onsite review")
    PIP_DEVELOPMENT = "pip-development", _("Program improvement plan development")
    PIP_IMPLEMENTATION = "pip-implementation", _("Implementation")
    PIP_MONITORING = "pip-monitoring", _("Monitoring")
