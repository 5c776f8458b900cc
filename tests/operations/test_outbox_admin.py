"""The mail outbox screen in the Wagtail admin: who sees it, who may retry, what retry does."""

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.operations.models import OutboxMessage

pytestmark = pytest.mark.django_db
URL = "/admin/outbox/"
RETRY = "/admin/outbox/retry/"


def sign_in(client, person):
    """Staff reach the admin with a second factor and the admin access permission."""
    from django.contrib.auth.models import Permission

    from portal.accounts.mfa import totp_activate

    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    totp_activate(user=person, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(person)
    return person


def message(status, subject, **kwargs):
    return OutboxMessage.objects.create(
        subject=subject,
        recipients=["member@example.org"],
        payload=b"",
        status=status,
        next_attempt_at=timezone.now(),
        **kwargs,
    )


@pytest.fixture
def rows():
    return {
        "failed": message(OutboxMessage.Status.FAILED, "Gave up mail", attempts=8, last_error="550 refused"),
        "pending": message(OutboxMessage.Status.PENDING, "Waiting mail", attempts=2),
        "sending": message(OutboxMessage.Status.SENDING, "Half-sent mail", attempts=1),
        "sent": message(OutboxMessage.Status.SENT, "Delivered mail", attempts=1),
    }


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x")


def test_urls_are_registered():
    assert reverse("operations_outbox") == URL
    assert reverse("operations_outbox_retry") == RETRY


def test_administrator_sees_waiting_and_failed_mail_not_sent_mail(client, make_staff, rows):
    sign_in(client, make_staff("Administrators"))
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gave up mail" in body and "550 refused" in body
    assert "Waiting mail" in body and "Half-sent mail" in body
    assert "Delivered mail" not in body
    assert f'value="{rows["failed"].pk}"' in body  # may be retried
    assert f'value="{rows["pending"].pk}"' not in body  # already waiting: nothing to retry
    assert "no-store" in response["Cache-Control"]


def test_superuser_sees_the_screen_and_the_menu_item(client, superuser, rows):
    sign_in(client, superuser)
    assert client.get(URL).status_code == 200
    assert b"Mail outbox" in client.get("/admin/").content


@pytest.mark.parametrize("role", ["Editors", "Moderators", "Facilitators", "Survey analysts"])
def test_other_staff_roles_are_refused(client, make_staff, rows, role):
    sign_in(client, make_staff(role))
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert b"Gave up mail" not in response.content
    response = client.post(RETRY, {"message": [rows["failed"].pk]})
    assert response.status_code in (302, 403)
    rows["failed"].refresh_from_db()
    assert rows["failed"].status == OutboxMessage.Status.FAILED
    home = client.get("/admin/")
    assert b"Mail outbox" not in home.content


def test_members_and_anonymous_are_refused(client, user, rows):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
    client.post(RETRY, {"message": [rows["failed"].pk]})
    rows["failed"].refresh_from_db()
    assert rows["failed"].status == OutboxMessage.Status.FAILED


def test_retry_puts_failed_and_half_sent_mail_back_never_sent_mail(client, make_staff, rows):
    sign_in(client, make_staff("Administrators"))
    ids = [rows[key].pk for key in ("failed", "sending", "sent", "pending")]
    response = client.post(RETRY, {"message": ids}, follow=True)
    assert b"2 messages will be sent again" in response.content
    for key in ("failed", "sending", "sent", "pending"):
        rows[key].refresh_from_db()
    assert rows["failed"].status == rows["sending"].status == OutboxMessage.Status.PENDING
    assert rows["sent"].status == OutboxMessage.Status.SENT  # never sent twice
    assert rows["failed"].next_attempt_at <= timezone.now()


def test_retry_without_a_choice_says_so(client, make_staff, rows):
    sign_in(client, make_staff("Administrators"))
    response = client.post(RETRY, {"message": ["x"]}, follow=True)
    assert b"Choose at least one message" in response.content
    assert client.get(RETRY).status_code == 405


def test_view_only_permission_sees_but_cannot_retry(client, user, rows):
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="view_outboxmessage"))
    sign_in(client, user)
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Send the chosen messages again" not in response.content
    assert client.post(RETRY, {"message": [rows["failed"].pk]}).status_code in (302, 403)
    rows["failed"].refresh_from_db()
    assert rows["failed"].status == OutboxMessage.Status.FAILED  # Wagtail sends them away


def test_screen_query_count_does_not_grow_with_rows(client, make_staff, django_assert_max_num_queries, rows):
    sign_in(client, make_staff("Administrators"))
    client.get(URL)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    for n in range(30):
        message(OutboxMessage.Status.FAILED, f"More {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)
