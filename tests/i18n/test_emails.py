"""E-mails go out in the recipient's language, whatever language the sender's page was in."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from portal.accounts.factories import UserFactory
from portal.notifications.models import Delivery, NotificationKind
from portal.notifications.services import notify, preference_set

pytestmark = pytest.mark.django_db


def _notify(user, key=""):
    return notify(recipient=user, kind=NotificationKind.REPLY, text="…", url="/x/", dedupe_key=key)


def test_spanish_speaker_gets_notification_email_in_spanish(django_capture_on_commit_callbacks):
    user = UserFactory(language="es")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        _notify(user)
    message = mail.outbox[0]
    assert "Una respuesta a mi comentario" in message.subject
    assert "Hola, " in message.body and "Léalo aquí:" in message.body
    assert "Dejar de recibir estos correos con un clic:" in message.body
    html = message.alternatives[0][0]
    assert "Leerlo en el portal" in html and "Read it" not in html


def test_english_speaker_gets_english_even_from_a_spanish_page(django_capture_on_commit_callbacks):
    user = UserFactory(language="en")
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        _notify(user)
    message = mail.outbox[0]
    assert "A reply to my comment" in message.subject
    assert "Read it here:" in message.body and "Hola" not in message.body


def test_spanish_speaker_gets_daily_summary_in_spanish(django_capture_on_commit_callbacks):
    user = UserFactory(language="es")
    preference_set(user=user, kind=NotificationKind.REPLY, delivery=Delivery.DAILY)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, key="a")
    call_command("send_digests")
    message = mail.outbox[0]
    assert "Su resumen diario" in message.subject
    assert "Esto es lo que pasó en el portal" in message.body


def test_password_reset_email_follows_the_account_language(client, django_capture_on_commit_callbacks):
    user = UserFactory(language="es")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": user.email})
    with translation.override("es"):
        expected = translation.gettext("Choose a new password")
    assert expected != "Choose a new password"
    assert expected in mail.outbox[0].subject
