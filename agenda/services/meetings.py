"""Writes for meetings: the agenda (members propose, facilitators decide and order), minutes
published through the Agency review workflow, reminders."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal.i18n.dates import plain_datetime
from portal.notifications.messages import moment
from portal.notifications.models import NotificationKind
from portal.pagecache.cache import invalidate

from .. import permissions
from ..models import AGENDA_READY_STATES, AgendaItem, AgendaItemStatus, MeetingPage
from .common import NotAllowed, clean_text, notify_proposal_people, tell


def meeting_url(meeting) -> str:
    return meeting.url or ""


def _next_position(meeting) -> int:
    last = meeting.agenda_items.filter(status=AgendaItemStatus.ON_AGENDA).aggregate(n=Max("sort_order"))["n"]
    return (last or 0) + 10


def _check_proposal(*, by, meeting, proposal, is_facilitator: bool) -> None:
    if proposal.workgroup_id != meeting.workgroup_id:
        raise ValidationError(_("Link only to this workgroup's work."))
    if not is_facilitator and proposal.author_id != by.pk:
        raise NotAllowed(_("Members can put only their own proposals on the agenda."))
    if proposal.state not in AGENDA_READY_STATES:
        raise ValidationError(_("This proposal cannot go on an agenda."))


def agenda_item_add(
    *, by, meeting: MeetingPage, title: str = "", proposal=None, check_cutoff: bool = True
) -> AgendaItem:
    """Facilitators put an item straight on the agenda. Members propose one (a new item or their
    own proposal) until the cut-off; a facilitator then accepts or declines it."""
    is_facilitator = permissions.can_triage(by, meeting.workgroup)
    if not is_facilitator:
        if not permissions.can_propose_agenda_items(by, meeting.workgroup):
            raise NotAllowed(_("Only members of this workgroup can propose agenda items."))
        if check_cutoff and timezone.now() > meeting.agenda_cutoff:
            raise ValidationError(
                _("The agenda closed on %(date)s.") % {"date": plain_datetime(meeting.agenda_cutoff)}
            )
    if proposal is not None:
        _check_proposal(by=by, meeting=meeting, proposal=proposal, is_facilitator=is_facilitator)
        title = title or proposal.title
        waiting = meeting.agenda_items.filter(proposal=proposal, status=AgendaItemStatus.PROPOSED).first()
        if waiting is not None and is_facilitator:
            return agenda_item_accept(by=by, item=waiting)
    title = clean_text(title, field="title", limit=200)
    try:
        with transaction.atomic():
            item = AgendaItem.objects.create(
                meeting=meeting,
                title=title,
                proposal=proposal,
                proposed_by=by,
                status=AgendaItemStatus.ON_AGENDA if is_facilitator else AgendaItemStatus.PROPOSED,
                sort_order=_next_position(meeting) if is_facilitator else 0,
            )
    except IntegrityError:
        raise ValidationError(_("This proposal is already on this meeting's agenda.")) from None
    invalidate(f"meeting {meeting.pk} agenda item added")
    if not is_facilitator:
        _tell_facilitators(item)
    return item


def _tell_facilitators(item: AgendaItem) -> None:
    meeting = item.meeting
    for membership in meeting.workgroup.memberships.filter(
        status="active", role="facilitator"
    ).select_related("user"):
        tell(
            recipient=membership.user,
            kind=NotificationKind.MEETING,
            message=gettext_noop("A member proposed “%(item)s” for the agenda of “%(meeting)s”."),
            params={"item": item.title, "meeting": meeting.title},
            url=meeting_url(meeting),
            dedupe_key=f"agenda-item-{item.pk}-proposed",
        )


def _decide(*, by, item: AgendaItem, status: str, reason: str = "") -> AgendaItem:
    if not permissions.can_triage(by, item.meeting.workgroup):
        raise NotAllowed(_("Only this workgroup's facilitators decide on agenda items."))
    with transaction.atomic():
        locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
        if locked.status != AgendaItemStatus.PROPOSED:
            raise ValidationError(_("This agenda item was already decided."))
        locked.status = status
        locked.decline_reason = reason
        locked.decided_at = timezone.now()
        locked.decided_by = by
        if status == AgendaItemStatus.ON_AGENDA:
            locked.sort_order = _next_position(item.meeting)
        locked.save()
    invalidate(f"meeting {item.meeting_id} agenda item decided")
    return locked


def agenda_item_accept(*, by, item: AgendaItem) -> AgendaItem:
    item = _decide(by=by, item=item, status=AgendaItemStatus.ON_AGENDA)
    _tell_proposer(
        item,
        message=gettext_noop("“%(item)s” is on the agenda of “%(meeting)s”."),
        params={"item": item.title, "meeting": item.meeting.title},
        step="accepted",
    )
    return item


def agenda_item_decline(*, by, item: AgendaItem, reason: str) -> AgendaItem:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the item is not taken on the agenda.")})
    item = _decide(by=by, item=item, status=AgendaItemStatus.DECLINED, reason=reason[:2000])
    _tell_proposer(
        item,
        message=gettext_noop("“%(item)s” was not taken on the agenda of “%(meeting)s”: %(reason)s"),
        params={"item": item.title, "meeting": item.meeting.title, "reason": item.decline_reason},
        step="declined",
    )
    return item


def _tell_proposer(item: AgendaItem, *, message: str, params: dict, step: str) -> None:
    """An item from a proposal concerns its supporters too; a new item only the member who asked."""
    if item.proposal_id:
        notify_proposal_people(
            item.proposal,
            message=message,
            params=params,
            step=f"agenda-{item.pk}-{step}",
            exclude=item.decided_by,
        )
    elif item.proposed_by_id and item.proposed_by_id != item.decided_by_id:
        tell(
            recipient=item.proposed_by,
            kind=NotificationKind.MEETING,
            message=message,
            params=params,
            url=meeting_url(item.meeting),
            dedupe_key=f"agenda-item-{item.pk}-{step}",
        )


def agenda_reorder(*, by, meeting: MeetingPage, item_ids: list[int]) -> None:
    """The facilitator's order of the items on the agenda (proposed ones are not ordered yet)."""
    if not permissions.can_triage(by, meeting.workgroup):
        raise NotAllowed(_("Only the facilitators order the agenda."))
    with transaction.atomic():
        items = {
            item.pk: item
            for item in meeting.agenda_items.select_for_update().filter(status=AgendaItemStatus.ON_AGENDA)
        }
        if len(item_ids) != len(items) or set(item_ids) != set(items):
            raise ValidationError(_("The agenda changed meanwhile; reload and try again."))
        for position, pk in enumerate(item_ids, start=1):
            items[pk].sort_order = position * 10
        AgendaItem.objects.bulk_update(items.values(), ["sort_order"])
    invalidate(f"meeting {meeting.pk} agenda reordered")


def agenda_item_move(*, by, meeting: MeetingPage, item_id: int, direction: str) -> None:
    """One place up or down: the keyboard and no-JavaScript way to order the agenda."""
    ids = list(
        meeting.agenda_items.filter(status=AgendaItemStatus.ON_AGENDA)
        .order_by("sort_order", "pk")
        .values_list("pk", flat=True)
    )
    if item_id not in ids or direction not in ("up", "down"):
        raise ValidationError(_("The agenda changed meanwhile; reload and try again."))
    at = ids.index(item_id)
    to = at - 1 if direction == "up" else at + 1
    if 0 <= to < len(ids):
        ids[at], ids[to] = ids[to], ids[at]
    agenda_reorder(by=by, meeting=meeting, item_ids=ids)


def minutes_published_effects(*, meeting: MeetingPage) -> int:
    """Once the Agency review workflow publishes minutes: members, and the people behind the
    proposals on the agenda, are told once."""
    if not meeting.minutes or meeting.minutes_notified_at is not None:
        return 0
    sent = 0
    for membership in meeting.workgroup.memberships.filter(status="active").select_related("user"):
        if tell(
            recipient=membership.user,
            kind=NotificationKind.MEETING,
            message=gettext_noop("The minutes of “%(title)s” are published."),
            params={"title": meeting.title},
            url=meeting_url(meeting),
            dedupe_key=f"meeting-{meeting.pk}-minutes",
        ):
            sent += 1
    on_agenda = meeting.agenda_items.filter(status=AgendaItemStatus.ON_AGENDA).exclude(proposal=None)
    for item in on_agenda.select_related("proposal"):
        sent += notify_proposal_people(
            item.proposal,
            message=gettext_noop("The minutes of the meeting that discussed “%(title)s” are published."),
            params={"title": item.proposal.title},
            step=f"minutes-{meeting.pk}",
        )
    MeetingPage.objects.filter(pk=meeting.pk).update(minutes_notified_at=timezone.now())
    return sent


def meetings_remind(*, now, within) -> int:
    """Tell members of meetings starting within `within` (once per meeting)."""
    sent = 0
    due = MeetingPage.objects.live().filter(reminded_at=None, starts_at__gt=now, starts_at__lte=now + within)
    for meeting in due:
        for membership in meeting.workgroup.memberships.filter(status="active").select_related("user"):
            if tell(
                recipient=membership.user,
                kind=NotificationKind.MEETING,
                message=gettext_noop("Reminder: “%(title)s” on %(date)s."),
                params={
                    "title": meeting.title,
                    "date": moment(meeting.starts_at),
                },
                url=meeting_url(meeting),
                dedupe_key=f"meeting-{meeting.pk}-reminder",
            ):
                sent += 1
        MeetingPage.objects.filter(pk=meeting.pk).update(reminded_at=now)
    return sent
