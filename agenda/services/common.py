"""What every agenda write shares: its domain error, text cleaning and telling a proposal's people."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.notifications.models import NotificationKind
from portal.notifications.services import notify


class NotAllowed(Exception):
    pass


def clean_text(text: str, *, field: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > limit:
        raise ValidationError({field: _("Keep it under %(n)d characters.") % {"n": limit}})
    return text


def proposal_url(proposal) -> str:
    return f"/agenda/-/proposals/{proposal.pk}/"


def notify_proposal_people(proposal, *, text: str, step: str, exclude=None) -> int:
    """Tell the proposer and every supporter once about `step` (the dedupe key makes a repeated
    event, such as a republish, tell nobody twice)."""
    recipients = set(proposal.supports.values_list("user_id", flat=True))
    if proposal.author_id:
        recipients.add(proposal.author_id)
    recipients.discard(getattr(exclude, "pk", None))
    sent = 0
    for person in get_user_model().objects.filter(pk__in=recipients):
        if notify(
            recipient=person,
            kind=NotificationKind.PROPOSAL_UPDATE,
            text=text,
            url=proposal_url(proposal),
            dedupe_key=f"proposal-{proposal.pk}-{step}",
        ):
            sent += 1
    return sent
