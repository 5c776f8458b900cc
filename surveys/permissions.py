"""Who may see, answer, analyse and export surveys. Views and services ask here."""

from dataclasses import dataclass

from portal.accounts.permissions import user_can_take_part

from .models import AccessMode

__all__ = ["user_can_take_part"]  # the one rule lives in accounts; surveys code imports it here


def can_view_results(user) -> bool:
    return user.is_authenticated and user.has_perm("surveys.view_results")


def can_export(user) -> bool:
    return user.is_authenticated and user.has_perm("surveys.export_responses")


def can_manage_invitations(user) -> bool:
    return user.is_authenticated and user.has_perm("surveys.add_invitation")


def is_targeted_member(user, survey, *, group_ids: set[int] | None = None) -> bool:
    """In a target group (verified if required) and, if the survey has one, the region."""
    if not user.is_authenticated:
        return False
    if survey.region_id and user.region_id != survey.region_id:
        return False
    memberships = user.memberships.filter(group__in=survey.target_groups.all())
    if survey.verified_members_only:
        memberships = memberships.filter(verified_at__isnull=False)
    return memberships.exists()


def has_answered(user, survey) -> bool:
    if not user.is_authenticated:
        return False
    if survey.is_anonymous:
        return survey.participations.filter(user=user).exists()
    return survey.responses.filter(user=user).exists()


@dataclass(frozen=True)
class Access:
    allowed: bool
    reason: str = ""  # a key into ACCESS_MESSAGES when refused


ACCESS_MESSAGES = {
    "not_open": ("This survey is not open yet", "Please come back when it opens."),
    "closed": ("This survey has closed", "Thank you for your interest. It no longer takes answers."),
    "full": ("This survey is full", "It has received all the answers it needs. Thank you."),
    "done": ("You have already answered this survey", "Only one set of answers is kept per person."),
    "used": (
        "This link has already been used",
        "Each invitation link works once. If you did not use it, ask the person who sent it.",
    ),
    "unknown": (
        "We do not recognise this link",
        "Check that the whole link was copied, or ask for a new one.",
    ),
    "invitation_only": (
        "This survey is by invitation",
        "Please use the link from your invitation to answer it.",
    ),
    "sign_in": ("Please sign in to answer this survey", "This survey is for members of the portal."),
    "verify_email": (
        "Please confirm your e-mail address first",
        "We sent you a link when you signed up. Confirm it, then come back.",
    ),
    "not_targeted": (
        "This survey is for other groups",
        "It was sent to specific groups. Your own surveys are listed on the surveys page.",
    ),
}


def answer_access(*, user, survey, has_invitation: bool, response_count: int) -> Access:
    """May this person answer now? The order matters: say the most useful reason first."""
    state = survey.window_state()
    if state != "open":
        return Access(False, state)
    if survey.max_responses and response_count >= survey.max_responses:
        return Access(False, "full")
    if has_invitation:
        return Access(True)
    if survey.access_mode == AccessMode.INVITATION:
        return Access(False, "invitation_only")
    if survey.access_mode == AccessMode.MEMBERS:
        if not user.is_authenticated:
            return Access(False, "sign_in")
        if not user_can_take_part(user):
            return Access(False, "verify_email")
        if not is_targeted_member(user, survey):
            return Access(False, "not_targeted")
    if has_answered(user, survey):
        return Access(False, "done")
    return Access(True)
