"""Engagement writes: what they refuse (nothing saved), and the history and audit log they keep."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from engagement import services
from engagement.factories import PartnerFactory
from engagement.models import EngagementAction, StatusChange

pytestmark = pytest.mark.django_db


def _refused(field, **kwargs):
    with pytest.raises(services.EngagementError) as error:
        services.partner_set_status(**kwargs)
    assert error.value.field == field
    return error


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_status_change_needs_a_reason(lead, reason):
    partner = PartnerFactory()
    _refused("reason", partner=partner, status="red", reason=reason, user=lead)
    partner.refresh_from_db()
    assert partner.status == "none" and not StatusChange.objects.exists()


def test_status_change_cannot_be_dated_in_the_future(lead):
    partner = PartnerFactory()
    tomorrow = timezone.localdate() + timedelta(days=1)
    _refused("changed_on", partner=partner, status="red", reason="Why", user=lead, changed_on=tomorrow)
    assert not StatusChange.objects.exists()


def test_status_change_to_the_same_status_is_refused(lead):
    partner = PartnerFactory()
    _refused("status", partner=partner, status="none", reason="Why", user=lead)
    _refused("status", partner=partner, status="purple", reason="Why", user=lead)
    assert not StatusChange.objects.exists()


def test_status_history_and_audit_log(lead):
    partner = PartnerFactory()
    earlier = timezone.localdate() - timedelta(days=30)
    services.partner_set_status(
        partner=partner, status="yellow", reason="Rarely attends", user=lead, changed_on=earlier
    )
    services.partner_set_status(partner=partner, status="red", reason="  Meetings stopped  ", user=lead)
    partner.refresh_from_db()
    assert (partner.status, partner.status_since) == ("red", timezone.localdate())
    history = list(StatusChange.objects.filter(partner=partner).order_by("changed_at"))
    assert [(c.from_status, c.to_status, c.reason, c.changed_by) for c in history] == [
        ("none", "yellow", "Rarely attends", lead),
        ("yellow", "red", "Meetings stopped", lead),
    ]
    assert history[0].changed_on == earlier
    entries = ModelLogEntry.objects.filter(action="engagement.status", object_id=str(partner.pk)).order_by(
        "timestamp"
    )
    assert [(e.user, e.data["from"], e.data["to"], e.data["reason"]) for e in entries] == [
        (lead, "none", "yellow", "Rarely attends"),
        (lead, "yellow", "red", "Meetings stopped"),
    ]


def test_status_change_screen_keeps_typed_values_and_shows_history(client, lead):
    partner = PartnerFactory()
    client.force_login(lead)
    url = f"/admin/engagement/partners/{partner.pk}/status/"
    response = client.post(url, {"status": "red", "reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert response.context["form"]["status"].value() == "red"
    response = client.post(url, {"status": "red", "reason": "Meetings stopped."})
    assert response.status_code == 302
    response = client.get(url)
    assert "Meetings stopped." in response.content.decode()


def test_action_due_before_start_is_refused(lead):
    partner = PartnerFactory()
    today = timezone.localdate()
    with pytest.raises(services.EngagementError) as error:
        services.action_plan(
            partner=partner,
            method="meeting",
            description="Session",
            user=lead,
            starts_on=today,
            due_on=today - timedelta(days=1),
        )
    assert error.value.field == "due_on"
    with pytest.raises(services.EngagementError):
        services.action_plan(partner=partner, method="meeting", description=" ", user=lead, due_on=today)
    with pytest.raises(services.EngagementError):
        services.action_plan(
            partner=partner, method="carrier-pigeon", description="x", user=lead, due_on=today
        )
    assert not EngagementAction.objects.exists()


def test_action_plan_and_complete_are_logged(lead):
    partner = PartnerFactory()
    today = timezone.localdate()
    action = services.action_plan(
        partner=partner, method="meeting", description="Session", user=lead, starts_on=today, due_on=today
    )
    with pytest.raises(services.EngagementError):
        services.action_complete(action=action, outcome="", user=lead)
    services.action_complete(action=action, outcome="Held", user=lead)
    with pytest.raises(services.EngagementError):
        services.action_complete(action=action, outcome="Again", user=lead)
    actions = set(ModelLogEntry.objects.filter(object_id=str(partner.pk)).values_list("action", flat=True))
    assert {"engagement.action_planned", "engagement.action_done"} <= actions
