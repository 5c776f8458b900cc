"""The production shape for real: Chromium through nginx to two app servers (issue 9).

`deploy/stack.py start` (what `make stack` runs once its tools are installed) starts nginx,
two gunicorn app servers, a private Redis and the task worker on free loopback ports, against
this test's own database (never `make stack`'s ports or the shared Redis). The stack's nginx
names the app server that answered (`X-Upstream`) and honours `X-Stack-Upstream: PORT`, so
each step is sent to a chosen server: sign in on A, read on B, post with B's form on A, see
A's message on B, and the posting limit counts both servers' posts. `make stack-stop` must
then leave no process and no open port.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect

from forums.factories import CommentFactory, TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import Comment
from home.models import HomePage
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from tests.services import free_port

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT = 240  # migrate check, collectstatic and four gunicorn workers on a busy machine


def _world():
    """A public workgroup topic and an established participant (no hold on their comments)."""
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.get(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, slug="kinship", title="Kinship workgroup")
    topic = TopicPageFactory(parent=workgroup, slug="respite", title="Respite for kin families")
    member = UserFactory(display_name="Robin", email="robin@example.org")
    member.date_joined = timezone.now() - timedelta(days=90)
    # The stack runs the real production settings, whose hashers exclude the suite's fast one.
    hasher = PBKDF2PasswordHasher()
    member.password = hasher.encode(DEFAULT_PASSWORD, hasher.salt())
    member.save(update_fields=["date_joined", "password"])
    CommentFactory(topic=topic, author=member, body="An earlier, approved comment.")
    return topic, member


def _stack_env(state: str) -> dict:
    settings = connection.settings_dict
    return {
        **os.environ,
        "STACK_STATE": state,
        "STACK_PORT": str(free_port()),
        "STACK_APP_PORTS": f"{free_port()},{free_port()}",
        "STACK_REDIS_PORT": str(free_port()),
        "STACK_DB_SERVER": (
            f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
        ),
        "STACK_DB": settings["NAME"],
        "STACK_DEMO": "0",
        # Two posts a day per person: the third, on either server, is refused.
        "MODERATION_RATE_COMMENT": "2/d",
    }


def _descendants(pid: int) -> set[int]:
    found = {pid}
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as children:
                for child in children.read().split():
                    found |= _descendants(int(child))
    return found


def _running(pid: int) -> bool:
    """Exists and is not a zombie (an exited process its parent has not reaped yet)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    with contextlib.suppress(OSError):
        return [
            int(c)
            for t in os.listdir(f"/proc/{pid}/task")
            for c in Path(f"/proc/{pid}/task/{t}/children").read_text().split()
        ]
    return []


def _listening(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
        return True
    return False


@pytest.fixture
def stack():
    state = tempfile.mkdtemp(prefix="portal-stack-e2e-")
    os.chmod(state, 0o755)  # nginx's workers read the error pages there
    env = _stack_env(state)
    started = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "deploy/stack.py", "start"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT,
    )
    info = {
        "env": env,
        "state": Path(state),
        "url": f"http://127.0.0.1:{env['STACK_PORT']}",
        "apps": env["STACK_APP_PORTS"].split(","),
        "ports": [int(env["STACK_PORT"]), int(env["STACK_REDIS_PORT"])]
        + [int(p) for p in env["STACK_APP_PORTS"].split(",")],
        "stopped": False,
    }
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        yield info
    finally:
        if not info["stopped"]:  # the test failed before its own `make stack-stop`
            subprocess.run(
                [str(ROOT / ".venv" / "bin" / "python"), "deploy/stack.py", "stop"], cwd=ROOT, env=env
            )
        shutil.rmtree(state, ignore_errors=True)


def _pin(context, port: str):
    context.set_extra_http_headers({"X-Stack-Upstream": port})


def _answered_by(response, port: str):
    assert response is not None
    assert response.headers.get("x-upstream") == f"127.0.0.1:{port}", (response.url, response.headers)


def _post_comment(page, body: str):
    """(the POST's response, the response of the page the browser landed on)."""
    page.fill("#comment-body-new", body)
    with page.expect_navigation() as landed:
        page.get_by_role("button", name="Post", exact=True).click()
    landing = landed.value
    posted = landing.request.redirected_from
    return (posted.response() if posted else landing), landing


def test_sign_in_on_one_server_continue_on_the_other_then_stop(browser, stack, screenshot_dir):
    topic, member = _world()
    a, b = stack["apps"]
    # The task worker dies (as db_worker does when PostgreSQL goes away); its supervisor, the
    # stack's stand-in for systemd's Restart=always, must start it again while we go on.
    supervisor = int((stack["state"] / "worker.pid").read_text())
    [first_worker] = _children(supervisor)
    os.kill(first_worker, signal.SIGKILL)
    context = browser.new_context(base_url=stack["url"], viewport={"width": 1280, "height": 900})
    context.set_default_timeout(60_000)  # a busy shared machine; a hang still fails
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # Sign in on server A (the CSRF cookie and the session are A's).
    _pin(context, a)
    _answered_by(page.goto("/accounts/login/"), a)
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    with page.expect_response(lambda r: r.request.method == "POST") as signed_in:
        page.locator("form:has(input[name=login]) [type=submit]").click()
    page.wait_for_load_state()
    _answered_by(signed_in.value, a)
    assert signed_in.value.status == 302

    # Server B knows the session: the topic shows the signed-in member's comment form.
    _pin(context, b)
    _answered_by(page.goto(topic.url), b)
    expect(page.locator("#comment-body-new")).to_be_visible()

    # B's form (B's CSRF token) is posted to A; A's message shows on B after the redirect.
    def post_on_a(route):
        response = route.fetch(headers={**route.request.headers, "x-stack-upstream": a}, max_redirects=0)
        route.fulfill(response=response)

    page.route(re.compile(r".*/comments/$"), post_on_a)
    posted, landing = _post_comment(page, "First note through nginx, posted on server A.")
    _answered_by(posted, a)
    assert posted.status == 302
    _answered_by(landing, b)
    expect(page.get_by_text("Your comment is posted.")).to_be_visible()
    page.unroute(re.compile(r".*/comments/$"))

    # The second post goes to B: both count towards the same two-a-day limit ...
    posted, landing = _post_comment(page, "Second note, posted on server B.")
    _answered_by(posted, b)
    expect(page.get_by_text("Your comment is posted.")).to_be_visible()
    # ... so a third one on A is refused, and what was typed is kept.
    _pin(context, a)
    page.goto(topic.url)
    refused, _ = _post_comment(page, "Third note: one too many today.")
    _answered_by(refused, a)
    assert refused.status == 429 and refused.headers.get("retry-after")
    expect(page.get_by_role("heading", name="Please slow down")).to_be_visible()
    expect(page.locator("#typed-text")).to_have_value("Third note: one too many today.")
    page.screenshot(path=os.path.join(screenshot_dir, "stack-429-on-a.png"))

    _pin(context, b)
    page.goto(topic.url)
    expect(page.get_by_text("Second note, posted on server B.")).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "stack-topic-on-b.png"), full_page=True)
    context.close()
    assert list(Comment.objects.filter(author=member).order_by("pk").values_list("body", flat=True)) == [
        "An earlier, approved comment.",
        "First note through nginx, posted on server A.",
        "Second note, posted on server B.",
    ]
    assert not errors, errors

    for _ in range(600):  # the supervisor waits 5 s, then starts db_worker again
        restarted = [pid for pid in _children(supervisor) if pid != first_worker and _running(pid)]
        if restarted:
            break
        time.sleep(0.1)
    assert restarted, "the worker was not started again"

    # `make stack-stop` stops every process the stack started (children included), by pid.
    pidfiles = {p.stem: int(p.read_text()) for p in stack["state"].glob("*.pid")}
    assert {"nginx", "redis", "worker", f"web-{a}", f"web-{b}"} <= set(pidfiles)
    processes = set().union(*(_descendants(pid) for pid in pidfiles.values()))
    assert len(processes) >= len(pidfiles) + 4  # gunicorn's workers and nginx's are there
    stopped = subprocess.run(
        ["make", "--no-print-directory", "stack-stop"],
        cwd=ROOT,
        env=stack["env"],
        capture_output=True,
        text=True,
    )
    stack["stopped"] = True
    assert stopped.returncode == 0, stopped.stdout + stopped.stderr
    assert not list(stack["state"].glob("*.pid"))
    assert [pid for pid in processes if _running(pid)] == []
    assert [port for port in stack["ports"] if _listening(port)] == []
