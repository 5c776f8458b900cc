"""One command: the portal against the anchors, in one interleaved wrk run (issue 13).

    make bench-compare                     # or: .venv/bin/python bench/compare.py
    BENCH_DURATION=15 BENCH_ROUNDS=3 make bench-compare
    .venv/bin/python bench/compare.py --skip-prepare   # reuse the prepared databases

Starts, each under `gunicorn -w 2 -k sync` (the anchors' settings):
- the plain-Wagtail peer (`wagtail start`, ~2 KB rich-text home; bench/anchors/peer_wagtail/),
- the bare Django view returning 15 KB (bench/anchors/ceiling_django/),
- the portal in production settings with demo data + a 1,000-comment topic, a private
  `redis-server` on a free port for its caches, and PAGECACHE_BYPASS_TOKEN so that the
  uncached variant of each page is measured in the same run (header `X-Pagecache-Bypass`).
Then wrk rounds over every target (bench/anchors/wrk_bench.py), an in-process probe (queries,
render ms) and the bytes a first and a repeat visit transfer; prints the issue's table.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import measure  # noqa: E402

ANCHORS = ROOT / "bench" / "anchors"
PY = sys.executable
BIN = Path(PY).parent
STATE = Path(os.environ.get("BENCH_STATE", Path(tempfile.gettempdir()) / "portal-bench"))
TOKEN = secrets.token_urlsafe(24)
GUNICORN = ["-w", "2", "-k", "sync", "--timeout", "60", "--graceful-timeout", "5", "--no-control-socket"]
PEER_DB = os.environ.get("BENCH_PEER_DB", "portal_bench_peer")
PAGES = [  # name, path (@name: resolved by bench/targets.py), also measured uncached?
    ("home", "/"),
    ("toc", "/theory-of-change/"),
    ("topic1000", "@forums_topic_1000"),
    ("plan", "/workgroups/plan/"),
    ("search", "/search/?q=kin"),  # never page-cached: one variant
]
CONTENT_PAGE = "/updates/first-family-team-meetings/"
SIGNED_IN = ("topic1000", "fosterparent")  # a page measured for a signed-in reader, and who


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, headers: dict | None = None) -> None:
    for _ in range(150):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within 30 seconds")


def peer_env() -> dict:
    db = measure.DATABASE_URL.rsplit("/", 1)[0]  # postgres://user@host:port
    match = re.match(r"postgres(?:ql)?://(?:(\w+)@)?([^:/]+)", db)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peer.settings.production",
        "PEER_DB": PEER_DB,
        "PEER_DB_USER": match.group(1) or "",
        "PEER_DB_HOST": match.group(2),
    }


def prepare_peer() -> Path:
    peer = STATE / "peer"
    if not (peer / "manage.py").exists():
        peer.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(BIN / "wagtail"), "start", "peer", str(peer)], check=True)
    here = ANCHORS / "peer_wagtail"
    shutil.copy(here / "local.py", peer / "peer" / "settings" / "local.py")
    shutil.copy(here / "models.py", peer / "home" / "models.py")
    shutil.copy(here / "home_page.html", peer / "home" / "templates" / "home" / "home_page.html")
    env = peer_env()
    subprocess.run(
        ["createdb", "-h", env["PEER_DB_HOST"], "-U", env["PEER_DB_USER"] or "postgres", PEER_DB],
        capture_output=True,
    )
    for args in (
        ["makemigrations", "home", "-v0"],
        ["migrate", "--noinput", "-v0"],
        ["shell", "-c", (here / "populate.py").read_text()],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([PY, "manage.py", *args], cwd=peer, env=env, check=True, capture_output=True)
    return peer


def start_all(procs: list, ports: dict, env: dict) -> None:
    peer = STATE / "peer"
    procs.append(
        subprocess.Popen(
            [str(BIN / "gunicorn"), "peer.wsgi:application", *GUNICORN, "-b", f"127.0.0.1:{ports['peer']}"],
            cwd=peer,
            env=peer_env(),
        )
    )
    procs.append(
        subprocess.Popen(
            [str(BIN / "gunicorn"), "ceiling:application", *GUNICORN, "-b", f"127.0.0.1:{ports['django']}"],
            cwd=ANCHORS / "ceiling_django",
        )
    )
    procs.append(
        subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(ports["redis"]),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
    )
    procs.append(
        subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "portal.wsgi",
                *GUNICORN,
                "-b",
                f"127.0.0.1:{ports['portal']}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
    )
    for name in ("peer", "django", "portal"):
        wait_for(f"http://127.0.0.1:{ports[name]}/")


def wrk_rounds(targets: list, args) -> dict:
    """Every target once per round, in order; returns name -> list of parsed wrk results."""
    sys.path.insert(0, str(ANCHORS))
    import wrk_bench  # the anchors' parser

    runs = {name: [] for name, _url, _headers in targets}
    for _name, url, headers in targets:  # unrecorded warm-up
        subprocess.run(["wrk", "-t2", f"-c{args.connections}", "-d1s", *headers, url], capture_output=True)
    for rnd in range(1, args.rounds + 1):
        for name, url, headers in targets:
            time.sleep(1)
            cmd = [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "--latency",
                *headers,
                url,
            ]
            result = wrk_bench.parse(subprocess.run(cmd, capture_output=True, text=True).stdout)
            runs[name].append(result)
            print(
                f"round {rnd} {name:<22} {result['rps'] or 0:9.1f} req/s  p99 {result['p99'] or 0:8.1f} ms"
                f"{'  non-2xx ' + str(result['non2xx']) if result['non2xx'] else ''}",
                flush=True,
            )
    return runs


def transferred(base: str, path: str) -> tuple[int, int]:
    """Bytes on the wire (gzip accepted) for a first visit (page + its CSS/JS/images) and a
    repeat visit (the page only: static files are fingerprinted and cached for a year)."""

    def get(url):
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            header_bytes = sum(len(k) + len(v) + 4 for k, v in response.getheaders())
            return body, header_bytes + len(body)

    body, page = get(base + path)
    html = (__import__("gzip").decompress(body) if body[:2] == b"\x1f\x8b" else body).decode()
    assets = set(re.findall(r'(?:href|src)="(/static/[^"#]+)"', html))
    return page + sum(get(base + asset)[1] for asset in assets), page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--skip-prepare", action="store_true")
    parser.add_argument("-d", "--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "5")))
    parser.add_argument("-r", "--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "2")))
    parser.add_argument("-c", "--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk") or not shutil.which("redis-server"):
        raise SystemExit("wrk and redis-server are needed: apt-get install -y wrk redis-server")
    ports = {"peer": free_port(), "django": free_port(), "redis": free_port(), "portal": free_port()}
    env = {
        **measure.environment(),
        "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/0",
        "PAGECACHE_BYPASS_TOKEN": TOKEN,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    if not args.skip_prepare:
        measure.prepare()
        prepare_peer()
    procs: list[subprocess.Popen] = []
    try:
        start_all(procs, ports, env)
        portal = f"http://127.0.0.1:{ports['portal']}"
        pages = [(name, measure.resolve(path) if path.startswith("@") else path) for name, path in PAGES]
        bypass = ["-H", f"X-Pagecache-Bypass: {TOKEN}"]
        gzip = ["-H", "Accept-Encoding: gzip"]
        targets = [
            ("plain Wagtail home", f"http://127.0.0.1:{ports['peer']}/", []),
            ("bare Django view", f"http://127.0.0.1:{ports['django']}/", []),
        ]
        for name, path in pages:
            if name != "search":
                targets.append((f"portal {name} cached", portal + path, gzip))
            targets.append((f"portal {name} uncached", portal + path, [*gzip, *bypass]))
        signed_page, signed_user = SIGNED_IN
        signed_path = dict(pages)[signed_page]
        session = subprocess.run(
            [PY, "bench/make_session.py", signed_user],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        signed_name = f"portal {signed_page} signed in ({signed_user})"
        targets.append((signed_name, portal + signed_path, [*gzip, "-H", f"Cookie: sessionid={session}"]))
        load_before = open("/proc/loadavg").read().split()[0]
        runs = wrk_rounds(targets, args)
        probe = subprocess.run(
            [PY, "bench/probe.py", *[path for _n, path in pages]],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        probed = {row["path"]: row for row in map(json.loads, re.findall(r"^\{.*\}$", probe, re.M))}
        signed_probe = subprocess.run(
            [PY, "bench/probe.py", signed_path],
            cwd=ROOT,
            env={**env, "PROBE_USER": signed_user},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        probed[signed_name] = json.loads(re.findall(r"^\{.*\}$", signed_probe, re.M)[0])
        peer_probe = subprocess.run(
            [PY, str(ANCHORS / "render_probe.py"), "-n", "10", "/"],
            cwd=STATE / "peer",
            env=peer_env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        peer_ms = float(re.search(r"median\s+([\d.]+) ms", peer_probe).group(1))
        peer_q = int(re.search(r"(\d+) queries", peer_probe).group(1))
        first, repeat = transferred(portal, CONTENT_PAGE)
        home_first, home_repeat = transferred(portal, "/")
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=15)
    median = {name: statistics.median(r["rps"] for r in rs if r["rps"]) for name, rs in runs.items()}
    p99 = {name: statistics.median(r["p99"] for r in rs if r["p99"]) for name, rs in runs.items()}
    peer, ceiling = median["plain Wagtail home"], median["bare Django view"]
    lines = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average before {load_before}, after "
        f"{open('/proc/loadavg').read().split()[0]}; wrk -t2 -c{args.connections} -d{args.duration}s, "
        f"{args.rounds} interleaved rounds (median), gunicorn -w 2 sync, production settings, Redis.",
        "",
        "| target | req/s | p99 ms | queries | in-process render | ratio to plain Wagtail"
        " | ratio to bare Django |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    paths = {f"portal {name} {variant}": path for name, path in pages for variant in ("cached", "uncached")}
    for name, _url, _headers in targets:
        if name == "plain Wagtail home":
            queries, render = str(peer_q), f"{peer_ms:.1f} ms"
        elif name.endswith("uncached") or name == signed_name:
            row = probed[paths.get(name, name)]
            queries, render = str(row["queries"]), f"{row['render_ms']:.1f} ms"
        else:
            queries, render = "0" if name != "bare Django view" else "0", "–"
        lines.append(
            f"| {name} | {median[name]:,.0f} | {p99[name]:.1f} | {queries} | {render} | "
            f"{median[name] / peer:.2f} | {median[name] / ceiling:.3f} |"
        )
    lines += [
        "",
        f"Bytes transferred (gzip): content page `{CONTENT_PAGE}` first visit {first / 1024:.1f} KB, "
        f"repeat {repeat / 1024:.1f} KB; home first {home_first / 1024:.1f} KB, "
        f"repeat {home_repeat / 1024:.1f} KB.",
    ]
    report = "\n".join(lines) + "\n"
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"compare-{datetime.now():%Y%m%d-%H%M%S}.md").write_text(report)
    print("\n" + report)


if __name__ == "__main__":
    main()
