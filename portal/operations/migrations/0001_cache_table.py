"""Create the database cache table production uses when no REDIS_URL is set."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # No-op for caches that are not database caches; idempotent for those that are.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
