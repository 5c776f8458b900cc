from django.core.management.base import BaseCommand

from surveys.models import SurveyPage
from surveys.tallies import rebuild


class Command(BaseCommand):
    help = "Recount survey result tallies from the stored responses (all surveys, or the ids given)."

    def add_arguments(self, parser):
        parser.add_argument("survey_ids", nargs="*", type=int)

    def handle(self, *args, survey_ids, **options):
        surveys = SurveyPage.objects.all()
        if survey_ids:
            surveys = surveys.filter(pk__in=survey_ids)
        for survey in surveys:
            rows = rebuild(survey)
            self.stdout.write(f"survey {survey.pk}: {rows} tally rows")
