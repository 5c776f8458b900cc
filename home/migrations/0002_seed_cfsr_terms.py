from django.db import migrations

from home.cfsr import CFSR_TERMS


def seed(apps, schema_editor):
    CfsrTerm = apps.get_model("home", "CfsrTerm")
    for order, (code, kind, name, statement) in enumerate(CFSR_TERMS):
        CfsrTerm.objects.update_or_create(
            code=code,
            defaults={"kind": str(kind), "name": name, "statement": statement, "sort_order": order},
        )


def unseed(apps, schema_editor):
    apps.get_model("home", "CfsrTerm").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
