"""Remind members of workgroup meetings starting within the next day. Run hourly from cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from agenda.services import meetings_remind


class Command(BaseCommand):
    help = "Notify workgroup members of meetings starting within --hours (default 24); once per meeting."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        sent = meetings_remind(now=timezone.now(), within=timedelta(hours=hours))
        self.stdout.write(f"{sent} reminder(s) sent.")
