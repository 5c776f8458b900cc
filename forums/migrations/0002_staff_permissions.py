"""Give the staff roles (made by accounts 0003) their permissions on the workgroup models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CRUD = ["add", "change", "delete", "view"]
GRANTS = {
    "Facilitators": [
        *[f"{a}_planitem" for a in CRUD],
        *[f"{a}_progressnote" for a in CRUD],
        "view_comment",
        "view_workgroupmembership",
        "change_workgroupmembership",
        "add_workgroupmembership",
    ],
    "Moderators": [
        "view_comment",
        "change_comment",
        "moderate_comment",
        "view_workgroupmembership",
        "change_workgroupmembership",
        "view_planitem",
    ],
    "Administrators": [
        *[
            f"{a}_{m}"
            for a in CRUD
            for m in ("planitem", "progressnote", "comment", "workgroupmembership", "follow")
        ],
        "moderate_comment",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("forums")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="forums", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name in GRANTS:
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*Permission.objects.filter(content_type__app_label="forums"))


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0001_initial"),
        ("accounts", "0003_staff_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
