from django.db import migrations

GROUPS = [
    (
        "foster-parents-and-kin",
        "Foster parents and kinship caregivers",
        "People caring for a child in foster care or for a relative's child.",
        True,
    ),
    (
        "youth-and-young-adults",
        "Youth and young adults",
        "Young people with experience of foster care or other out-of-home care.",
        True,
    ),
    ("birth-parents", "Birth parents", "Parents whose family has worked with the agency.", True),
    (
        "community-partners-and-providers",
        "Community partners and providers",
        "Service providers, community organisations and faith groups.",
        True,
    ),
    (
        "courts-and-legal",
        "Courts and legal partners",
        "Judges, court staff, attorneys, guardians ad litem and CASA volunteers.",
        True,
    ),
    ("tribal-partners", "Tribal partners", "Tribal nations and tribal child-welfare programs.", True),
    ("education", "Education", "Schools, school districts and early-childhood programs.", True),
    (
        "health-and-behavioural-health",
        "Health and behavioural health",
        "Physical, mental and behavioural health providers.",
        True,
    ),
    (
        "agency-staff",
        "Agency staff",
        "Employees of the agency. Administrators add people to this group.",
        False,
    ),
    ("citizen-review-panel", "Citizen review panel", "Members of a citizen review panel.", True),
]


def seed(apps, schema_editor):
    StakeholderGroup = apps.get_model("accounts", "StakeholderGroup")
    for order, (slug, name, description, self_select) in enumerate(GROUPS):
        StakeholderGroup.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "self_select": self_select,
                "sort_order": order,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("accounts", "StakeholderGroup").objects.filter(slug__in=[g[0] for g in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
