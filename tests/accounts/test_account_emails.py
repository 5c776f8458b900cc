"""allauth's e-mails speak in the portal's name and voice, in both languages."""

import pytest
from allauth.account.adapter import get_adapter
from allauth.core import context as allauth_context
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone, translation

from portal.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

SITE_NAME = "Family Partnership Portal"
SITE_URL = "https://families.agency.test"
STOCK = [
    "Hello from",
    "Thank you for using",
    "You're receiving this",
    "example.com",
    "127.0.0.1",
    "Password Reset",
]

# Every account e-mail allauth can send here, with the context allauth gives it.
EMAILS = {
    "account/email/email_confirmation_signup": {"activate_url": f"{SITE_URL}/accounts/confirm-email/k/"},
    "account/email/email_confirmation": {"activate_url": f"{SITE_URL}/accounts/confirm-email/k/"},
    "account/email/password_reset_key": {"password_reset_url": f"{SITE_URL}/accounts/password/reset/key/k/"},
    "account/email/account_already_exists": {"password_reset_url": f"{SITE_URL}/accounts/password/reset/"},
    "account/email/unknown_account": {"signup_url": f"{SITE_URL}/accounts/signup/"},
    "account/email/email_changed": {"from_email": "old@agency.test", "to_email": "new@agency.test"},
    "account/email/email_confirm": {},
    "account/email/email_deleted": {"deleted_email": "old@agency.test"},
    "account/email/password_changed": {},
    "account/email/password_set": {},
    "account/email/password_reset": {},
    "account/email/login_code": {"code": "ABC123"},
    "account/email/password_reset_code": {"code": "ABC123"},
    "mfa/email/totp_activated": {},
}


@pytest.fixture
def adapter(settings):
    settings.WAGTAIL_SITE_NAME = SITE_NAME
    settings.SITE_BASE_URL = SITE_URL
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    with allauth_context.request_context(request):
        yield get_adapter(request)


def _send(adapter, prefix, user, django_capture_on_commit_callbacks):
    context = {
        "user": user,
        "ip": "203.0.113.9",
        "user_agent": "Firefox",
        "timestamp": timezone.now(),
        **EMAILS[prefix],
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        adapter.send_mail(prefix, user.email if user else "someone@agency.test", context)
    return mail.outbox[0]


@pytest.mark.parametrize("prefix", sorted(EMAILS))
def test_account_email_is_in_the_portals_voice(prefix, adapter, django_capture_on_commit_callbacks):
    user = None if prefix.endswith("unknown_account") else UserFactory(language="en", display_name="Dana R.")
    message = _send(adapter, prefix, user, django_capture_on_commit_callbacks)
    text = message.subject + "\n" + message.body
    for phrase in STOCK:
        assert phrase not in text, phrase
    assert f"The {SITE_NAME} team" in message.body and SITE_URL in message.body
    assert message.subject.startswith(f"[{SITE_NAME}] ")
    assert "Dana R.." not in text


@pytest.mark.parametrize("prefix", sorted(EMAILS))
def test_account_email_in_spanish_for_a_spanish_account(prefix, adapter, django_capture_on_commit_callbacks):
    user = UserFactory(language="es")
    with translation.override("en"):
        message = _send(adapter, prefix, user, django_capture_on_commit_callbacks)
    assert f"El equipo de {SITE_NAME}" in message.body
    assert "Hello" not in message.body and "If you" not in message.body
