"""Count every existing response into the new tallies (surveys.tallies.rebuild, in SQL)."""

from django.db import migrations


def backfill(apps, schema_editor):
    from surveys.models import SurveyPage
    from surveys.tallies import rebuild

    Response = apps.get_model("surveys", "Response")
    for survey_id in Response.objects.values_list("survey_id", flat=True).distinct():
        survey = SurveyPage.objects.filter(pk=survey_id).first()
        if survey is not None:
            rebuild(survey)


class Migration(migrations.Migration):
    dependencies = [("surveys", "0004_result_tallies")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
