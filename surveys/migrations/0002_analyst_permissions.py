"""Survey analysts and Administrators get the survey models' permissions.

Analysts read results, export responses and make invitation links; Administrators also
see the export log. Page permissions on the survey index are granted when it is created.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ANALYST = [
    "view_results",
    "export_responses",
    "view_response",
    "view_answer",
    "change_answer",
    "add_invitation",
    "view_invitation",
]
ADMIN = [*ANALYST, "view_surveyexport"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("surveys")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Survey analysts", ANALYST), ("Administrators", ADMIN)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="surveys", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="surveys")
    for group in Group.objects.filter(name__in=["Survey analysts", "Administrators"]):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("accounts", "0003_staff_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
