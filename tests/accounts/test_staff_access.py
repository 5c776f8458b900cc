"""Staff: MFA before the admin, one login path (allauth), idle and absolute session limits."""

import pytest
from django.urls import reverse

from portal.accounts.mfa import totp_activate, totp_current_code
from portal.accounts.middleware import SESSION_SEEN_KEY, SESSION_STARTED_KEY

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def moderator(make_staff):
    person = make_staff("Moderators")
    totp_activate(user=person, secret=SECRET)
    return person


def test_anonymous_admin_visit_ends_at_allauth_login(client):
    response = client.get("/admin/pages/", follow=True)
    final_url = response.redirect_chain[-1][0]
    assert final_url.startswith(reverse("account_login"))
    assert "next=/admin/pages/" in final_url.replace("%2F", "/")
    assert b'name="login"' in response.content


def test_wagtail_login_url_redirects_to_allauth_keeping_next(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/pages/"


def test_wagtail_password_reset_is_off(client):
    assert client.get("/admin/password_reset/").status_code in (302, 404)


def test_staff_login_with_totp_reaches_the_admin(client, moderator, password):
    response = client.post(
        reverse("account_login") + "?next=/admin/", {"login": moderator.email, "password": password}
    )
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_current_code(secret=SECRET)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_login_with_wrong_code_is_refused(client, moderator, password):
    client.post(reverse("account_login"), {"login": moderator.email, "password": password})
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200 and b"Incorrect code" in response.content
    assert client.get("/admin/").status_code == 302


ROLES = ["Administrators", "Editors", "Moderators", "Facilitators", "Survey analysts"]


@pytest.mark.parametrize("role", ROLES)
def test_staff_without_totp_must_set_it_up_before_any_admin_page(client, make_staff, role):
    client.force_login(make_staff(role))
    for path in ("/admin/", "/admin/pages/", "/admin/memberships/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"), follow=True)
    assert b"two-step verification" in page.content


def test_participants_are_not_asked_for_totp(client, user):
    client.force_login(user)
    # Not sent to set up two-step codes, nor to the login (which sent them back: a loop):
    # a plain page that says the admin is for agency staff (issue 10).
    response = client.get("/admin/")
    assert response.status_code == 403 and "Location" not in response
    assert "The admin is for agency staff" in response.content.decode()


def _staff_session(client, person):
    client.force_login(person)
    assert client.get("/admin/").status_code == 200
    return client.session


def test_staff_session_has_a_30_minute_idle_expiry(client, moderator):
    session = _staff_session(client, moderator)
    assert 1790 <= session.get_expiry_age() <= 1800


def test_staff_session_ends_after_30_minutes_idle(client, moderator):
    session = _staff_session(client, moderator)
    session[SESSION_SEEN_KEY] -= 31 * 60
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert b"without activity" in page.content


def test_staff_session_survives_29_minutes_idle(client, moderator):
    session = _staff_session(client, moderator)
    session[SESSION_SEEN_KEY] -= 29 * 60
    session.save()
    assert client.get("/admin/").status_code == 200


def test_staff_session_ends_after_12_hours_even_when_active(client, moderator):
    session = _staff_session(client, moderator)
    session[SESSION_STARTED_KEY] -= 12 * 3600 + 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert b"12 hours" in client.get(response["Location"]).content


def test_participant_sessions_are_not_cut_short(client, user):
    client.force_login(user)
    client.get(reverse("accounts:my_portal"))
    session = client.session
    assert SESSION_STARTED_KEY not in session
    session["portal_dummy"] = 1
    session.save()
    assert client.get(reverse("accounts:my_portal")).status_code == 200
