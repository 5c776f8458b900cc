"""Render the standalone 503 and 413 pages to a folder nginx serves when no app server answers."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string


class Command(BaseCommand):
    help = "Write 503.html and 413.html (the portal's own error pages) for nginx."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="e.g. /srv/portal/errors")

    def handle(self, folder, **options):
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        context = {"retry_after": settings.SERVICE_RETRY_AFTER_SECONDS, "reason": "database"}
        (target / "503.html").write_text(render_to_string("errors/503.html", context))
        (target / "413.html").write_text(render_to_string("errors/413.html", {}))
        self.stdout.write(f"wrote {target / '503.html'} and {target / '413.html'}")
