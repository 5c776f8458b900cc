"""Two real app servers share one Redis: limits hold across them, and Redis down is safe.

Each request alternates between server A and server B, as nginx's balancing would.
"""

import re

import pytest
import requests
from django.db import connection

from tests.services import AppServer, PrivateRedis, server_env

pytestmark = pytest.mark.django_db(transaction=True)
# The machine is shared and slow at times: a first page can take seconds; never hang.
TIMEOUT = 45


@pytest.fixture
def redis_server():
    server = PrivateRedis().start()
    yield server
    server.stop()


@pytest.fixture
def servers(redis_server, transactional_db):
    settings = connection.settings_dict
    database_url = (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = server_env(database_url, redis_server.url)
    pair = [AppServer(env).start(), AppServer(env).start()]
    yield pair
    for server in pair:
        server.stop()


def browser():
    # nginx passes the same Host to every app server; allauth's per-account key includes it.
    session = requests.Session()
    session.headers["Host"] = "127.0.0.1"
    return session


def csrf_token(session, url):
    page = session.get(url + "/accounts/login/", timeout=TIMEOUT)
    assert page.status_code == 200, page.status_code
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(session, server, login, password, token):
    return session.post(
        server.url + "/accounts/login/",
        {"login": login, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": "http://127.0.0.1/accounts/login/"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def test_login_lockout_counts_across_servers(servers, user, password):
    session = browser()
    token = csrf_token(session, servers[0].url)
    # ACCOUNT_RATE_LIMITS["login_failed"] = 5 per 5 minutes per account: five wrong
    # passwords, alternating servers, then the sixth try is refused even when right
    # (allauth answers it on the form: "Too many failed login attempts").
    for attempt in range(5):
        response = sign_in(session, servers[attempt % 2], user.email, "wrong-password", token)
        assert response.status_code == 200, (attempt, response.status_code)
        assert "Too many failed" not in response.text
    refused = sign_in(session, servers[1], user.email, password, token)
    assert refused.status_code == 200
    assert "Too many failed login attempts" in refused.text


def test_session_from_server_a_is_valid_on_server_b(servers, user, password):
    session = browser()
    token = csrf_token(session, servers[0].url)
    response = sign_in(session, servers[0], user.email, password, token)
    assert response.status_code == 302, response.status_code
    me = session.get(servers[1].url + "/me/", allow_redirects=False, timeout=TIMEOUT)
    assert me.status_code == 200
    assert "no-store" in me.headers["Cache-Control"]


def test_redis_down_pages_render_and_sign_in_fails_closed(servers, redis_server, user, password):
    session = browser()
    token = csrf_token(session, servers[0].url)
    redis_server.stop()
    for server in servers:
        assert browser().get(server.url + "/", timeout=TIMEOUT).status_code == 200
        assert browser().get(server.url + "/accounts/login/", timeout=TIMEOUT).status_code == 200
    refused = sign_in(session, servers[1], user.email, password, token)
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "7"
    assert "safety limits" in refused.text
    redis_server.start()
    assert sign_in(session, servers[0], user.email, password, token).status_code == 302


def test_totp_code_is_not_accepted_twice_across_servers(servers, make_staff, password):
    from portal.accounts.mfa import totp_activate, totp_current_code

    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    staff = make_staff("Moderators")
    totp_activate(user=staff, secret=secret)
    code = totp_current_code(secret=secret)
    results = []
    for server in servers:  # the same code: first on server A, then on server B
        session = browser()
        token = csrf_token(session, server.url)
        assert sign_in(session, server, staff.email, password, token).status_code == 302
        page = session.get(server.url + "/accounts/2fa/authenticate/", timeout=TIMEOUT)
        mfa_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        response = session.post(
            server.url + "/accounts/2fa/authenticate/",
            {"code": code, "csrfmiddlewaretoken": mfa_token},
            headers={"Referer": "http://127.0.0.1/accounts/2fa/authenticate/"},
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        results.append((response.status_code, "Incorrect code" in response.text))
    # Server B refuses the code server A already accepted: the replay check is shared.
    assert results == [(302, False), (200, True)]
