"""A bot hammering the login form gets the site's 429 page with Retry-After."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_hammering_login_gets_429_with_retry_after(client, user):
    url = reverse("account_login")
    statuses = []
    for attempt in range(40):
        response = client.post(url, {"login": f"bot{attempt}@example.org", "password": "guess-guess"})
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    assert statuses[-1] == 429, statuses
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Please wait a moment" in html and "usa-skipnav" in html  # the site's page, in its layout
    # Even the right password is refused while the limit lasts.
    response = client.post(url, {"login": user.email, "password": "portal-demo-2026"})
    assert response.status_code == 429


def test_repeated_wrong_passwords_for_one_account_are_stopped(client, user):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": user.email, "password": "wrong-password"})
    response = client.post(url, {"login": user.email, "password": "portal-demo-2026"})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert b"Too many failed login attempts" in response.content or response.status_code == 429


def test_signup_is_rate_limited(client):
    for attempt in range(25):
        response = client.post(reverse("account_signup"), {"email": f"x{attempt}@example.org"})
        if response.status_code == 429:
            break
    assert response.status_code == 429 and response.has_header("Retry-After")


def test_rate_limits_use_a_real_cache():
    from django.conf import settings

    assert "DummyCache" not in settings.CACHES["default"]["BACKEND"]
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"]
