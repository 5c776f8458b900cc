"""Date answers counted per month in the tallies; the Surveys page in the main menu.

- Recounts the tallies of every survey that has a date question and responses
  (surveys.tallies.rebuild, which now also writes the "month" rows); `manage.py
  rebuild_survey_tallies` does the same at any time.
- Ticks "show in menus" on the survey index pages (every language copy), which sites
  migrated before issue 12 lack, so "Surveys" appears in the main menu.
- Admin labels and help texts marked for translation.
"""

from django.db import migrations, models


def count_dates_by_month(apps, schema_editor):
    from surveys.models import SurveyPage
    from surveys.questionnaire.schema import all_questions
    from surveys.tallies import rebuild

    Response = apps.get_model("surveys", "Response")
    for survey_id in Response.objects.values_list("survey_id", flat=True).distinct():
        survey = SurveyPage.objects.filter(pk=survey_id).first()
        if survey is not None and any(q.type == "date" for q in all_questions(survey.schema)):
            rebuild(survey)


def show_surveys_in_menus(apps, schema_editor):
    SurveyIndexPage = apps.get_model("surveys", "SurveyIndexPage")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    ids = list(SurveyIndexPage.objects.filter(show_in_menus=False).values_list("pk", flat=True))
    Page.objects.filter(pk__in=ids).update(show_in_menus=True)
    # The latest revision too, so publishing it later does not take the entry away again.
    for page in Page.objects.filter(pk__in=ids).exclude(latest_revision=None):
        revision = Revision.objects.get(pk=page.latest_revision_id)
        if isinstance(revision.content, dict):
            revision.content["show_in_menus"] = True
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0008_submission_receipt"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="resulttally",
            name="kind",
            field=models.CharField(
                choices=[
                    ("total", "Responses"),
                    ("week", "Responses in a week"),
                    ("choice", "Option chosen"),
                    ("answered", "Question answered"),
                    ("group", "Option chosen, by stakeholder group"),
                    ("region", "Option chosen, by region"),
                    ("month", "Date answers in a month"),
                ],
                max_length=10,
            ),
        ),
        migrations.RunPython(count_dates_by_month, migrations.RunPython.noop),
        migrations.RunPython(show_surveys_in_menus, migrations.RunPython.noop),
    ]
