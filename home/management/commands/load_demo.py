"""Load the demo: a fictional agency, its partners, people for every role, and content."""

import importlib
import logging
from contextlib import contextmanager

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from home.site_address import site_address_sync
from portal.demo import DemoContext


class Command(BaseCommand):
    help = "Load realistic demo content (idempotent; --force rebuilds what it can)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--force", action="store_true", help="Rebuild demo content.")

    def handle(self, *args, seed, force, **options):
        ctx = DemoContext(seed=seed, force=force, write=self.stdout.write)
        site_address_sync()  # canonical links, og:url and the sitemap say SITE_BASE_URL
        modules = []
        for config in apps.get_app_configs():
            try:
                modules.append((config.verbose_name, importlib.import_module(f"{config.name}.demo")))
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
        with _quietly():
            for number, (label, module) in enumerate(modules, start=1):
                self.stdout.write(self.style.MIGRATE_HEADING(f"[{number}/{len(modules)}] {label}"))
                with transaction.atomic():
                    module.generate(ctx)
        self._print_logins(ctx)

    def _print_logins(self, ctx):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Demo ready. Sign in at http://127.0.0.1:8000/accounts/login/"))
        role_width = max((len(login.role) for login in ctx.logins), default=10)
        email_width = max((len(login.email) for login in ctx.logins), default=20)
        for login in ctx.logins:
            line = f"  {login.role:<{role_width}}  {login.email:<{email_width}}  {login.password}"
            self.stdout.write(line + (f"  ({login.note})" if login.note else ""))


@contextmanager
def _quietly():
    """Seeding publishes pages and posts comments: keep their log lines and the notification
    e-mails they trigger (nobody reads a seeded inbox) out of the newcomer's terminal."""
    logging.disable(logging.INFO)
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            yield
    finally:
        logging.disable(logging.NOTSET)
