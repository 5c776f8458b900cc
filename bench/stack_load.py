"""60 s of mixed load through nginx to two app servers, with faults; prints a report.

    .venv/bin/python bench/stack_load.py          # starts and stops everything it uses

It starts its own production shape (deploy/stack.py on ports 8380/8301/8302, Redis :6391,
state in a temporary folder) against a PRIVATE PostgreSQL cluster (tests/services.py: initdb
on a free port), never the shared one, loads the demo, and lifts nginx's and the posting
limits for its one client address (STACK_RATE, MODERATION_RATE_COMMENT).

Readers fetch public pages. Writers are the demo's verified participants
(bench/stack_load_setup.py): each signs in, answers a one-question survey once and posts a
comment every ~2.5 s on a topic it may post on; a write that fails is retried (comments with
the same client_token, which the portal deduplicates). Every acknowledged write (a 302 to
the comment or the thank-you page) must be a row afterwards. Faults: app server :8301
stopped at 12 s and started at 42 s; Redis stopped at 20 s and started at 27 s;
PostgreSQL stopped at 33 s and started at 37 s. Traffic goes only to 127.0.0.1.
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy"))
from tests.services import PrivatePostgres  # noqa: E402

POSTGRES = PrivatePostgres()
os.environ.update(
    {
        "STACK_STATE": tempfile.mkdtemp(prefix="portal-stack-load-"),
        "STACK_PORT": os.environ.get("LOAD_NGINX_PORT", "8380"),
        "STACK_APP_PORTS": "8301,8302",
        "STACK_REDIS_PORT": "6391",
        "STACK_DB_SERVER": f"postgres://postgres@127.0.0.1:{POSTGRES.port}",
        "STACK_RATE": "2000r/s",
        "STACK_RATE_POST": "500r/s",
        "MODERATION_RATE_COMMENT": "1000/m",
        "STACK_EMAIL_URL": "dummymail://",
    }
)
import stack  # noqa: E402

BASE = f"http://127.0.0.1:{stack.NGINX_PORT}"
DURATION = int(os.environ.get("LOAD_SECONDS", 60))
READERS = int(os.environ.get("LOAD_READERS", 4))
PAGES = ["/", "/workgroups/", "/surveys/", "/updates/", "/accounts/login/", "/healthz"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

statuses = Counter()
latencies = []
acked = {"comment": [], "survey": []}  # (elapsed, marker or email)
attempted = Counter()
refused = Counter()
events = []
failures_by_second = Counter()  # (second, what) for every non-200 read and failed write
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
            if status != 200:
                failures_by_second[(int(elapsed()), f"read {status}")] += 1


def _refuse(kind, what):
    with lock:
        refused[f"{kind} {what}"] += 1
        failures_by_second[(int(elapsed()), f"{kind} {what}")] += 1
    time.sleep(0.5)


def _sign_in(session, writer):
    while elapsed() < DURATION:
        try:
            page = session.get(BASE + "/accounts/login/", timeout=10)
            response = session.post(
                BASE + "/accounts/login/",
                {
                    "login": writer["email"],
                    "password": writer["password"],
                    "csrfmiddlewaretoken": TOKEN.search(page.text).group(1),
                },
                headers={"Referer": BASE + "/accounts/login/"},
                allow_redirects=False,
                timeout=10,
            )
            if response.status_code == 302:
                return True
            _refuse("sign-in", response.status_code)
        except (requests.RequestException, AttributeError) as error:
            _refuse("sign-in", type(error).__name__)
    return False


def _answer(session, plan, email):
    url = f"{BASE}/surveys/-/{plan['survey']}/answer/"
    with lock:
        attempted["survey"] += 1
    while elapsed() < DURATION:
        try:
            page = session.get(url, timeout=10)
            response = session.post(
                url,
                {
                    "csrfmiddlewaretoken": TOKEN.search(page.text).group(1),
                    plan["question"]: f"load {email}",
                    "section": "0",
                    "action": "next",
                },
                headers={"Referer": url},
                allow_redirects=False,
                timeout=10,
            )
            if response.status_code == 302 and "/thank-you/" in response.headers.get("Location", ""):
                with lock:
                    acked["survey"].append((elapsed(), email))
                return
            _refuse("survey", response.status_code)
        except (requests.RequestException, AttributeError) as error:
            _refuse("survey", type(error).__name__)


def _comment(session, topic, marker, client_token):
    url = f"{BASE}/workgroups/-/topics/{topic}/comments/"
    response = session.post(
        url,
        {
            # The CSRF cookie's secret is a valid form token (Django accepts it unmasked).
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            "body": f"Load test note {marker}: how is this going?",
            "kind": "comment",
            "client_token": client_token,
        },
        headers={"Referer": BASE + "/"},
        allow_redirects=False,
        timeout=10,
    )
    ok = response.status_code == 302 and "#comment-" in response.headers.get("Location", "")
    return ok, response.status_code


def writer(index, writer_plan, plan):
    session = requests.Session()
    if not _sign_in(session, writer_plan):
        return
    answer_at = 4 + index * 9  # spread the survey answers over the faults
    answered = False
    n = 0
    while elapsed() < DURATION:
        if not answered and elapsed() >= answer_at:
            _answer(session, plan, writer_plan["email"])
            answered = True
        marker, client_token = uuid.uuid4().hex[:12], str(uuid.uuid4())
        topic = writer_plan["topics"][n % len(writer_plan["topics"])]
        n += 1
        with lock:
            attempted["comment"] += 1
        while elapsed() < DURATION:  # retry the same comment until it is acknowledged
            try:
                ok, status = _comment(session, topic, marker, client_token)
            except (requests.RequestException, AttributeError) as error:
                ok, status = False, type(error).__name__
            if ok:
                with lock:
                    acked["comment"].append((elapsed(), marker))
                break
            _refuse("comment", status)
        time.sleep(2.5)


def faults():
    env = stack.environment()
    web = [
        stack.GUNICORN,
        "-c",
        "deploy/gunicorn.conf.py",
        "--bind",
        "127.0.0.1:8301",
        "portal.wsgi:application",
    ]
    redis = [
        "redis-server",
        "--port",
        str(stack.REDIS_PORT),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
    ]
    plan = [
        (12, "stop app server 8301", lambda: os.kill(stack.pids()["web-8301"], signal.SIGTERM)),
        (20, "stop Redis", lambda: os.kill(stack.pids()["redis"], signal.SIGTERM)),
        (27, "start Redis", lambda: stack.spawn("redis", redis, env)),
        (33, "stop PostgreSQL", POSTGRES.stop),
        (37, "start PostgreSQL", POSTGRES.start),
        (42, "start app server 8301", lambda: stack.spawn("web-8301", web, env)),
    ]
    for at, name, action in plan:
        time.sleep(max(0, at - elapsed()))
        action()
        events.append((round(elapsed(), 1), name))


def stored(plan):
    import psycopg2

    conn = psycopg2.connect(stack.environment()["DATABASE_URL"])
    with conn.cursor() as cursor:
        cursor.execute("SELECT body FROM forums_comment WHERE body LIKE 'Load test note %%'")
        markers = Counter(re.search(r"note (\w+):", row[0]).group(1) for row in cursor.fetchall())
        cursor.execute(
            "SELECT u.email FROM surveys_response r JOIN accounts_user u ON u.id = r.user_id "
            "WHERE r.survey_id = %s",
            [plan["survey"]],
        )
        emails = Counter(row[0] for row in cursor.fetchall())
    conn.close()
    return {"comment": markers, "survey": emails}


def prepare():
    os.chmod(os.environ["STACK_STATE"], 0o755)  # nginx's workers read the error pages there
    POSTGRES.init().start()
    stack.start()
    setup = subprocess.run(
        [stack.PYTHON, "bench/stack_load_setup.py"],
        cwd=ROOT,
        env=stack.environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(setup.stdout.strip().splitlines()[-1])


def report(plan, rows):
    out = sys.stdout.write
    total = sum(statuses.values())
    errors = sum(count for status, count in statuses.items() if status != 200)
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000 if len(latencies) > 20 else 0
    out(f"duration {DURATION} s, {READERS} readers + {len(plan['writers'])} writers, through nginx {BASE}\n")
    out(f"faults: {events}\n")
    out(f"read requests: {total}, non-200: {errors} {dict(statuses)}\n")
    out(f"read p95: {p95:.0f} ms, median {statistics.median(latencies) * 1000:.0f} ms\n")
    for kind in ("comment", "survey"):
        keys = [key for _, key in acked[kind]]
        found = rows[kind]
        lost = [key for key in keys if not found[key]]
        doubled = [key for key in keys if found[key] > 1]
        out(
            f"{kind}s attempted {attempted[kind]}, acknowledged {len(keys)}, stored {sum(found.values())}, "
            f"lost {len(lost)}, stored twice {len(doubled)}\n"
        )
    out(f"refused/failed attempts (then retried): {dict(refused)}\n")
    spans = {}
    for (second, what), count in sorted(failures_by_second.items()):
        first, _, total = spans.get(what, (second, second, 0))
        spans[what] = (first, second, total + count)
    for what, (first, last, total) in spans.items():
        out(f"  {what}: {total} between {first} s and {last + 1} s\n")
    for label, name in (("Redis", "start Redis"), ("PostgreSQL", "start PostgreSQL")):
        back = next((at for at, event in events if event == name), None)
        first = min((at for kind in acked for at, _ in acked[kind] if back and at > back), default=None)
        if back and first:
            out(f"first acknowledged write after {label} returned: +{first - back:.1f} s\n")


def main():
    global start
    try:
        plan = prepare()
        start = time.monotonic()
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
        threads += [threading.Thread(target=writer, args=(i, w, plan)) for i, w in enumerate(plan["writers"])]
        threads.append(threading.Thread(target=faults))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report(plan, stored(plan))
    finally:
        stack.stop()
        POSTGRES.destroy()
        if os.environ.get("LOAD_KEEP_LOGS"):
            sys.stdout.write(f"logs kept in {os.environ['STACK_STATE']}\n")
        else:
            shutil.rmtree(os.environ["STACK_STATE"], ignore_errors=True)


if __name__ == "__main__":
    main()
