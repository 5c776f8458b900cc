"""Demo people: one login for every staff role and every stakeholder group."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from portal.demo import DemoContext, DemoLogin

from .factories import DEFAULT_PASSWORD, RegionFactory, UserFactory
from .mfa import totp_activate
from .models import Membership, Region, StakeholderGroup, User

# Staff share one well-known TOTP secret in the demo so anyone can sign in to the admin:
# `manage.py demo_totp` prints the current code.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

REGIONS = ["Lakeshore County", "Pine Ridge County", "Riverbend County", "Cedar Hollow County"]

STAFF = [
    # (username, display name, staff roles, note)
    ("admin", "Agency administrator", ["Administrators"], "superuser"),
    ("editor", "Communications editor", ["Editors"], ""),
    ("moderator", "Community moderator", ["Moderators"], ""),
    ("facilitator", "Workgroup facilitator", ["Facilitators"], ""),
    ("analyst", "Survey analyst", ["Survey analysts"], ""),
]

PARTICIPANTS = [
    # (username, display name, stakeholder group slug, age band)
    ("fosterparent", "Dana R.", "foster-parents-and-kin", "25+"),
    ("youth", "Jay", "youth-and-young-adults", "18-24"),
    ("birthparent", "Marisol", "birth-parents", "25+"),
    ("provider", "Lee (Harbor Family Services)", "community-partners-and-providers", "25+"),
    ("court", "Judge's clerk, 4th District", "courts-and-legal", "25+"),
    ("tribal", "Tribal ICWA worker", "tribal-partners", "25+"),
    ("school", "School social worker", "education", "25+"),
    ("health", "Clinic care coordinator", "health-and-behavioural-health", "25+"),
    ("reviewpanel", "Citizen panel member", "citizen-review-panel", "25+"),
]


# Spanish-speaking families: the portal, e-mails and notifications in Spanish (issue 12).
SPANISH_PARTICIPANTS = [
    ("rosa", "Rosa M.", "foster-parents-and-kin", "25+"),
    ("carmen", "Carmen G.", "foster-parents-and-kin", "25+"),
    ("lucia", "Lucía P.", "birth-parents", "25+"),
]


# Established members joined months ago (and forums' demo gives them published comments), so
# their comments publish at once; the others are new and their first comments are held.
ESTABLISHED = {"fosterparent", "birthparent", "provider", "court", "tribal", "health"}
ESTABLISHED_DAYS = 180


def generate(ctx: DemoContext) -> None:
    regions = [RegionFactory(name=name, slug=name.lower().replace(" ", "-")) for name in REGIONS]
    ctx.step(1, 3, "regions")

    agency_staff = StakeholderGroup.objects.get(slug="agency-staff")
    for username, display_name, roles, _note in STAFF:
        user = _person(ctx, username, display_name, regions[0])
        user.groups.set(Group.objects.filter(name__in=roles))
        user.is_superuser = username == "admin"
        user.is_staff = username == "admin"
        user.save(update_fields=["is_superuser", "is_staff"])
        Membership.objects.get_or_create(user=user, group=agency_staff)
        totp_activate(user=user, secret=DEMO_TOTP_SECRET)
        ctx.logins.append(
            DemoLogin(", ".join(roles), user.email, DEFAULT_PASSWORD, "two-step code: manage.py demo_totp")
        )
    ctx.step(2, 3, "staff")

    for index, (username, display_name, group_slug, age_band) in enumerate(PARTICIPANTS):
        user = _person(ctx, username, display_name, regions[index % len(regions)], age_band)
        group = StakeholderGroup.objects.get(slug=group_slug)
        membership, _ = Membership.objects.get_or_create(user=user, group=group)
        if index % 2 == 0 and membership.verified_at is None:
            membership.verified_at = user.date_joined
            membership.verified_by = User.objects.get(username="admin")
            membership.save(update_fields=["verified_at", "verified_by"])
        if username in ESTABLISHED:
            joined = timezone.now() - timedelta(days=ESTABLISHED_DAYS)
            User.objects.filter(pk=user.pk, date_joined__gt=joined).update(date_joined=joined)
            note = "established member: comments publish at once"
        else:
            note = "new member: first comments are held for review"
        ctx.logins.append(DemoLogin(group.name, user.email, DEFAULT_PASSWORD, note))
    for index, (username, display_name, group_slug, age_band) in enumerate(SPANISH_PARTICIPANTS):
        user = _person(ctx, username, display_name, regions[index % len(regions)], age_band)
        if user.language != "es":
            user.language = "es"
            user.save(update_fields=["language"])
        group = StakeholderGroup.objects.get(slug=group_slug)
        Membership.objects.get_or_create(user=user, group=group)
        ctx.logins.append(
            DemoLogin(group.name, user.email, DEFAULT_PASSWORD, "speaks Spanish: portal in Spanish")
        )
    ctx.step(3, 3, "participants")


def _person(ctx, username, display_name, region: Region, age_band="25+") -> User:
    user = UserFactory(
        username=username,
        email=f"{username}@demo.portal.example.org",
        display_name=display_name,
        region=region,
        age_band=age_band,
    )
    if ctx.force:
        user.set_password(DEFAULT_PASSWORD)
        user.save(update_fields=["password"])
    return user
