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


def tell(*, recipient, kind: str, message: str, params: dict, url: str, dedupe_key: str):
    """Every agenda notification goes through here. `message` is an English message id marked
    with gettext_noop and `params` its values: portal.notifications stores both, so each reader
    gets the sentence in their own language."""
    return notify(
        recipient=recipient, kind=kind, message=message, params=params, url=url, dedupe_key=dedupe_key
    )


def notify_proposal_people(proposal, *, message: str, params: dict, step: str, exclude=None) -> int:
    """Tell the proposer and every supporter once about `step` (the dedupe key makes a repeated
    event, such as a republish, tell nobody twice)."""
    recipients = set(proposal.supports.values_list("user_id", flat=True))
    if proposal.author_id:
        recipients.add(proposal.author_id)
    recipients.discard(getattr(exclude, "pk", None))
    sent = 0
    for person in get_user_model().objects.filter(pk__in=recipients):
        if tell(
            recipient=person,
            kind=NotificationKind.PROPOSAL_UPDATE,
            message=message,
            params=params,
            url=proposal_url(proposal),
            dedupe_key=f"proposal-{proposal.pk}-{step}",
        ):
            sent += 1
    return sent
