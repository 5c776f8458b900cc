"""Run daily: one e-mail per person with the notifications they chose to get as a digest."""

from django.core.management.base import BaseCommand

from portal.notifications.services import digests_enqueue


class Command(BaseCommand):
    help = "Send each person who chose the daily digest one e-mail with their new notifications."

    def handle(self, *args, **options):
        count = digests_enqueue()
        self.stdout.write(f"{count} digest(s) queued.")
