"""Serve the portal the way production does and measure pages with wrk.

gunicorn (production settings, 2 workers) + WhiteNoise + PostgreSQL, demo content loaded;
then `wrk` against each page: requests/s and latency p50/p99. Not part of `make test`.

    bench/run.sh                       # the pages in bench/pages.txt
    bench/run.sh / /updates/           # the pages given
    BENCH_DURATION=30 bench/run.sh     # longer runs
"""

import argparse
import importlib
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `bench.targets` imports when run as a script
PORT = int(os.environ.get("BENCH_PORT", "8100"))
BASE = f"http://127.0.0.1:{PORT}"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=DATABASE_URL,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(ROOT / "staticfiles"),
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        EMAIL_URL="dummymail://",
    )
    return env


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment(), check=True)


def prepare() -> None:
    name = DATABASE_URL.rsplit("/", 1)[-1]
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True)
    manage("migrate", "--noinput", "-v0")
    manage("load_demo")
    manage("collectstatic", "--noinput", "-v0")
    for module in sorted((ROOT / "bench").glob("prepare_*.py")):
        print(f"preparing: {module.name}")
        subprocess.run([sys.executable, str(module)], cwd=ROOT, env=environment(), check=True)


def serve() -> subprocess.Popen:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", PORT)) == 0:
            raise SystemExit(f"Port {PORT} is already in use: stop that server or set BENCH_PORT.")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment(),
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz within 20 seconds")


def resolve(path: str) -> str:
    if not path.startswith("@"):
        return path
    targets = importlib.import_module("bench.targets")
    return targets.resolve(path[1:], environment())


def wrk(path: str, duration: int, connections: int) -> dict[str, str]:
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        status = response.status
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", BASE + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.MULTILINE))
    rps = re.search(r"Requests/sec:\s+(\S+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "path": path,
        "status": str(status),
        "rps": rps.group(1) if rps else "?",
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "non2xx": errors.group(1) if errors else "0",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--skip-prepare", action="store_true")
    args = parser.parse_args()
    duration = int(os.environ.get("BENCH_DURATION", "10"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "8"))
    paths = args.paths or [
        line.strip()
        for line in (ROOT / "bench" / "pages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    if not args.skip_prepare:
        prepare()
    server = serve()
    try:
        rows = [wrk(resolve(p), duration, connections) for p in paths]
    finally:
        server.terminate()
        server.wait(timeout=10)
    header = "| page | status | req/s | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|"
    lines = [
        f"| {r['path']} | {r['status']} | {r['rps']} | {r['p50']} | {r['p99']} | {r['non2xx']} |"
        for r in rows
    ]
    report = (
        f"# Benchmark {datetime.now():%Y-%m-%d %H:%M}\n\n"
        f"gunicorn 2 workers, production settings, PostgreSQL; wrk -t2 -c{connections} -d{duration}s\n\n"
        + "\n".join([header, *lines])
        + "\n"
    )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"{datetime.now():%Y%m%d-%H%M%S}.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
