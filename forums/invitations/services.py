"""Writes for workgroup invitations: invite, resend, revoke, accept. Views and admin call these."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from forums import permissions
from forums.models import InvitationState, MembershipStatus, WorkgroupInvitation, WorkgroupMembership
from forums.services import ForumsError, NotAllowed, membership_accept_invitation
from portal.tokens import new_token, token_hash

from .emails import invitation_email_send

VALID_FOR = timedelta(days=14)
MAX_ADDRESSES = 50


class InvitationRefused(ForumsError):
    """One message per address that cannot be invited; nothing was saved."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


class InvitationUnusable(ForumsError):
    """The link cannot be used: `state` says why (unknown, expired, accepted, revoked)."""

    def __init__(self, state: str, message: str):
        self.state = state
        super().__init__(message)


class InvitationForAnother(ForumsError):
    pass


class EmailNotVerified(ForumsError):
    pass


@dataclass(frozen=True)
class Issued:
    invitation: WorkgroupInvitation
    token: str


def addresses_parse(text: str) -> list[str]:
    """Split what was typed (commas, semicolons, spaces, new lines) into lower-case addresses."""
    seen, result = set(), []
    for part in (text or "").replace(",", " ").replace(";", " ").split():
        address = part.strip().strip("<>").lower()
        if address and address not in seen:
            seen.add(address)
            result.append(address)
    return result


def account_for_email(email: str):
    """The active account whose verified (or primary) address this is, if any."""
    address = EmailAddress.objects.filter(email__iexact=email, user__is_active=True).select_related("user")
    match = address.order_by("-verified").first()
    if match is not None:
        return match.user
    return get_user_model().objects.filter(email__iexact=email, is_active=True).first()


def _member_addresses(*, workgroup, emails: list[str]) -> set[str]:
    """Which of `emails` (lower case) belong to an active member of `workgroup`: two queries."""
    member_ids = WorkgroupMembership.objects.filter(
        workgroup=workgroup, status=MembershipStatus.ACTIVE, user__is_active=True
    ).values("user_id")
    found = set()
    for rows in (
        EmailAddress.objects.filter(user_id__in=member_ids),
        get_user_model().objects.filter(pk__in=member_ids),
    ):
        found.update(
            rows.annotate(address=Lower("email")).filter(address__in=emails).values_list("address", flat=True)
        )
    return found


def _problems(*, workgroup, emails: list[str]) -> list[str]:
    problems = []
    if not emails:
        return [_("Enter at least one e-mail address.")]
    if len(emails) > MAX_ADDRESSES:
        return [_("Invite at most %(count)s people at a time.") % {"count": MAX_ADDRESSES}]
    open_now = set(
        WorkgroupInvitation.objects.pending()
        .filter(workgroup=workgroup, email__in=emails)
        .values_list("email", flat=True)
    )
    members = _member_addresses(workgroup=workgroup, emails=emails)
    for email in emails:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("“%(email)s” is not an e-mail address.") % {"email": email})
            continue
        if email in members:
            problems.append(_("%(email)s is already a member.") % {"email": email})
        elif email in open_now:
            problems.append(
                _("%(email)s is already invited: resend that invitation from the list instead.")
                % {"email": email}
            )
    return problems


def _send(*, invitation: WorkgroupInvitation, token: str) -> None:
    person = account_for_email(invitation.email)
    transaction.on_commit(lambda: invitation_email_send(invitation=invitation, token=token, person=person))


@transaction.atomic
def invitations_create(
    *, by, workgroup, emails: list[str], message: str = "", language: str = ""
) -> list[Issued]:
    """Invite every address, or none: an invalid address, a member or an open invitation refuses
    the whole list with one message per address. An expired invitation is renewed."""
    if not permissions.can_invite(by, workgroup):
        raise NotAllowed(_("Only this workgroup's facilitators can invite people to it."))
    emails = [e.strip().lower() for e in emails if e.strip()]
    problems = _problems(workgroup=workgroup, emails=emails)
    if problems:
        raise InvitationRefused(problems)
    message = (message or "").strip()[:1000]
    now = timezone.now()
    issued = []
    for email in emails:
        token, digest = new_token()
        invitation = (
            WorkgroupInvitation.objects.select_for_update()
            .undecided()
            .filter(workgroup=workgroup, email=email)
            .first()
        )
        if invitation is None:
            invitation = WorkgroupInvitation(workgroup=workgroup, email=email, send_count=0)
        invitation.token_hash, invitation.message, invitation.language = digest, message, language
        invitation.invited_by, invitation.sent_at, invitation.expires_at = by, now, now + VALID_FOR
        invitation.send_count += 1
        invitation.save()
        log(instance=invitation, action="forums.invitation_send", user=by, data={"email": email})
        _send(invitation=invitation, token=token)
        issued.append(Issued(invitation=invitation, token=token))
    return issued


def _locked(invitation: WorkgroupInvitation) -> WorkgroupInvitation:
    return WorkgroupInvitation.objects.select_for_update().select_related("workgroup").get(pk=invitation.pk)


@transaction.atomic
def invitation_resend(*, by, invitation: WorkgroupInvitation) -> Issued:
    """A new link (the old one stops working) and a new expiry, e-mailed again."""
    invitation = _locked(invitation)
    if not permissions.can_invite(by, invitation.workgroup):
        raise NotAllowed(_("Only this workgroup's facilitators can invite people to it."))
    if invitation.state() not in (InvitationState.OPEN, InvitationState.EXPIRED):
        raise ForumsError(_("This invitation was already accepted or revoked."))
    token, invitation.token_hash = new_token()
    now = timezone.now()
    invitation.sent_at, invitation.expires_at = now, now + VALID_FOR
    invitation.send_count += 1
    invitation.invited_by = invitation.invited_by or by
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at", "send_count", "invited_by"])
    log(instance=invitation, action="forums.invitation_resend", user=by, data={"email": invitation.email})
    _send(invitation=invitation, token=token)
    return Issued(invitation=invitation, token=token)


@transaction.atomic
def invitation_revoke(*, by, invitation: WorkgroupInvitation) -> WorkgroupInvitation:
    invitation = _locked(invitation)
    if not permissions.can_invite(by, invitation.workgroup):
        raise NotAllowed(_("Only this workgroup's facilitators can invite people to it."))
    if invitation.accepted_at or invitation.revoked_at:
        raise ForumsError(_("This invitation was already accepted or revoked."))
    invitation.revoked_at, invitation.revoked_by = timezone.now(), by
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    log(instance=invitation, action="forums.invitation_revoke", user=by, data={"email": invitation.email})
    return invitation


def invitation_lookup(*, token: str) -> WorkgroupInvitation | None:
    if not token:
        return None
    return (
        WorkgroupInvitation.objects.select_related("workgroup", "invited_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


UNUSABLE = {
    "unknown": lambda: _("This invitation link is not valid. Ask the workgroup's facilitator for a new one."),
    InvitationState.EXPIRED: lambda: _(
        "This invitation has expired. Ask the workgroup's facilitator to send it again."
    ),
    InvitationState.ACCEPTED: lambda: _("This invitation was already used."),
    InvitationState.REVOKED: lambda: _("This invitation was withdrawn by the workgroup's facilitators."),
}


def invitation_check(*, user, invitation: WorkgroupInvitation | None) -> None:
    """Raise why `user` cannot accept now; return quietly when they can."""
    state = "unknown" if invitation is None else invitation.state()
    if state != InvitationState.OPEN:
        raise InvitationUnusable(state, UNUSABLE[state]())
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in or create an account to accept the invitation."))
    addresses = EmailAddress.objects.filter(user=user, email__iexact=invitation.email)
    if not addresses.exists() and user.email.lower() != invitation.email:
        raise InvitationForAnother(_("This invitation was sent to another e-mail address."))
    if not addresses.filter(verified=True).exists():
        raise EmailNotVerified(_("Confirm your e-mail address first, then open the invitation again."))


@transaction.atomic
def invitation_accept(*, user, token: str) -> WorkgroupMembership:
    """The addressee, signed in with that verified address, joins the workgroup."""
    invitation = invitation_lookup(token=token)
    if invitation is not None:
        invitation = _locked(invitation)
    invitation_check(user=user, invitation=invitation)
    membership = membership_accept_invitation(
        user=user, workgroup=invitation.workgroup, invited_by=invitation.invited_by
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log(instance=invitation, action="forums.invitation_accept", user=user, data={"email": invitation.email})
    from portal.pagecache.cache import invalidate

    invalidate(f"workgroup {invitation.workgroup_id} membership")
    return membership
