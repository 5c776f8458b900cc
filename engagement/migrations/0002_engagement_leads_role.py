"""The "Engagement leads" staff role, and who may read, edit and export the engagement data.

Engagement leads and Administrators edit the registry, plan and assessments and export them;
Moderators, Editors, Facilitators and Survey analysts read them. Leads may enter the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LEADS = "Engagement leads"
MODELS = ["partner", "statuschange", "engagementaction", "collaborationassessment"]
EDIT = [f"{a}_{m}" for m in MODELS for a in ("add", "change", "delete", "view")] + ["export_partner"]
READ = [f"view_{m}" for m in MODELS]
GRANTS = {
    LEADS: EDIT,
    "Administrators": EDIT,
    "Moderators": READ,
    "Editors": READ,
    "Facilitators": READ,
    "Survey analysts": READ,
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("engagement")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    leads, _ = Group.objects.get_or_create(name=LEADS)
    leads.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="engagement", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="engagement")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*perms)
    Group.objects.filter(name=LEADS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_initial"),
        ("accounts", "0003_staff_roles"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
