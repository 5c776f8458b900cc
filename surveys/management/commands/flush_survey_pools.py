"""Run hourly: write waiting anonymous answers as responses, in shuffled batches."""

from django.core.management.base import BaseCommand

from surveys.pool import flush_all


class Command(BaseCommand):
    help = (
        "Write anonymous surveys' waiting answers as responses: a batch wherever at least "
        "SURVEY_ANONYMITY_CROWD are waiting, and everything for closed or full surveys."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also write batches smaller than the crowd (joined by earlier responses).",
        )

    def handle(self, *args, force=False, **options):
        written = flush_all(force=force)
        self.stdout.write(f"{written} response(s) written.")
