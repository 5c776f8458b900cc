"""Staff roles as Django groups with Wagtail permissions.

Administrators, Editors, Moderators, Facilitators and Survey analysts. Apps that add
models (forums, surveys) grant their own model permissions in their migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Administrators", "Editors", "Moderators", "Facilitators", "Survey analysts"]

PAGE_PERMISSIONS = {
    "Administrators": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    "Editors": ["add_page", "change_page", "lock_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    "Administrators": [
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
    ],
    "Editors": [
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
    ],
    "Moderators": [
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
    ],
    "Facilitators": ["add_document", "choose_document", "choose_image"],
    "Survey analysts": ["choose_document", "choose_image"],
}
MODEL_PERMISSIONS = {
    "Administrators": [
        ("accounts", "add_stakeholdergroup"),
        ("accounts", "change_stakeholdergroup"),
        ("accounts", "delete_stakeholdergroup"),
        ("accounts", "view_stakeholdergroup"),
        ("accounts", "add_region"),
        ("accounts", "change_region"),
        ("accounts", "delete_region"),
        ("accounts", "view_region"),
        ("accounts", "change_membership"),
        ("accounts", "view_membership"),
        ("accounts", "add_user"),
        ("accounts", "change_user"),
        ("accounts", "view_user"),
        ("auth", "add_group"),
        ("auth", "change_group"),
        ("auth", "view_group"),
        ("wagtailcore", "add_workflow"),
        ("wagtailcore", "change_workflow"),
        ("wagtailcore", "add_task"),
        ("wagtailcore", "change_task"),
        ("wagtailcore", "view_task"),
    ],
    "Moderators": [("accounts", "view_membership"), ("accounts", "change_membership")],
}


def _perm(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _perm(apps, "wagtailadmin", "access_admin")

    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for app_label, codename in MODEL_PERMISSIONS.get(name, []):
            group.permissions.add(_perm(apps, app_label, codename))
        for codename in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_perm(apps, "wagtailcore", codename),
            )
        for codename in COLLECTION_PERMISSIONS.get(name, []):
            app_label = "wagtaildocs" if codename.endswith("document") else "wagtailimages"
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_perm(apps, app_label, codename),
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_seed_stakeholder_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
