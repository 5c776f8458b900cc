"""Run daily: tell followers and participants that a topic's comment window closes in 3 days."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from forums.services import topics_notify_closing


class Command(BaseCommand):
    help = "Notify people following a topic whose comment window closes within 3 days (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3)

    def handle(self, *args, days: int, **options):
        count = topics_notify_closing(now=timezone.now(), within=timedelta(days=days))
        self.stdout.write(f"{count} notification(s) recorded.")
