"""Who may propose, support, triage and run meetings: workgroup membership and roles (forums)."""

from forums import permissions as forum_permissions


def can_view(user, workgroup) -> bool:
    return forum_permissions.can_view_workgroup(user, workgroup)


def can_propose(user, workgroup) -> bool:
    """Verified people who may post in the workgroup (the forums take-part rule)."""
    if not (forum_permissions.user_can_take_part(user) and can_view(user, workgroup)):
        return False
    if workgroup.membership_mode == "open" and not workgroup.is_private:
        return True
    return forum_permissions.is_member(user, workgroup) or forum_permissions.is_moderator(user)


def can_support(user, proposal) -> bool:
    return (
        proposal.state == "open"
        and proposal.author_id != getattr(user, "pk", None)
        and can_propose(user, proposal.workgroup)
    )


def can_triage(user, workgroup) -> bool:
    """Facilitators of this workgroup, and the agency's moderators."""
    return forum_permissions.user_can_take_part(user) and (
        forum_permissions.is_facilitator(user, workgroup) or forum_permissions.is_moderator(user)
    )


def can_see_meeting_details(user, workgroup) -> bool:
    """Place and call details: members (and staff readers) only."""
    return forum_permissions.is_member(user, workgroup) or forum_permissions.is_staff_reader(user)


def can_propose_agenda_items(user, workgroup) -> bool:
    """Members (and facilitators) who may post there; the cut-off is the service's to say."""
    return can_propose(user, workgroup) and (
        forum_permissions.is_member(user, workgroup) or can_triage(user, workgroup)
    )


def can_propose_agenda_item(user, meeting, *, now) -> bool:
    return now <= meeting.agenda_cutoff and can_propose_agenda_items(user, meeting.workgroup)


def can_add_agenda_item(user, meeting, *, now) -> bool:
    """Facilitators add items at any time; members propose them until the cut-off."""
    return can_triage(user, meeting.workgroup) or can_propose_agenda_item(user, meeting, now=now)


def can_bring_to_agenda(user, proposal) -> bool:
    """The proposer, while still a member who may post there, brings their own proposal."""
    return proposal.author_id == getattr(user, "pk", None) and can_propose_agenda_items(
        user, proposal.workgroup
    )


def can_review_proposals(user) -> bool:
    """The staff "Proposals to review" screen."""
    return user.is_authenticated and user.has_perm("agenda.change_proposal")
