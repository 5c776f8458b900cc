"""Moderators and Administrators review proposals ("Proposals to review" needs change_proposal)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Moderators": ["view_proposal", "change_proposal"],
    "Administrators": ["view_proposal", "change_proposal", "delete_proposal"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("agenda")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="agenda", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="agenda"))


class Migration(migrations.Migration):
    dependencies = [("agenda", "0001_initial"), ("accounts", "0003_staff_roles")]
    operations = [migrations.RunPython(grant, revoke)]
