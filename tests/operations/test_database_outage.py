"""PostgreSQL stops under a real app server: 503 + Retry-After, then 200 without a restart.

A private cluster (initdb in a temporary folder, on a free port): the shared PostgreSQL
at :5432 is never stopped.
"""

import os
import subprocess

import pytest
import requests

from tests.services import ROOT, AppServer, PrivatePostgres, PrivateRedis, server_env


@pytest.fixture(scope="module")
def private_portal():
    postgres = PrivatePostgres().init().start()
    redis = PrivateRedis().start()
    subprocess.run(
        [
            *postgres._bin("createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(postgres.port),
            "-U",
            "postgres",
            "portal_outage",
        ],
        check=True,
    )
    env = server_env(postgres.url("portal_outage"), redis.url)
    subprocess.run(
        [os.path.join(ROOT, ".venv", "bin", "python"), "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
    )
    server = AppServer(env).start()
    yield postgres, server
    server.stop()
    redis.stop()
    postgres.destroy()


def get(server, path):
    return requests.get(server.url + path, headers={"Host": "127.0.0.1"}, timeout=45)


def test_database_down_answers_503_then_recovers(private_portal):
    postgres, server = private_portal
    assert get(server, "/healthz").status_code == 200
    assert get(server, "/accounts/login/").status_code == 200

    browser = requests.Session()
    sign_in = browser.get(server.url + "/accounts/login/", headers={"Host": "127.0.0.1"}, timeout=45)
    token = browser.cookies["csrftoken"]

    postgres.stop()
    # A page that needs no query (the sign-in form: site and locales come from the shared
    # cache) may still answer; every page and action that needs the database answers 503.
    attempt = browser.post(
        server.url + "/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": "someone@example.org", "password": "x" * 12},
        headers={"Host": "127.0.0.1", "Referer": sign_in.url},
        timeout=45,
    )
    for response in [get(server, "/"), get(server, "/workgroups/"), attempt]:
        assert response.status_code == 503, (response.request.method, response.url, response.status_code)
        assert response.headers["Retry-After"] == "7"
        assert "briefly unavailable" in response.text
        assert "Traceback" not in response.text
    health = get(server, "/healthz")
    assert health.status_code == 503
    assert health.json()["database"] == "unreachable"

    postgres.start()
    # Every request after the restart succeeds, including the first one on a worker that
    # still holds a connection from before the outage (CONN_HEALTH_CHECKS).
    statuses = [get(server, path).status_code for path in ["/healthz", "/accounts/login/"] * 3]
    assert statuses == [200] * 6
