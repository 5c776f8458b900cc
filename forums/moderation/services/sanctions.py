"""Account limits (silence, suspend): added and lifted by moderators, logged."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..models import Sanction, SanctionKind
from .reviews import IllegalTransition, ModerationError, NotAllowed, _log


def sanction_active(*, user, kind: str | None = None) -> Sanction | None:
    if not user.is_authenticated:
        return None
    queryset = Sanction.objects.active().filter(user=user)
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-kind").first()


@transaction.atomic
def sanction_add(*, by, user, kind: str, reason: str, days: int | None = None) -> Sanction:
    if not permissions.can_sanction(by):
        raise NotAllowed("Only moderators can limit an account.")
    if kind not in SanctionKind.values:
        raise ModerationError("Choose silence or suspend.")
    if not (reason or "").strip():
        raise ModerationError("Give the reason: the person is shown it.")
    if days is not None and days < 1:
        raise ModerationError("Choose at least one day, or leave the length empty for until lifted.")
    if user.pk == by.pk:
        raise ModerationError("You cannot limit your own account.")
    now = timezone.now()
    sanction = Sanction.objects.create(
        user=user,
        kind=kind,
        reason=reason.strip(),
        starts_at=now,
        ends_at=now + timedelta(days=days) if days else None,
        created_by=by,
    )
    _log(
        instance=sanction,
        action="sanction",
        user=by,
        data={"user": user.pk, "kind": kind, "reason": sanction.reason, "days": days},
    )
    return sanction


@transaction.atomic
def sanction_lift(*, by, sanction: Sanction, note: str = "") -> Sanction:
    if not permissions.can_sanction(by):
        raise NotAllowed("Only moderators can lift a limit.")
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.lifted_at is not None:
        raise IllegalTransition("This limit was already lifted.")
    sanction.lifted_at = timezone.now()
    sanction.lifted_by = by
    sanction.lift_note = (note or "").strip()
    sanction.save(update_fields=["lifted_at", "lifted_by", "lift_note"])
    _log(instance=sanction, action="sanction_lift", user=by, data={"user": sanction.user_id, "note": note})
    return sanction
