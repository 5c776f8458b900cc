"""Agency content pages and the site-wide settings shared by every page (re-exported here)."""

from .base import AudienceKind, AudiencePage, BasePage, CfsrTerm, HomePage, PortalSettings, StandardPage
from .events import EventIndexPage, EventPage
from .initiatives import InitiativeIndexPage, InitiativePage, InitiativeStatus
from .resources import ResourceIndexPage
from .theory import TheoryOfChangePage
from .updates import UpdateIndexPage, UpdatePage, UpdatePageTag

__all__ = [
    "AudienceKind",
    "AudiencePage",
    "BasePage",
    "CfsrTerm",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "InitiativeIndexPage",
    "InitiativePage",
    "InitiativeStatus",
    "PortalSettings",
    "ResourceIndexPage",
    "StandardPage",
    "TheoryOfChangePage",
    "UpdateIndexPage",
    "UpdatePage",
    "UpdatePageTag",
]
