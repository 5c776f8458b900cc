"""Print the current two-step code for the demo staff accounts (DEBUG only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.accounts.demo import DEMO_TOTP_SECRET
from portal.accounts.mfa import totp_current_code


class Command(BaseCommand):
    help = "Print the current authenticator code shared by the demo staff accounts."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp only runs with DEBUG on (the demo).")
        self.stdout.write(totp_current_code(secret=DEMO_TOTP_SECRET))
