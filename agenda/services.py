"""Writes for proposals, supports, triage and meetings. Views call these; nothing else writes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from forums.moderation.models import HoldCode
from portal.notifications.messages import moment
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify
from portal.pagecache.cache import invalidate

from . import permissions
from .models import AgendaItem, MeetingPage, Proposal, ProposalComment, ProposalState, ProposalSupport
from .moderation import hold_for


class NotAllowed(Exception):
    pass


def _clean(text: str, *, field: str, limit: int) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: _("This field cannot be empty.")})
    if len(text) > limit:
        raise ValidationError({field: _("Keep it under %(n)d characters.") % {"n": limit}})
    return text


def proposal_url(proposal) -> str:
    return f"/agenda/-/proposals/{proposal.pk}/"


def _notify_people(proposal, *, message: str, params: dict, step: str, exclude=None) -> int:
    recipients = set(proposal.supports.values_list("user_id", flat=True))
    if proposal.author_id:
        recipients.add(proposal.author_id)
    recipients.discard(getattr(exclude, "pk", None))
    from django.contrib.auth import get_user_model

    sent = 0
    for person in get_user_model().objects.filter(pk__in=recipients):
        if notify(
            recipient=person,
            kind=NotificationKind.PROPOSAL_UPDATE,
            message=message,
            params=params,
            url=proposal_url(proposal),
            dedupe_key=f"proposal-{proposal.pk}-{step}",
        ):
            sent += 1
    return sent


def proposal_create(
    *, author, workgroup, title: str, body: str, stakeholder_groups=(), region=None, cfsr_terms=()
) -> Proposal:
    if workgroup.is_private and not permissions.can_view(author, workgroup):
        raise NotAllowed(_("This workgroup is private."))
    if not permissions.can_propose(author, workgroup):
        raise NotAllowed(_("Only verified members of this workgroup can propose an issue here."))
    title = _clean(title, field="title", limit=200)
    body = _clean(body, field="body", limit=5000)
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
    from .tasks import send_proposal_danger_alert

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
        proposal.held_reason = ""
        proposal.save(update_fields=["state", "held_reason"])
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
    body = _clean(body, field="body", limit=3000)
    hold = hold_for(author=author, workgroup=proposal.workgroup, body=body, kind="comment")
    with transaction.atomic():
        comment = ProposalComment.objects.create(
            proposal=proposal,
            author=author,
            body=body,
            is_published=not hold,
            held_reason=hold.message if hold else "",
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
    _notify_people(proposal, message=TRIAGE_MESSAGES[state], params={"title": proposal.title}, step=state)
    return proposal


def agenda_item_add(
    *, by, meeting: MeetingPage, title: str, proposal=None, check_cutoff: bool = True
) -> AgendaItem:
    is_facilitator = permissions.can_triage(by, meeting.workgroup)
    if not is_facilitator:
        if check_cutoff and timezone.now() > meeting.agenda_cutoff:
            raise ValidationError(
                _("The agenda closed on %(date)s.") % {"date": meeting.agenda_cutoff.date()}
            )
        if not permissions.can_propose_agenda_item(by, meeting, now=timezone.now()):
            raise NotAllowed(_("Only members can propose agenda items."))
        if proposal is not None and proposal.author_id != by.pk:
            raise NotAllowed(_("Members can put only their own proposals on the agenda."))
    title = _clean(title, field="title", limit=200)
    last = meeting.agenda_items.order_by("-sort_order").values_list("sort_order", flat=True).first() or 0
    item = AgendaItem.objects.create(
        meeting=meeting, title=title, proposal=proposal, proposed_by=by, sort_order=last + 10
    )
    invalidate(f"meeting {meeting.pk} agenda item added")
    return item


def agenda_reorder(*, by, meeting: MeetingPage, item_ids: list[int]) -> None:
    if not permissions.can_triage(by, meeting.workgroup):
        raise NotAllowed(_("Only the facilitators order the agenda."))
    items = {item.pk: item for item in meeting.agenda_items.all()}
    if set(item_ids) != set(items):
        raise ValidationError(_("The agenda changed meanwhile; reload and try again."))
    for position, pk in enumerate(item_ids, start=1):
        items[pk].sort_order = position * 10
    AgendaItem.objects.bulk_update(items.values(), ["sort_order"])
    invalidate(f"meeting {meeting.pk} agenda reordered")


def minutes_published_effects(*, meeting: MeetingPage) -> int:
    """Once the Agency review workflow publishes minutes: members, and the people behind the
    proposals on the agenda, are told once."""
    if not meeting.minutes or meeting.minutes_notified_at is not None:
        return 0
    sent = 0
    workgroup = meeting.workgroup
    for membership in workgroup.memberships.filter(status="active").select_related("user"):
        if notify(
            recipient=membership.user,
            kind=NotificationKind.MEETING,
            message=gettext_noop("The minutes of “%(title)s” are published."),
            params={"title": meeting.title},
            url=meeting_url(meeting),
            dedupe_key=f"meeting-{meeting.pk}-minutes",
        ):
            sent += 1
    for item in meeting.agenda_items.exclude(proposal=None).select_related("proposal"):
        sent += _notify_people(
            item.proposal,
            message=gettext_noop("The minutes of the meeting that discussed “%(title)s” are published."),
            params={"title": item.proposal.title},
            step=f"minutes-{meeting.pk}",
        )
    MeetingPage.objects.filter(pk=meeting.pk).update(minutes_notified_at=timezone.now())
    return sent


def meeting_url(meeting) -> str:
    return meeting.url or ""


def meetings_remind(*, now, within) -> int:
    """Tell members of meetings starting within `within` (once per meeting)."""
    sent = 0
    due = MeetingPage.objects.live().filter(reminded_at=None, starts_at__gt=now, starts_at__lte=now + within)
    for meeting in due:
        for membership in meeting.workgroup.memberships.filter(status="active").select_related("user"):
            if notify(
                recipient=membership.user,
                kind=NotificationKind.MEETING,
                message=gettext_noop("Reminder: “%(title)s” on %(date)s."),
                params={"title": meeting.title, "date": moment(meeting.starts_at)},
                url=meeting_url(meeting),
                dedupe_key=f"meeting-{meeting.pk}-reminder",
            ):
                sent += 1
        MeetingPage.objects.filter(pk=meeting.pk).update(reminded_at=now)
    return sent


def topic_feedback_effects(*, topic) -> int:
    """The loop closes: people behind proposals that became `topic` hear its "what we did"."""
    sent = 0
    for proposal in Proposal.objects.filter(topic=topic, state=ProposalState.ACCEPTED):
        sent += _notify_people(
            proposal,
            message=gettext_noop("The agency published what it did about “%(title)s”."),
            params={"title": proposal.title},
            step=f"feedback-{topic.pk}",
        )
    return sent


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
