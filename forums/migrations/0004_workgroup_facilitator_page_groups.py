"""Facilitators edit pages only in their own workgroups.

Each workgroup gets its own group ("Workgroup <id> facilitators") with add/change page
permissions on the workgroup's page; its active facilitators join it. The Facilitators role
loses any page permission it had on the whole workgroups tree (the demo used to grant it).
From now on `forums.facilitator_pages.facilitator_pages_sync` keeps the groups in step.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = ("add_page", "change_page")


def forwards(apps, schema_editor):
    for label in ("wagtailadmin", "wagtailcore"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkgroupMembership = apps.get_model("forums", "WorkgroupMembership")
    WorkgroupIndexPage = apps.get_model("forums", "WorkgroupIndexPage")

    GroupPagePermission.objects.filter(
        group__name="Facilitators",
        page_id__in=WorkgroupIndexPage.objects.values("pk"),
    ).delete()
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    page_permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    )
    facilitators = WorkgroupMembership.objects.filter(role="facilitator", status="active")
    for membership in facilitators:
        group, created = Group.objects.get_or_create(name=f"Workgroup {membership.workgroup_id} facilitators")
        if created:
            if access_admin is not None:
                group.permissions.add(access_admin)
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=membership.workgroup_id, permission=permission
                )
        membership.user.groups.add(group)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__startswith="Workgroup ", name__endswith=" facilitators"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0003_cms_blocks_extended"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
