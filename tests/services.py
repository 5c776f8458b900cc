"""Private services for fault tests: never the shared PostgreSQL :5432 or Redis :6379."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


class PrivateRedis:
    """`redis-server` on a free loopback port, no persistence; stop()/start() for faults."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("redis-server is not installed")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class PrivatePostgres:
    """A throw-away cluster (initdb in a temporary folder, pg_ctl) on a free port."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="portal-pg-")
        self.data = os.path.join(self.dir, "data")

    def _bin(self, name):
        binary = shutil.which(name) or f"/usr/local/bin/{name}"
        # PostgreSQL refuses to run as root: run its tools as the postgres user then.
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", binary]
        return [binary]

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        subprocess.run(
            [*self._bin("initdb"), "-D", self.data, "-U", "postgres", "-A", "trust"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self

    def start(self):
        opts = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            [
                *self._bin("pg_ctl"),
                "-D",
                self.data,
                "-o",
                opts,
                "-w",
                "-l",
                os.path.join(self.dir, "log"),
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return self

    def stop(self):
        subprocess.run(
            [*self._bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def url(self, name="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def destroy(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class AppServer:
    """A real gunicorn app server (production settings, see tests/server_settings.py)."""

    def __init__(self, env: dict, workers: int = 2):
        self.port = free_port()
        self.env = {**os.environ, **env}
        self.workers = workers
        self.process = None
        self.log = tempfile.NamedTemporaryFile(prefix="portal-gunicorn-", suffix=".log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        gunicorn = os.path.join(ROOT, ".venv", "bin", "gunicorn")
        self.process = subprocess.Popen(
            [
                gunicorn,
                "-c",
                "deploy/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "portal.wsgi:application",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, timeout=60)
        # Warm each worker up (templates, first queries) so tests time requests, not boots.
        import urllib.request

        for _ in range(self.workers):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.url + "/healthz", timeout=60).read()
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(20)
        self.process = None


def server_env(database_url: str, redis_url: str = "", **extra) -> dict:
    """Environment for AppServer: production settings on loopback without TLS."""
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "SECRET_KEY": "fault-tests-" + "k" * 50,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "EMAIL_URL": "dummymail://",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "SERVICE_RETRY_AFTER_SECONDS": "7",
    }
    env.update(extra)
    return env


class SmtpSink:
    """A tiny SMTP server on a free loopback port that keeps what it receives (tests only)."""

    def __init__(self, port: int | None = None):
        import socketserver
        import threading

        self.port = port or free_port()
        self.messages: list[bytes] = []
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line):
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self):
                self.reply("220 sink ready")
                while line := self.rfile.readline():
                    verb = line.strip().split(b" ")[0].upper()
                    if verb == b"EHLO":
                        self.reply("250 sink")
                    elif verb == b"DATA":
                        self.reply("354 go on")
                        data = b""
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data += chunk
                        sink.messages.append(data)
                        self.reply("250 queued")
                    elif verb == b"QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("250 ok")

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
