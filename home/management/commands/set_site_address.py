"""Point the default Wagtail Site at SITE_BASE_URL (run after deploying to a new address)."""

from django.core.management.base import BaseCommand, CommandError

from home.site_address import site_address_sync


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from SITE_BASE_URL (or --url)."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="Public address, e.g. https://portal.example.org")

    def handle(self, *args, url=None, **options):
        try:
            site = site_address_sync(base_url=url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if site is None:
            raise CommandError("There is no default site yet; run migrate first.")
        self.stdout.write(self.style.SUCCESS(f"The site's address is now {site.root_url}/"))
