"""60 s of mixed load through nginx to two app servers, with faults; prints a report.

    .venv/bin/python bench/stack_load.py          # starts and stops everything it uses

It starts its own production shape (deploy/stack.py on free loopback ports: nginx, two app
servers, Redis, the task worker; state in a temporary folder) against a PRIVATE PostgreSQL
cluster (tests/services.py: initdb on a free port), never the shared one, loads the demo, and
lifts nginx's and the posting limits for its one client address (STACK_RATE,
MODERATION_RATE_COMMENT).

Virtual users:
- readers fetch public pages;
- comment writers are the demo's verified participants (bench/stack_load_setup.py): each
  signs in, answers a one-question identified survey once and posts a comment every ~2.5 s on
  a topic it may post on;
- survey writers (a third of all users by default) answer a one-question ANONYMOUS public
  survey without signing in, a new visitor each time. Those answers are sealed on receipt and
  written later in shuffled batches; after the run `manage.py flush_survey_pools --force`
  writes what still waits, and only then are they counted.
A write that fails is retried like a browser would: a comment with the same client_token,
a survey answer by sending the same form again (the same one-time submit_token), both of
which the portal deduplicates; only when the form itself cannot be fetched is it fetched
again. Every acknowledged write (a 302 to the comment or the thank-you page) must be a row
afterwards, and none twice.
Faults: app server A stopped at 12 s and started at 42 s; Redis stopped at 20 s and started
at 27 s; PostgreSQL stopped at 33 s and started at 37 s. Traffic goes only to 127.0.0.1.
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
from tests.services import PrivatePostgres, free_port  # noqa: E402


def _arguments():
    """Only --help: the knobs are environment variables (bench/README.md). Parsed before
    anything starts, so asking for help never starts a stack."""
    import argparse

    argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Environment: LOAD_SECONDS (60), LOAD_READERS (4), LOAD_SURVEY_WRITERS, "
        "LOAD_NGINX_PORT, LOAD_KEEP_LOGS=1 (keep the stack's logs).",
    ).parse_args()


if __name__ == "__main__":
    _arguments()
POSTGRES = PrivatePostgres()
APP_A, APP_B = free_port(), free_port()
os.environ.update(
    {
        "STACK_STATE": tempfile.mkdtemp(prefix="portal-stack-load-"),
        "STACK_PORT": os.environ.get("LOAD_NGINX_PORT", str(free_port())),
        "STACK_APP_PORTS": f"{APP_A},{APP_B}",
        "STACK_REDIS_PORT": str(free_port()),
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
SUBMIT_TOKEN = re.compile(r'name="submit_token" value="([^"]+)"')
ALREADY = "You have already answered this survey"
TIMEOUT = 10

requests_by = Counter()  # (what, status) for every HTTP request sent
latencies = {"read": [], "write": []}
acked = {"comment": [], "survey": [], "anonymous survey": []}  # (elapsed, marker or email)
acked_on_retry = Counter()
resent = Counter()  # the same survey form sent again after a failed or lost try
attempted = Counter()
refused = Counter()
events = []
failures = []  # (elapsed, what) for every failed read and failed write attempt
lock = threading.Lock()
start = time.monotonic()


def elapsed():
    return time.monotonic() - start


def call(session, method, url, what, **kwargs):
    """One request, counted (status, latency); a connection error is raised after counting."""
    t0 = time.monotonic()
    try:
        response = session.request(method, url, timeout=TIMEOUT, allow_redirects=False, **kwargs)
        status = response.status_code
    except requests.RequestException as error:
        response, status = error, type(error).__name__
    with lock:
        requests_by[(what, status)] += 1
        latencies["read" if what == "read" else "write"].append(time.monotonic() - t0)
    if isinstance(response, Exception):
        raise response
    return response


def reader(index):
    session = requests.Session()
    n = index
    while elapsed() < DURATION:
        path = PAGES[n % len(PAGES)]
        n += 1
        try:
            status = call(session, "GET", BASE + path, "read").status_code
        except requests.RequestException as error:
            status = type(error).__name__
        if status != 200:
            with lock:
                failures.append((elapsed(), f"read {status}"))


def _refuse(kind, what):
    with lock:
        refused[f"{kind} {what}"] += 1
        failures.append((elapsed(), f"{kind} {what}"))
    time.sleep(0.5)


def _form_page(session, url, what):
    page = call(session, "GET", url, what)
    if page.status_code != 200 or TOKEN.search(page.text) is None:
        raise LookupError("already" if ALREADY in page.text else f"form {page.status_code}")
    return page.text


def _form_token(session, url, what):
    return TOKEN.search(_form_page(session, url, what)).group(1)


def _sign_in(session, writer):
    url = BASE + "/accounts/login/"
    while elapsed() < DURATION:
        try:
            token = _form_token(session, url, "sign-in")
            response = call(
                session,
                "POST",
                url,
                "sign-in",
                data={"login": writer["email"], "password": writer["password"], "csrfmiddlewaretoken": token},
                headers={"Referer": url},
            )
            if response.status_code == 302:
                return True
            _refuse("sign-in", response.status_code)
        except (requests.RequestException, LookupError) as error:
            _refuse("sign-in", str(error) if isinstance(error, LookupError) else type(error).__name__)
    return False


def _answer(session, survey, question, kind, marker):
    """Answer a one-question survey until acknowledged; True when the portal has the answer.

    The form is fetched once; a failed or timed-out POST is sent again exactly as it was
    (same CSRF and one-time submit token), as a browser resubmitting would, although the reply
    that would have set the session cookie may never have arrived. Only a refused form (400,
    403) is fetched anew."""
    url = f"{BASE}/surveys/-/{survey}/answer/"
    with lock:
        attempted[kind] += 1
    form, sent = None, 0
    while elapsed() < DURATION + 15:  # a started answer is seen through past the end
        try:
            if form is None:
                page = _form_page(session, url, kind)
                form = {
                    "csrfmiddlewaretoken": TOKEN.search(page).group(1),
                    "submit_token": SUBMIT_TOKEN.search(page).group(1),
                    question: f"load {marker}",
                    "section": "0",
                    "action": "next",
                }
            elif sent:
                with lock:
                    resent[kind] += 1
            sent += 1
            response = call(session, "POST", url, kind, data=form, headers={"Referer": url})
            if response.status_code == 302 and "/thank-you/" in response.headers.get("Location", ""):
                with lock:
                    acked[kind].append((elapsed(), marker))
                    acked_on_retry[kind] += sent > 1
                return True
            _refuse(kind, response.status_code)
            if response.status_code in (400, 403):
                form = None
        except LookupError as error:
            if str(error) == "already" and sent:  # a try before was kept after all
                with lock:
                    acked[kind].append((elapsed(), marker))
                    acked_on_retry[kind] += 1
                return True
            _refuse(kind, str(error))
        except requests.RequestException as error:
            _refuse(kind, type(error).__name__)
    return False


def _comment(session, topic, marker, client_token):
    response = call(
        session,
        "POST",
        f"{BASE}/workgroups/-/topics/{topic}/comments/",
        "comment",
        data={
            # The CSRF cookie's secret is a valid form token (Django accepts it unmasked).
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            "body": f"Load test note {marker}: how is this going?",
            "kind": "comment",
            "client_token": client_token,
        },
        headers={"Referer": BASE + "/"},
    )
    ok = response.status_code == 302 and "#comment-" in response.headers.get("Location", "")
    return ok, response.status_code


def comment_writer(index, writer_plan, plan):
    session = requests.Session()
    if not _sign_in(session, writer_plan):
        return
    answer_at = 4 + index * 5  # spread the identified answers over the faults
    answered = False
    n = 0
    while elapsed() < DURATION:
        if not answered and elapsed() >= answer_at:
            _answer(session, plan["survey"], plan["question"], "survey", writer_plan["email"])
            answered = True
        marker, client_token = uuid.uuid4().hex[:12], str(uuid.uuid4())
        topic = writer_plan["topics"][n % len(writer_plan["topics"])]
        n += 1
        with lock:
            attempted["comment"] += 1
        while elapsed() < DURATION + 15:  # retry the same comment until it is acknowledged
            try:
                ok, status = _comment(session, topic, marker, client_token)
            except requests.RequestException as error:
                ok, status = False, type(error).__name__
            if ok:
                with lock:
                    acked["comment"].append((elapsed(), marker))
                break
            _refuse("comment", status)
        time.sleep(2.5)


def survey_writer(index, plan):
    """A new anonymous visitor each time: opens the survey, answers, sees the thank-you page."""
    while elapsed() < DURATION:
        _answer(
            requests.Session(),
            plan["anonymous_survey"],
            plan["question"],
            "anonymous survey",
            uuid.uuid4().hex,
        )
        time.sleep(1.0)


def faults():
    env = stack.environment()
    web = [
        stack.GUNICORN,
        "-c",
        "deploy/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{APP_A}",
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
        (12, "stop app server A", lambda: os.kill(stack.pids()[f"web-{APP_A}"], signal.SIGTERM)),
        (20, "stop Redis", lambda: os.kill(stack.pids()["redis"], signal.SIGTERM)),
        (27, "start Redis", lambda: stack.spawn("redis", redis, env)),
        (33, "stop PostgreSQL", POSTGRES.stop),
        (37, "start PostgreSQL", POSTGRES.start),
        (42, "start app server A", lambda: stack.spawn(f"web-{APP_A}", web, env)),
    ]
    for at, name, action in plan:
        time.sleep(max(0, at - elapsed()))
        began = elapsed()  # a stop starts failing requests while it runs, not once it is done
        action()
        events.append((round(began, 1), name))


def flush_pools():
    """What a closed survey or the hourly cron does: write every sealed answer still waiting."""
    done = subprocess.run(
        [stack.PYTHON, "manage.py", "flush_survey_pools", "--force"],
        cwd=ROOT,
        env=stack.environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


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
        cursor.execute(
            "SELECT a.text FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id "
            "WHERE r.survey_id = %s",
            [plan["anonymous_survey"]],
        )
        anonymous = Counter(row[0].removeprefix("load ") for row in cursor.fetchall())
        cursor.execute(
            "SELECT count(*), count(DISTINCT batch) FROM surveys_response WHERE survey_id = %s",
            [plan["anonymous_survey"]],
        )
        responses, batches = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM surveys_sealedanswers WHERE survey_id = %s", [plan["anonymous_survey"]]
        )
        waiting = cursor.fetchone()[0]
    conn.close()
    rows = {"comment": markers, "survey": emails, "anonymous survey": anonymous}
    return rows, {"responses": responses, "batches": batches, "still sealed": waiting}


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


def _p95(values):
    return statistics.quantiles(values, n=20)[18] * 1000 if len(values) > 20 else 0


def _timeline(out):
    """Failures between one fault event and the next; after a part returns, how soon they stop."""
    marks = [(0.0, "start of the run"), *events, (float(DURATION), "end")]
    writes = sorted(when for kind in acked for when, _ in acked[kind])
    for (begin, name), (end, _) in zip(marks, marks[1:], strict=False):
        during = [(when, what) for when, what in failures if begin <= when < end]
        kinds = dict(Counter(what for _, what in during))
        line = f"  {begin:4.1f}-{end:4.1f} s, after {name}: {len(during)} failed {kinds}"
        if name.startswith("start "):
            last = max((when for when, _ in during), default=None)
            first = next((when for when in writes if when >= begin), None)
            line += "; recovery: " + (f"last failure +{last - begin:.1f} s" if last else "no failure")
            line += f", first acknowledged write +{first - begin:.1f} s" if first else ", no write"
        out(line + "\n")


def report(plan, rows, pool, flushed, load):
    out = sys.stdout.write
    writers = len(plan["writers"])
    surveyors = plan["survey_writers"]
    total = sum(requests_by.values())
    bad = sum(n for (_, status), n in requests_by.items() if not (isinstance(status, int) and status < 400))
    reads = {status: n for (what, status), n in requests_by.items() if what == "read"}
    out(
        f"duration {DURATION} s, {READERS + writers + surveyors} virtual users: {READERS} readers, "
        f"{writers} comment writers, {surveyors} anonymous survey writers; through nginx {BASE} "
        f"to app servers :{APP_A} (A) and :{APP_B} (B)\n"
    )
    out(f"machine: {os.cpu_count()} cores, load average {load[0]} before, {load[1]} after\n")
    out(f"faults: {events}\n")
    out(f"requests: {total}, of which 4xx/5xx/connection errors: {bad}\n")
    out(f"  by kind and status: {dict(sorted(((f'{w} {s}', n) for (w, s), n in requests_by.items())))}\n")
    out(f"  reads: {sum(reads.values())} {reads}\n")
    for kind in ("read", "write"):
        values = latencies[kind]
        if values:
            median = statistics.median(values) * 1000
            out(f"  {kind} latency: median {median:.0f} ms, p95 {_p95(values):.0f} ms\n")
    out(f"anonymous pool after the run: {flushed}; {pool}\n")
    for kind in ("comment", "survey", "anonymous survey"):
        keys = [key for _, key in acked[kind]]
        found = rows[kind]
        lost = [key for key in keys if not found[key]]
        doubled = [key for key in keys if found[key] > 1]
        unacked = sum(n for key, n in found.items() if key not in set(keys))
        out(
            f"{kind}s: attempted {attempted[kind]}, acknowledged {len(keys)} "
            f"({acked_on_retry[kind]} on a retry), stored {sum(found.values())}, lost {len(lost)}, "
            f"stored twice {len(doubled)}, stored but never acknowledged {unacked}\n"
        )
    out(f"survey forms sent again with the same submit_token: {dict(resent)}\n")
    out(f"refused/failed attempts (then retried): {dict(refused)}\n")
    out("timeline (every failed attempt, then retried):\n")
    _timeline(out)


def main():
    global start
    load_before = os.getloadavg()[0]
    try:
        plan = prepare()
        plan["survey_writers"] = int(
            os.environ.get("LOAD_SURVEY_WRITERS", max(1, round((READERS + len(plan["writers"])) / 2)))
        )
        start = time.monotonic()
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(READERS)]
        threads += [
            threading.Thread(target=comment_writer, args=(i, w, plan)) for i, w in enumerate(plan["writers"])
        ]
        threads += [
            threading.Thread(target=survey_writer, args=(i, plan)) for i in range(plan["survey_writers"])
        ]
        threads.append(threading.Thread(target=faults))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        load_after = os.getloadavg()[0]
        flushed = flush_pools()
        rows, pool = stored(plan)
        report(plan, rows, pool, flushed, (round(load_before, 1), round(load_after, 1)))
    finally:
        stack.stop()
        POSTGRES.destroy()
        if os.environ.get("LOAD_KEEP_LOGS"):
            sys.stdout.write(f"logs kept in {os.environ['STACK_STATE']}\n")
        else:
            shutil.rmtree(os.environ["STACK_STATE"], ignore_errors=True)


if __name__ == "__main__":
    main()
