"""People who asked for agency updates hear about each new update once; nobody else does."""

import pytest
from django.core import mail

from home import factories
from portal.accounts.factories import UserFactory
from portal.notifications.models import Delivery, Notification, NotificationKind, NotificationPreference
from portal.notifications.services import delivery_for


def _subscribe(user, delivery):
    NotificationPreference.objects.create(user=user, kind=NotificationKind.NEW_UPDATE, delivery=delivery)


@pytest.mark.django_db
def test_publishing_an_update_notifies_subscribers_once(update_index, django_capture_on_commit_callbacks):
    straight_away, daily, not_subscribed = UserFactory(), UserFactory(), UserFactory()
    _subscribe(straight_away, Delivery.IMMEDIATELY)
    _subscribe(daily, Delivery.DAILY)

    update = factories.UpdatePageFactory(parent=update_index, title="Evening meetings", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        update.save_revision().publish()  # an edit republished: nobody is told again

    told = Notification.objects.filter(kind=NotificationKind.NEW_UPDATE)
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted([straight_away.pk, daily.pk])
    assert told.first().text == "New update: Evening meetings"
    assert [m.to for m in mail.outbox] == [[straight_away.email]]  # the daily one waits for the digest
    assert update.url in mail.outbox[0].body
    assert not Notification.objects.filter(recipient=not_subscribed).exists()


@pytest.mark.django_db
def test_agency_updates_are_opt_in():
    assert delivery_for(user=UserFactory(), kind=NotificationKind.NEW_UPDATE) == Delivery.OFF
    assert delivery_for(user=UserFactory(), kind=NotificationKind.REPLY) == Delivery.IMMEDIATELY


@pytest.mark.django_db
def test_other_pages_notify_nobody(home_page, django_capture_on_commit_callbacks):
    _subscribe(UserFactory(), Delivery.IMMEDIATELY)
    page = factories.StandardPageFactory(parent=home_page, slug="about", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not Notification.objects.exists()
