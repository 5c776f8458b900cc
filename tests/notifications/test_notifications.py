import pytest
from django.core import mail
from django.core.management import call_command

from portal.notifications.emails import unsubscribe_token
from portal.notifications.models import Delivery, Notification, NotificationKind, NotificationPreference
from portal.notifications.services import notify, preference_set

pytestmark = pytest.mark.django_db


def _notify(user, kind=NotificationKind.REPLY, key=""):
    return notify(recipient=user, kind=kind, text="Someone replied", url="/x/", dedupe_key=key)


def test_notify_records_and_mails_with_unsubscribe_headers(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user)
    assert Notification.objects.filter(recipient=user).count() == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url in message.body
    assert Notification.objects.get().emailed_at is not None


def test_dedupe_key_notifies_once(user):
    assert _notify(user, key="event-1") is not None
    assert _notify(user, key="event-1") is None
    assert Notification.objects.count() == 1


def test_preference_off_records_without_mail(user, django_capture_on_commit_callbacks):
    preference_set(user=user, kind=NotificationKind.REPLY, delivery=Delivery.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user)
    assert Notification.objects.count() == 1 and not mail.outbox


def test_daily_digest_sends_one_mail(user, django_capture_on_commit_callbacks):
    preference_set(user=user, kind=NotificationKind.REPLY, delivery=Delivery.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, key="a")
        _notify(user, key="b")
    assert not mail.outbox
    call_command("send_digests")
    assert len(mail.outbox) == 1 and mail.outbox[0].body.count("Someone replied") == 2
    call_command("send_digests")
    assert len(mail.outbox) == 1


def test_one_click_unsubscribe(client, user):
    token = unsubscribe_token(user=user, kind=NotificationKind.REPLY)
    url = f"/notifications/unsubscribe/{token}/"
    assert "Yes, unsubscribe" in client.get(url).content.decode()
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=user, kind=NotificationKind.REPLY).delivery == Delivery.OFF


def test_forged_unsubscribe_token_is_404(client, user):
    token = unsubscribe_token(user=user, kind=NotificationKind.REPLY)
    assert client.post(f"/notifications/unsubscribe/{token[:-2]}xx/").status_code == 404


def test_list_and_mark_read(client, user, make_staff):
    _notify(user)
    other = make_staff()
    notify(recipient=other, kind=NotificationKind.REPLY, text="Private to other", url="")
    client.force_login(user)
    html = client.get("/notifications/").content.decode()
    assert "Someone replied" in html and "Private to other" not in html
    client.post("/notifications/read/")
    assert not Notification.objects.filter(recipient=user, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=other, read_at__isnull=True).exists()


def test_preferences_form_saves(client, user):
    client.force_login(user)
    data = dict.fromkeys(NotificationKind.values, Delivery.DAILY)
    client.post("/notifications/settings/", data)
    assert NotificationPreference.objects.filter(user=user, delivery=Delivery.DAILY).count() == len(data)


def test_pages_need_login(client):
    for url in ("/notifications/", "/notifications/settings/"):
        assert client.get(url).status_code == 302


def test_header_link_and_deidentify_hooks(rf, user):
    from portal.extension_points import collect_header_links, run_user_deidentify

    _notify(user)
    request = rf.get("/")
    request.user = user
    link = next(link for link in collect_header_links(request) if link.label == "Notifications")
    assert link.badge == 1
    run_user_deidentify(user)
    assert not Notification.objects.filter(recipient=user).exists()


def test_my_portal_counts_unread_once_for_badge_and_panel(client, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    _notify(user, key="a")
    _notify(user, key="b")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("accounts:my_portal")).content.decode()
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "notification" in q["sql"]]
    assert len(counts) == 1, counts
    assert "2 new" in html and "2 unread" in html
