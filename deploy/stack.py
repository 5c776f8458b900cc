"""Start (or stop) the production shape on one machine, on loopback, for real.

    python deploy/stack.py start   # nginx :8280 -> gunicorn :8201 + :8202, Redis :6390,
                                   # the task worker, database portal_stack
    python deploy/stack.py stop    # stops what start started, by process id
    python deploy/stack.py status
    python deploy/stack.py supervise CMD...   # run CMD again 5 s after it exits (the worker)

The same files production uses (deploy/gunicorn.conf.py, deploy/nginx/portal-common.conf,
portal.settings.production); only addresses and paths differ. State, logs and process ids
live in .stack/ (not in git).
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("STACK_STATE", ROOT / ".stack"))
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
NGINX_PORT = int(os.environ.get("STACK_PORT", 8280))
APP_PORTS = [int(p) for p in os.environ.get("STACK_APP_PORTS", "8201,8202").split(",")]
REDIS_PORT = int(os.environ.get("STACK_REDIS_PORT", 6390))
DB_NAME = os.environ.get("STACK_DB", "portal_stack")
DB_SERVER = os.environ.get("STACK_DB_SERVER", "postgres://postgres@127.0.0.1:5432")


def log(message):
    sys.stdout.write(f"stack: {message}\n")
    sys.stdout.flush()


def wait_for_port(port, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), 0.3):
                return True
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"stack: nothing answers on 127.0.0.1:{port} (see {STATE}/*.log)")


def wait_until_serving(port, timeout=180.0):
    """gunicorn listens before its workers have loaded the portal: wait for a real answer."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": "127.0.0.1"})
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"stack: app server :{port} does not answer /healthz (see {STATE}/web-{port}.log)")


def environment():
    secret_file = STATE / "secret_key"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(50))
        secret_file.chmod(0o600)
    origin = f"http://127.0.0.1:{NGINX_PORT}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secret_file.read_text().strip(),
        "DATABASE_URL": f"{DB_SERVER}/{DB_NAME}",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"{origin},http://localhost:{NGINX_PORT}",
        "SITE_BASE_URL": origin,
        "TASKS_BACKEND": "django_tasks_db.backend.DatabaseBackend",
        "EMAIL_URL": os.environ.get("STACK_EMAIL_URL", "consolemail://"),
        "CLIENT_IP_HEADER": "X-Real-IP",
        "STATIC_ROOT": str(STATE / "static"),
        "MEDIA_ROOT": str(STATE / "media"),
        # Loopback without TLS: the only production switches the stack turns off.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "GUNICORN_WORKERS": os.environ.get("STACK_WORKERS", "2"),
        "GUNICORN_FORWARDED_ALLOW_IPS": "127.0.0.1",
    }


def spawn(name, argv, env):
    logfile = open(STATE / f"{name}.log", "ab")  # noqa: SIM115 (kept by the child)
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=logfile, stderr=subprocess.STDOUT, start_new_session=True
    )
    (STATE / f"{name}.pid").write_text(str(process.pid))
    log(f"{name} started (pid {process.pid})")
    return process


def nginx_conf():
    common = (ROOT / "deploy" / "nginx" / "portal-common.conf").read_text()
    common = (
        common.replace("/var/log/nginx/portal.access.log", str(STATE / "access.log"))
        .replace("/srv/portal/staticfiles/", f"{STATE / 'static'}/")
        .replace("/srv/portal/media/", f"{STATE / 'media'}/")
        .replace("/srv/portal/errors/", f"{STATE / 'errors'}/")
    )
    upstreams = "\n".join(
        f"        server 127.0.0.1:{port} max_fails=2 fail_timeout=5s;" for port in APP_PORTS
    )
    # One single-server group per app server, chosen by the stack-only X-Stack-Upstream header.
    pinned = "\n".join(
        f"    upstream stack_app_{port} {{ server 127.0.0.1:{port}; keepalive 4; }}" for port in APP_PORTS
    )
    pins = "\n".join(f"        {port} stack_app_{port};" for port in APP_PORTS)
    if "proxy_pass http://portal_app;" not in common:
        raise SystemExit("stack: portal-common.conf no longer proxies to portal_app; update stack.py")
    common = common.replace("proxy_pass http://portal_app;", "proxy_pass http://$stack_upstream;")
    template = (ROOT / "deploy" / "nginx" / "stack.conf.template").read_text()
    return template.format(
        state=STATE,
        port=NGINX_PORT,
        upstreams=upstreams,
        pinned=pinned,
        pins=pins,
        common="\n".join("        " + line for line in common.splitlines()),
        rate_all=os.environ.get("STACK_RATE", "50r/s"),
        rate_post=os.environ.get("STACK_RATE_POST", "20r/s"),
    )


def together(env, *commands):
    running = [subprocess.Popen(argv, cwd=ROOT, env=env) for argv in commands]
    failed = [argv[2] for argv, process in zip(commands, running, strict=True) if process.wait() != 0]
    if failed:
        raise SystemExit(f"stack: {', '.join(failed)} failed")


def ensure_database(env):
    import psycopg2

    conn = psycopg2.connect(f"{DB_SERVER}/postgres")
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{DB_NAME}"')
            log(f"created database {DB_NAME}")
    conn.close()
    manage = [PYTHON, "manage.py"]
    # Independent steps run side by side (each pays Django's start-up); the error pages
    # link the collected, fingerprinted CSS, so they come after collectstatic.
    together(
        env,
        [*manage, "migrate", "--noinput", "-v0"],
        [*manage, "collectstatic", "--noinput", "-v0"],
    )
    subprocess.run([*manage, "error_pages", str(STATE / "errors")], cwd=ROOT, env=env, check=True)
    if os.environ.get("STACK_DEMO", "1") == "1" and not (STATE / "demo-loaded").exists():
        subprocess.run([*manage, "load_demo"], cwd=ROOT, env=env, check=True)
        (STATE / "demo-loaded").write_text("yes")


def start():
    began = time.monotonic()
    if running():
        raise SystemExit("stack: already running (python deploy/stack.py stop first)")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("stack: nginx is missing (make nginx installs Debian's package)")
    STATE.mkdir(exist_ok=True)
    (STATE / "media").mkdir(exist_ok=True)
    env = environment()
    spawn(
        "redis",
        [
            "redis-server",
            "--port",
            str(REDIS_PORT),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        env,
    )
    wait_for_port(REDIS_PORT)
    ensure_database(env)
    log(f"database, static files and error pages ready after {time.monotonic() - began:.0f} s")
    for port in APP_PORTS:
        spawn(
            f"web-{port}",
            [
                GUNICORN,
                "-c",
                "deploy/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "portal.wsgi:application",
            ],
            env,
        )
    # Supervised as systemd's portal-worker.service does (Restart=always): db_worker exits
    # when PostgreSQL goes away, and must come back by itself when it returns.
    spawn(
        "worker", [PYTHON, str(Path(__file__).resolve()), "supervise", PYTHON, "manage.py", "db_worker"], env
    )
    (STATE / "nginx.conf").write_text(nginx_conf())
    for port in APP_PORTS:
        wait_for_port(port)
        wait_until_serving(port)
    log(f"app servers serving after {time.monotonic() - began:.0f} s")
    subprocess.run([nginx, "-t", "-q", "-c", str(STATE / "nginx.conf")], check=True)
    subprocess.run([nginx, "-c", str(STATE / "nginx.conf")], check=True)
    wait_for_port(NGINX_PORT)
    log(f"nginx pid {(STATE / 'nginx.pid').read_text().strip()}")
    log(
        f"the portal answers at http://127.0.0.1:{NGINX_PORT}/ (app servers {APP_PORTS}; "
        f"started in {time.monotonic() - began:.0f} s)"
    )


def pids():
    found = {}
    for pidfile in sorted(STATE.glob("*.pid")):
        try:
            found[pidfile.stem] = int(pidfile.read_text().strip())
        except ValueError:
            pidfile.unlink()
    return found


def alive(pid):
    # A process this one started (bench/stack_load.py calls start() in-process) stays a
    # zombie until reaped, and a zombie still answers kill(pid, 0): reap it, then look.
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # someone else's zombie is dead all the same
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def running():
    return {name: pid for name, pid in pids().items() if alive(pid)}


def family(pid):
    """The process and everything it started (gunicorn's and nginx's workers), from /proc."""
    found = {pid}
    tasks = Path(f"/proc/{pid}/task")
    for children in tasks.glob("*/children") if tasks.exists() else []:
        try:
            for child in children.read_text().split():
                found |= family(int(child))
        except (OSError, ValueError):
            continue
    return found


def stop():
    started = running()
    everyone = set().union(*(family(pid) for pid in started.values())) if started else set()
    for name, pid in started.items():
        os.kill(pid, signal.SIGTERM if name != "nginx" else signal.SIGQUIT)
        log(f"stopping {name} (pid {pid})")
    # Done when every process is gone, the workers too, not only the ones with a pid file.
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in everyone) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in [pid for pid in everyone if alive(pid)]:
        os.kill(pid, signal.SIGKILL)
        log(f"killed pid {pid}")
    for pidfile in STATE.glob("*.pid"):
        pidfile.unlink()
    log("stopped")


RESTART_SECONDS = float(os.environ.get("STACK_RESTART_SECONDS", 5))


def supervise(argv):
    """Run argv; when it exits, run it again RESTART_SECONDS later, until SIGTERM/SIGINT
    (passed on to it). The stand-in for systemd's Restart=always on one machine."""
    stopping = threading.Event()
    child = None

    def on_signal(signum, frame):
        stopping.set()
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    while not stopping.is_set():
        child = subprocess.Popen(argv, cwd=ROOT)
        if stopping.is_set():  # the signal came while it was being started
            child.terminate()
        code = child.wait()
        if stopping.is_set():
            break
        log(f"{' '.join(argv[-2:])} exited with {code}; starting it again in {RESTART_SECONDS:g} s")
        stopping.wait(RESTART_SECONDS)


def status():
    for name, pid in pids().items():
        log(f"{name}: pid {pid} {'running' if alive(pid) else 'gone'}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "status"
    if command == "supervise":
        supervise(sys.argv[2:])
    else:
        {"start": start, "stop": stop, "status": status}.get(command, status)()
