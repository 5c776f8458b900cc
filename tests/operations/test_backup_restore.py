"""Backups restore: pg_dump of a migrated, seeded database, pg_restore into a fresh one.

Everything runs on a private cluster (initdb on a free port); the shared PostgreSQL is only
the server of the test suite's own database and is never touched here. The round trip is
the one docs/operations.md tells operators to run: `pg_dump -Fc`, then `pg_restore
--no-owner` into an empty database. Counts of every table and every sequence's position
must match, and a real app server then answers from the restored copy (a demo member signs in).
"""

import os
import re
import subprocess

import psycopg2
import pytest
import requests

from tests.services import ROOT, AppServer, PrivatePostgres, PrivateRedis, server_env

DEMO_LOGIN = ("school@demo.portal.example.org", "portal-demo-2026")


def _tool(postgres, name, *args):
    return subprocess.run(
        [*postgres._bin(name), "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", *args],
        check=True,
        capture_output=True,
    )


def _manage(env, *args):
    subprocess.run(
        [os.path.join(ROOT, ".venv", "bin", "python"), "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _snapshot(url):
    """Rows in every table and the position of every sequence."""
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            tables = sorted(row[0] for row in cursor.fetchall())
            counts = {}
            for table in tables:
                cursor.execute(f'SELECT count(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
            sequences = dict(cursor.fetchall())
    finally:
        conn.close()
    return counts, sequences


@pytest.fixture(scope="module")
def restored():
    postgres = PrivatePostgres().init().start()
    redis = PrivateRedis().start()
    try:
        _tool(postgres, "createdb", "portal_source")
        source_env = server_env(postgres.url("portal_source"), redis.url)
        _manage(source_env, "migrate", "--noinput", "-v0")
        _manage(source_env, "load_demo")
        dump = os.path.join(postgres.dir, "portal.dump")  # writable by the user pg_dump runs as
        _tool(postgres, "pg_dump", "-Fc", "-f", dump, "portal_source")
        _tool(postgres, "createdb", "portal_restored")
        _tool(postgres, "pg_restore", "--no-owner", "--exit-on-error", "-d", "portal_restored", dump)
        server = AppServer(server_env(postgres.url("portal_restored"), redis.url)).start()
        yield postgres, server
        server.stop()
    finally:
        redis.stop()
        postgres.destroy()


def test_restored_database_has_every_row_and_sequence(restored):
    postgres, _ = restored
    source_counts, source_sequences = _snapshot(postgres.url("portal_source"))
    copy_counts, copy_sequences = _snapshot(postgres.url("portal_restored"))
    assert source_counts["accounts_user"] > 5 and source_counts["wagtailcore_page"] > 10  # really seeded
    assert copy_counts == source_counts
    assert copy_sequences == source_sequences


def test_the_portal_answers_from_the_restored_database(restored):
    _, server = restored
    session = requests.Session()
    headers = {"Host": "127.0.0.1"}
    assert session.get(server.url + "/healthz", headers=headers, timeout=30).status_code == 200
    home = session.get(server.url + "/workgroups/", headers=headers, timeout=30)
    assert home.status_code == 200
    page = session.get(server.url + "/accounts/login/", headers=headers, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        server.url + "/accounts/login/",
        {"login": DEMO_LOGIN[0], "password": DEMO_LOGIN[1], "csrfmiddlewaretoken": token},
        headers={**headers, "Referer": server.url + "/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.status_code  # the restored password hash works
    me = session.get(server.url + "/me/", headers=headers, timeout=30)
    assert me.status_code == 200
