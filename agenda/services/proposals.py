"""Writes for proposals: create, moderation release, supports, comments, triage, personal data."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from forums.moderation.models import HoldCode
from portal.pagecache.cache import invalidate

from .. import permissions
from ..models import Proposal, ProposalComment, ProposalState, ProposalSupport
from ..moderation import hold_for
from .common import NotAllowed, clean_text, notify_proposal_people
from .meetings import agenda_item_add


def proposal_create(
    *, author, workgroup, title: str, body: str, stakeholder_groups=(), region=None, cfsr_terms=()
) -> Proposal:
    if workgroup.is_private and not permissions.can_view(author, workgroup):
        raise NotAllowed(_("This workgroup is private."))
    if not permissions.can_propose(author, workgroup):
        raise NotAllowed(_("Only verified members of this workgroup can propose an issue here."))
    title = clean_text(title, field="title", limit=200)
    body = clean_text(body, field="body", limit=5000)
    hold = hold_for(author=author, workgroup=workgroup, body=f"{title}\n\n{body}")
    with transaction.atomic():
        proposal = Proposal.objects.create(
            workgroup=workgroup,
            author=author,
            title=title,
            body=body,
            region=region,
            state=ProposalState.PENDING if hold else ProposalState.OPEN,
            held_reason=hold.message if hold else "",
            held_code=hold.code if hold else "",
        )
        proposal.stakeholder_groups.set(stakeholder_groups)
        proposal.cfsr_terms.set(cfsr_terms)
        _alert_if_danger(hold, what="proposal", number=proposal.pk)
        invalidate(f"proposal {proposal.pk} created")
    return proposal


def _alert_if_danger(hold, *, what: str, number: int) -> None:
    """A danger hold reaches on-call staff at once, as it does for a comment."""
    if hold is None or hold.code != HoldCode.DANGER:
        return
    from ..tasks import send_proposal_danger_alert

    review_url = settings.SITE_BASE_URL + reverse("agenda_admin_proposals")
    transaction.on_commit(
        lambda: send_proposal_danger_alert.enqueue(what=what, number=number, review_url=review_url)
    )


def proposal_release(*, by, proposal: Proposal, approve: bool) -> Proposal:
    """A moderator's decision on a held proposal."""
    if not permissions.can_review_proposals(by):
        raise NotAllowed(_("Only agency moderators can review held proposals."))
    if proposal.state != ProposalState.PENDING:
        raise ValidationError(_("This proposal is not waiting for moderation."))
    if approve:
        proposal.state = ProposalState.OPEN
        proposal.held_reason, proposal.held_code = "", ""
        proposal.save(update_fields=["state", "held_reason", "held_code"])
    else:
        proposal.state = ProposalState.DECLINED
        proposal.answer = _("Not published: it does not follow the participation guidelines.")
        proposal.answered_at = timezone.now()
        proposal.answered_by = by
        proposal.save(update_fields=["state", "answer", "answered_at", "answered_by"])
    invalidate(f"proposal {proposal.pk} released")
    return proposal


def support_add(*, user, proposal: Proposal) -> ProposalSupport:
    if proposal.author_id == user.pk:
        raise ValidationError(_("You cannot support your own proposal."))
    if proposal.state != ProposalState.OPEN:
        raise ValidationError(_("Only open proposals can be supported."))
    if not permissions.can_support(user, proposal):
        raise NotAllowed(_("Only verified members of this workgroup can support its proposals."))
    try:
        with transaction.atomic():
            support = ProposalSupport.objects.create(proposal=proposal, user=user)
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        raise ValidationError(_("You already support this proposal.")) from None
    proposal.refresh_from_db(fields=["support_count"])
    invalidate(f"proposal {proposal.pk} supported")
    return support


def support_remove(*, user, proposal: Proposal) -> None:
    with transaction.atomic():
        deleted, _rows = ProposalSupport.objects.filter(proposal=proposal, user=user).delete()
        if deleted:
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
            invalidate(f"proposal {proposal.pk} support withdrawn")


def proposal_comment(*, author, proposal: Proposal, body: str) -> ProposalComment:
    if proposal.state == ProposalState.PENDING or not permissions.can_propose(author, proposal.workgroup):
        raise NotAllowed(_("You cannot comment on this proposal."))
    body = clean_text(body, field="body", limit=3000)
    hold = hold_for(author=author, workgroup=proposal.workgroup, body=body, kind="comment")
    with transaction.atomic():
        comment = ProposalComment.objects.create(
            proposal=proposal,
            author=author,
            body=body,
            is_published=not hold,
            held_reason=hold.message if hold else "",
            held_code=hold.code if hold else "",
        )
        _alert_if_danger(hold, what="comment on a proposal", number=comment.pk)
        invalidate(f"proposal {proposal.pk} commented")
    return comment


TRIAGE_MESSAGES = {
    ProposalState.ACCEPTED: gettext_noop("Your proposal “%(title)s” was accepted by the workgroup."),
    ProposalState.MERGED: gettext_noop("The proposal “%(title)s” was merged with related work."),
    ProposalState.IN_PROGRESS: gettext_noop("The proposal “%(title)s” is already being worked on."),
    ProposalState.DECLINED: gettext_noop("The proposal “%(title)s” was answered: declined, with a reason."),
}


def proposal_triage(
    *,
    by,
    proposal: Proposal,
    state: str,
    answer: str = "",
    topic=None,
    meeting=None,
    merged_into=None,
    plan_item=None,
) -> Proposal:
    """A facilitator's public, dated answer. Accepted needs a topic or a meeting (it becomes an
    agenda item); merged needs a topic or proposal; in progress needs a plan item; declined, a reason."""
    if not permissions.can_triage(by, proposal.workgroup):
        raise NotAllowed(_("Only this workgroup's facilitators can answer its proposals."))
    if proposal.state != ProposalState.OPEN:
        raise ValidationError(_("This proposal has already been answered."))
    answer = (answer or "").strip()
    if state == ProposalState.DECLINED and not answer:
        raise ValidationError({"answer": _("Say why the proposal is declined.")})
    if state == ProposalState.ACCEPTED and not (topic or meeting):
        raise ValidationError(_("Choose the topic or the meeting it becomes part of."))
    if state == ProposalState.MERGED and not (topic or merged_into):
        raise ValidationError(_("Choose the topic or proposal it is merged into."))
    if state == ProposalState.IN_PROGRESS and not plan_item:
        raise ValidationError({"plan_item": _("Choose the plan item that already covers it.")})
    if state not in TRIAGE_MESSAGES:
        raise ValidationError(_("Choose an answer."))
    if merged_into is not None and merged_into.pk == proposal.pk:
        raise ValidationError(_("A proposal cannot be merged into itself."))
    for linked in (topic, meeting, merged_into, plan_item):
        workgroup_id = getattr(linked, "workgroup_id", None)
        if linked is not None and workgroup_id is not None and workgroup_id != proposal.workgroup_id:
            raise ValidationError(_("Link only to this workgroup's work."))
    if topic is not None and topic.get_parent().pk != proposal.workgroup_id:
        raise ValidationError(_("Link only to this workgroup's work."))
    with transaction.atomic():
        proposal.state = state
        proposal.answer = answer
        proposal.answered_at = timezone.now()
        proposal.answered_by = by
        proposal.topic = topic
        proposal.merged_into = merged_into
        proposal.plan_item = plan_item
        proposal.save()
        if meeting is not None:
            agenda_item_add(
                by=by, meeting=meeting, title=proposal.title, proposal=proposal, check_cutoff=False
            )
        invalidate(f"proposal {proposal.pk} answered")
    notify_proposal_people(
        proposal, message=TRIAGE_MESSAGES[state], params={"title": proposal.title}, step=state
    )
    return proposal


def user_data(*, user) -> dict:
    """What "download my data" lists: proposals, supports and comments on proposals."""
    return {
        "proposals": [
            {"title": p.title, "text": p.body, "state": p.state, "created": p.created_at.isoformat()}
            for p in Proposal.objects.filter(author=user)
        ],
        "supported": list(
            ProposalSupport.objects.filter(user=user).values_list("proposal__title", flat=True)
        ),
        "comments": [
            {"proposal": c.proposal.title, "text": c.body, "created": c.created_at.isoformat()}
            for c in ProposalComment.objects.filter(author=user).select_related("proposal")
        ],
    }


def user_deidentify(*, user) -> None:
    """Supports (who backed what) go, counts follow; proposals and comments stay."""
    for proposal_id in list(ProposalSupport.objects.filter(user=user).values_list("proposal_id", flat=True)):
        ProposalSupport.objects.filter(user=user, proposal_id=proposal_id).delete()
        Proposal.objects.filter(pk=proposal_id).update(support_count=F("support_count") - 1)
