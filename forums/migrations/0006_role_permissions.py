"""Staff roles as Django permissions instead of group names checked in code.

view_private_workgroup: Moderators, Editors, Administrators (read private workgroups, summaries).
comment_unheld: Moderators, Editors, Administrators, Facilitators (no new-member holds).
manage_any_workgroup: Administrators (every workgroup's plan and members, not only their own).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "view_private_workgroup": ["Moderators", "Editors", "Administrators"],
    "comment_unheld": ["Moderators", "Editors", "Administrators", "Facilitators"],
    "manage_any_workgroup": ["Administrators"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("forums")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for codename, groups in GRANTS.items():
        permission = Permission.objects.get(content_type__app_label="forums", codename=codename)
        for name in groups:
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="forums", codename__in=list(GRANTS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0005_merge_paragraphs_facilitator_groups"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="workgrouppage",
            options={
                "permissions": [
                    ("view_private_workgroup", "Can read private workgroups and draft summaries"),
                    ("comment_unheld", "Comments are not held for new members or new accounts"),
                    ("manage_any_workgroup", "Can manage the plan and members of every workgroup"),
                ],
                "verbose_name": "workgroup page",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
