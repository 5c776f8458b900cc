"""Every engagement write: keyword-only, atomic, refusing bad input with EngagementError."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import EngagementAction, Partner, StatusChange
from .vocabulary import Method, Status


class EngagementError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@transaction.atomic
def partner_set_status(
    *, partner: Partner, status: str, reason: str, user, changed_on: date | None = None
) -> StatusChange:
    """Set a partner's relationship status; the change, its reason and who made it are kept."""
    reason = (reason or "").strip()
    if status not in Status.values:
        raise EngagementError(_("Choose green, yellow, red or no dot."), "status")
    if not reason:
        raise EngagementError(_("Say why the status changes: the reason is kept in the history."), "reason")
    changed_on = changed_on or timezone.localdate()
    if changed_on > timezone.localdate():
        raise EngagementError(_("The date of a status change cannot be in the future."), "changed_on")
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    if partner.status == status:
        raise EngagementError(_("The partner already has this status."), "status")
    change = StatusChange.objects.create(
        partner=partner,
        from_status=partner.status,
        to_status=status,
        reason=reason,
        changed_on=changed_on,
        changed_by=user,
    )
    partner.status, partner.status_since = status, changed_on
    partner.save(update_fields=["status", "status_since"])
    log(
        instance=partner,
        action="engagement.status",
        user=user,
        data={"from": change.from_status, "to": status, "reason": reason, "on": changed_on.isoformat()},
    )
    return change


@transaction.atomic
def action_plan(
    *,
    partner: Partner,
    method: str,
    description: str,
    due_on: date,
    user,
    phase: str = "",
    owner=None,
    starts_on: date | None = None,
) -> EngagementAction:
    if method not in Method.values:
        raise EngagementError(_("Choose how the partner will be engaged."), "method")
    if not (description or "").strip():
        raise EngagementError(_("Say what will be done."), "description")
    if starts_on and due_on < starts_on:
        raise EngagementError(_("The due date cannot be before the start date."), "due_on")
    action = EngagementAction.objects.create(
        partner=partner,
        method=method,
        description=description.strip(),
        phase=phase,
        owner=owner,
        starts_on=starts_on,
        due_on=due_on,
    )
    log(instance=partner, action="engagement.action_planned", user=user, data={"action": action.description})
    return action


@transaction.atomic
def action_complete(
    *, action: EngagementAction, outcome: str, user, done_on: date | None = None
) -> EngagementAction:
    action = EngagementAction.objects.select_for_update().get(pk=action.pk)
    if action.done_on:
        raise EngagementError(_("This action is already marked done."))
    if not (outcome or "").strip():
        raise EngagementError(_("Say what came of it."), "outcome")
    action.done_on, action.outcome = done_on or timezone.localdate(), outcome.strip()
    action.save(update_fields=["done_on", "outcome"])
    log(
        instance=action.partner,
        action="engagement.action_done",
        user=user,
        data={"action": action.description},
    )
    return action
