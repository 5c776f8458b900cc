"""Every allauth and MFA page renders in the site's look (USWDS, header, skip link)."""

import pytest
from django.urls import reverse

from portal.accounts.mfa import totp_activate, totp_current_code

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

ANONYMOUS_PAGES = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_email_verification_sent",
    "account_reset_password_from_key_done",
]
SIGNED_IN_PAGES = [
    "account_email",
    "account_change_password",
    "account_logout",
    "mfa_index",
    "account_reauthenticate",
]


def _assert_site_look(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="usa-skipnav"' in html and "portal-header" in html and "portal-footer" in html
    assert "accounts.css" in html
    assert "<strong>Menu:</strong>" not in html  # allauth's bare layout is gone
    return html


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_anonymous_pages_in_site_look(client, name):
    _assert_site_look(client.get(reverse(name)))


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_signed_in_pages_in_site_look(client, user, name):
    client.force_login(user)
    html = _assert_site_look(client.get(reverse(name)))
    assert "usa-breadcrumb" in html or name in ("account_logout", "account_reauthenticate")


def test_login_form_fields_are_labelled_uswds_inputs(client):
    html = client.get(reverse("account_login")).content.decode()
    assert 'class="usa-input"' in html and '<label class="usa-label" for="id_login">' in html
    assert 'class="usa-button' in html


def test_mfa_pages_in_site_look(client, make_staff, password):
    person = make_staff("Editors")
    client.post(reverse("account_login"), {"login": person.email, "password": password})
    # allauth asks for the password again before adding an authenticator.
    _assert_site_look(client.get(reverse("mfa_activate_totp"), follow=True))
    client.post(reverse("account_reauthenticate"), {"password": password})
    html = _assert_site_look(client.get(reverse("mfa_activate_totp")))
    assert "portal-qr" in html and 'name="code"' in html
    totp_activate(user=person, secret=SECRET)
    _assert_site_look(client.get(reverse("mfa_index")))
    _assert_site_look(client.get(reverse("mfa_generate_recovery_codes")))
    client.logout()
    client.post(reverse("account_login"), {"login": person.email, "password": password})
    _assert_site_look(client.get(reverse("mfa_authenticate")))
    client.post(reverse("mfa_authenticate"), {"code": totp_current_code(secret=SECRET)})
    _assert_site_look(client.get(reverse("mfa_reauthenticate")))


def test_wrong_login_shows_one_clear_message(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": "nope-nope"})
    html = _assert_site_look(response)
    assert "The email address and/or password you specified are not correct." in html
    assert f'value="{user.email}"' in html
