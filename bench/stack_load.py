"""60 s of mixed load through nginx (`make stack`) with faults injected; prints a report.

    STACK_RATE=2000r/s STACK_RATE_POST=200r/s make stack   # one address: lift nginx limits
    .venv/bin/python bench/stack_load.py && make stack-stop

Readers fetch public pages; one writer signs in every ~2 s (allauth allows 30 sign-ins a
minute per address), and each acknowledged sign-in (302) is a session row that must be in
PostgreSQL afterwards. Faults: app server :8201 stopped at 15 s and started again at 45 s;
Redis stopped at 25 s and started at 32 s. Traffic goes only to 127.0.0.1.
"""

import os
import re
import signal
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
import stack  # noqa: E402

BASE = f"http://127.0.0.1:{stack.NGINX_PORT}"
DURATION = int(os.environ.get("LOAD_SECONDS", 60))
READERS = int(os.environ.get("LOAD_READERS", 6))
PAGES = ["/", "/workgroups/", "/surveys/", "/updates/", "/accounts/login/", "/healthz"]
LOGIN = (os.environ.get("LOAD_LOGIN", "school@demo.portal.example.org"), "portal-demo-2026")

statuses = Counter()
latencies = []
acknowledged = []
refused_writes = Counter()
events = []
lock = threading.Lock()
start = time.monotonic()


def elapsed():
    return time.monotonic() - start


def reader(index):
    session = requests.Session()
    n = index
    while elapsed() < DURATION:
        path = PAGES[n % len(PAGES)]
        n += 1
        t0 = time.monotonic()
        try:
            status = session.get(BASE + path, timeout=10).status_code
        except requests.RequestException:
            status = "connection error"
        with lock:
            statuses[status] += 1
            latencies.append(time.monotonic() - t0)


def writer():
    while elapsed() < DURATION:
        session = requests.Session()
        try:
            page = session.get(BASE + "/accounts/login/", timeout=10)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            response = session.post(
                BASE + "/accounts/login/",
                {"login": LOGIN[0], "password": LOGIN[1], "csrfmiddlewaretoken": token},
                headers={"Referer": BASE + "/accounts/login/"},
                allow_redirects=False,
                timeout=10,
            )
            if response.status_code == 302:
                with lock:
                    acknowledged.append((elapsed(), session.cookies["sessionid"]))
            else:
                refused_writes[response.status_code] += 1
        except (requests.RequestException, AttributeError, KeyError) as error:
            refused_writes[type(error).__name__] += 1
        time.sleep(2.1)


def faults():
    env = stack.environment()
    plan = [
        (15, "stop app server 8201", lambda: os.kill(stack.pids()["web-8201"], signal.SIGTERM)),
        (25, "stop Redis", lambda: os.kill(stack.pids()["redis"], signal.SIGTERM)),
        (
            32,
            "start Redis",
            lambda: stack.spawn(
                "redis",
                [
                    "redis-server",
                    "--port",
                    str(stack.REDIS_PORT),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                env,
            ),
        ),
        (
            45,
            "start app server 8201",
            lambda: stack.spawn(
                "web-8201",
                [
                    stack.GUNICORN,
                    "-c",
                    "deploy/gunicorn.conf.py",
                    "--bind",
                    "127.0.0.1:8201",
                    "portal.wsgi:application",
                ],
                env,
            ),
        ),
    ]
    for at, name, action in plan:
        time.sleep(max(0, at - elapsed()))
        action()
        events.append((round(elapsed(), 1), name))


def stored_sessions(keys):
    import psycopg2

    conn = psycopg2.connect(stack.environment()["DATABASE_URL"])
    with conn.cursor() as cursor:
        cursor.execute("SELECT session_key FROM django_session WHERE session_key = ANY(%s)", [keys])
        found = {row[0] for row in cursor.fetchall()}
    conn.close()
    return found


def main():
    threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
    threads += [threading.Thread(target=writer), threading.Thread(target=faults)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    keys = [key for _, key in acknowledged]
    found = stored_sessions(keys)
    redis_back = next((at for at, name in events if name == "start Redis"), None)
    first_after = next((at for at, _ in acknowledged if redis_back and at > redis_back), None)
    total = sum(statuses.values())
    errors = sum(count for status, count in statuses.items() if status != 200)
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000 if len(latencies) > 20 else 0
    out = sys.stdout.write
    out(f"duration {DURATION} s, {READERS} readers + 1 writer, through nginx {BASE}\n")
    out(f"faults: {events}\n")
    out(f"read requests: {total}, non-200: {errors} {dict(statuses)}\n")
    out(f"read p95: {p95:.0f} ms, median {statistics.median(latencies) * 1000:.0f} ms\n")
    out(
        f"sign-ins acknowledged (302): {len(keys)}, stored in PostgreSQL: {len(found)}, "
        f"lost: {len(set(keys) - found)}\n"
    )
    out(f"sign-ins refused: {dict(refused_writes)}\n")
    if redis_back and first_after:
        out(f"first acknowledged sign-in after Redis returned: +{first_after - redis_back:.1f} s\n")


if __name__ == "__main__":
    main()
