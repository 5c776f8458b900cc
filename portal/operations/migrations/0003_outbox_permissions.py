"""Administrators see the mail outbox and send failed mail again (view/change_outboxmessage)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {"Administrators": ["view_outboxmessage", "change_outboxmessage"]}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("operations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="operations", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="operations"))


class Migration(migrations.Migration):
    dependencies = [("operations", "0002_mail_outbox"), ("accounts", "0003_staff_roles")]
    operations = [migrations.RunPython(grant, revoke)]
