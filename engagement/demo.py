"""Demo partners for `load_demo`: every kind, across the demo's counties, all four statuses
with history, planned involvement, actions past and future, and two nine-element assessments."""

from datetime import timedelta

from django.utils import timezone

from home.cfsr import ReviewPhase
from home.models import CfsrTerm
from portal.accounts.demo import REGIONS
from portal.accounts.models import Region, StakeholderGroup, User
from portal.demo import DemoContext

from . import services
from .models import CollaborationAssessment, ElementRating, OutcomeInvolvement, Partner, PhaseInvolvement
from .vocabulary import Element, Method

# (name, kind, region indexes, stakeholder group slugs, status path, spokesperson, listed)
PARTNERS = [
    ("4th District Juvenile Court", "court", [0], ["courts-and-legal"], ["green"], "court", True),
    ("Court Improvement Program", "court", [0, 1, 2, 3], ["courts-and-legal"], ["yellow", "green"], "", True),
    ("CASA of Lakeshore", "court", [0], ["courts-and-legal"], ["green"], "", True),
    ("Parents' Defender Office", "court", [1], ["courts-and-legal", "birth-parents"], ["red"], "", False),
    ("Red Cedar Band ICWA Office", "tribe", [3], ["tribal-partners"], ["red", "yellow"], "tribal", True),
    ("Lake Nations Tribal Council", "tribe", [2, 3], ["tribal-partners"], ["yellow"], "", True),
    ("Youth Advisory Board", "youth", [0, 1, 2, 3], ["youth-and-young-adults"], ["green"], "youth", True),
    ("Foster Youth Alumni Network", "youth", [0], ["youth-and-young-adults"], [], "", False),
    (
        "Lakeshore Foster and Kinship Association",
        "parents",
        [0],
        ["foster-parents-and-kin"],
        ["green"],
        "fosterparent",
        True,
    ),
    ("Parent Partners Program", "parents", [1, 2], ["birth-parents"], ["red", "yellow"], "birthparent", True),
    ("Kinship Navigator Circle", "parents", [2], ["foster-parents-and-kin"], [], "", False),
    (
        "Harbor Family Services",
        "provider",
        [0, 1],
        ["community-partners-and-providers"],
        ["green"],
        "provider",
        True,
    ),
    ("Riverbend Youth Homes", "provider", [2], ["community-partners-and-providers"], ["yellow"], "", True),
    (
        "Cedar Hollow Family Resource Center",
        "provider",
        [3],
        ["community-partners-and-providers"],
        ["yellow", "red"],
        "",
        False,
    ),
    ("Lakeshore Unified School District", "education", [0], ["education"], ["yellow"], "school", True),
    ("Pine Ridge Head Start", "education", [1], ["education"], [], "", True),
    (
        "Community Behavioral Health Center",
        "health",
        [0, 2],
        ["health-and-behavioural-health"],
        ["green"],
        "health",
        True,
    ),
    (
        "County Public Health Nursing",
        "health",
        [1, 3],
        ["health-and-behavioural-health"],
        ["yellow"],
        "",
        True,
    ),
    ("Sheriff's Office Family Unit", "law", [1], [], ["red"], "", False),
    ("Lakeshore Police Department", "law", [0], [], [], "", False),
    (
        "Interfaith Family Support Network",
        "community",
        [0, 2],
        ["community-partners-and-providers"],
        ["green"],
        "",
        True,
    ),
    ("Riverbend Community Foundation", "community", [2], [], ["yellow"], "", True),
    ("Citizen Review Panel", "crp", [0, 1, 2, 3], ["citizen-review-panel"], ["green"], "reviewpanel", True),
    ("State Medicaid Agency", "agency", [0, 1, 2, 3], [], ["yellow"], "", True),
    ("Department of Juvenile Justice", "agency", [0, 1, 2, 3], [], ["red"], "", False),
    ("Workforce Development Board", "agency", [1], [], [], "", False),
    ("Frontline Caseworkers' Council", "staff", [0, 1, 2, 3], ["agency-staff"], ["green"], "", True),
    ("Supervisors' Practice Group", "staff", [0, 1, 2, 3], ["agency-staff"], ["yellow", "green"], "", False),
]
# Names the agenda demo records attendance under (agenda.demo.ORGANISATIONS); "Lakeshore Legal
# Aid" stays unmatched so the gaps list has an organisation to suggest as a partner.
ALIASES = {
    "4th District Juvenile Court": "County Court",
    "Lakeshore Foster and Kinship Association": "Foster Parents Association, Foster Parents Assn",
    "Frontline Caseworkers' Council": "Family Services staff",
}
REASONS = {
    "green": "Regular attendance and active co-leadership of workgroup tasks.",
    "yellow": "Attends but rarely contributes; contact person changed this year.",
    "red": "Relationship strained after last year's placement policy change; meetings stopped.",
}
PHASES = [p.value for p in ReviewPhase]
ACTIONS = [
    (Method.MEETING, "Listening session on the statewide assessment findings"),
    (Method.WORKGROUP, "Offer a seat on the permanency workgroup"),
    (Method.SURVEY, "Invite members to the caregiver experience survey"),
    (Method.COMMENT, "Written comment on the draft program improvement plan"),
    (Method.DATA_SHARING, "Sign a data sharing agreement for placement stability data"),
    (Method.COUNCIL, "Present quarterly PIP progress at their council"),
]


def generate(ctx: DemoContext) -> None:
    if Partner.objects.exists() and not ctx.force:
        ctx.write("  engagement partners already loaded (use --force to rebuild)")
        return
    Partner.objects.all().delete()
    CollaborationAssessment.objects.all().delete()
    lead = _lead()
    _login(ctx, lead)
    regions = list(Region.objects.filter(name__in=REGIONS).order_by("name"))
    groups = {g.slug: g for g in StakeholderGroup.objects.all()}
    terms = list(CfsrTerm.objects.order_by("sort_order"))
    today = timezone.localdate()
    for number, spec in enumerate(PARTNERS, start=1):
        _partner(ctx, spec, regions, groups, terms, lead, today, number)
        ctx.step(number, len(PARTNERS), "partners")
    _assessments(ctx, today)
    _plan_sites(ctx, regions)


def _plan_sites(ctx, regions) -> None:
    """The multi-site panel needs sites: strategies and action steps each name a county in
    turn (every third names two); goals stay agency-wide."""
    from forums.models import PlanItem, PlanLevel

    through = PlanItem.regions.through
    if not regions or through.objects.exists():
        return
    items = list(PlanItem.objects.exclude(level=PlanLevel.GOAL).order_by("workgroup", "sort_order", "pk"))
    links = []
    for index, item in enumerate(items):
        links.append(through(planitem_id=item.pk, region_id=regions[index % len(regions)].pk))
        if index % 3 == 0 and len(regions) > 1:
            links.append(through(planitem_id=item.pk, region_id=regions[(index + 1) % len(regions)].pk))
    through.objects.bulk_create(links)
    ctx.write(f"  {len(items)} plan items given sites in {len(regions)} counties")


def _lead() -> User:
    from django.contrib.auth.models import Group

    from portal.accounts.demo import DEMO_TOTP_SECRET
    from portal.accounts.factories import UserFactory
    from portal.accounts.mfa import totp_activate

    lead = User.objects.filter(username="engagementlead").first()
    if lead is None:
        lead = UserFactory(
            username="engagementlead",
            email="engagementlead@demo.portal.example.org",
            display_name="Engagement lead",
        )
        lead.groups.set(Group.objects.filter(name="Engagement leads"))
        totp_activate(user=lead, secret=DEMO_TOTP_SECRET)
    return lead


def _login(ctx, lead):
    from portal.accounts.factories import DEFAULT_PASSWORD
    from portal.demo import DemoLogin

    ctx.logins.append(
        DemoLogin("Engagement leads", lead.email, DEFAULT_PASSWORD, "two-step code: manage.py demo_totp")
    )


def _partner(ctx, spec, regions, groups, terms, lead, today, number):
    name, kind, region_ix, group_slugs, path, speaker, listed = spec
    partner = Partner.objects.create(
        name=name,
        kind=kind,
        aliases=ALIASES.get(name, ""),
        listed_publicly=listed,
        staff_contact=lead,
        status_since=today - timedelta(days=400),
    )
    if regions:
        partner.regions.set([regions[i % len(regions)] for i in region_ix])
    partner.stakeholder_groups.set([groups[s] for s in group_slugs if s in groups])
    if speaker and (user := User.objects.filter(username=speaker).first()):
        partner.spokespeople.add(user)
    for step, status in enumerate(path):
        last = step == len(path) - 1
        days_ago = (len(path) - 1 - step) * 150 + ctx.rng.randint(
            20, (140 if len(path) > 1 else 300) if last else 60
        )
        services.partner_set_status(
            partner=partner,
            status=status,
            reason=REASONS[status],
            user=lead,
            changed_on=today - timedelta(days=max(days_ago, 1)),
        )
        partner.refresh_from_db()
    for phase in ctx.rng.sample(PHASES, k=ctx.rng.randint(0, 4)):
        PhaseInvolvement.objects.create(
            partner=partner,
            phase=phase,
            level=ctx.rng.randint(1, 3),
            role=ctx.rng.choice(
                ["Reviews drafts", "Co-leads a strategy", "Shares data", "Hosts listening sessions"]
            ),
        )
    for term in ctx.rng.sample(terms, k=min(len(terms), ctx.rng.randint(0, 3))):
        OutcomeInvolvement.objects.create(partner=partner, term=term, role="Advises on this outcome")
    for index in range(
        ctx.rng.randint(0 if partner.status in ("red", "yellow") and number % 3 == 0 else 1, 3)
    ):
        method, description = ctx.rng.choice(ACTIONS)
        due = today + timedelta(days=ctx.rng.randint(-90, 120))
        action = services.action_plan(
            partner=partner,
            method=method,
            description=description,
            due_on=due,
            starts_on=due - timedelta(days=30),
            owner=lead,
            user=lead,
            phase=ctx.rng.choice(PHASES[2:]),
        )
        if due < today and index % 2 == 0:
            services.action_complete(
                action=action, outcome="Held; notes shared with the workgroup.", user=lead, done_on=due
            )


def _assessments(ctx, today):
    for period, offset, completed, base in (("FY2025", 730, True, 2), ("FY2026", 365, False, 3)):
        start = today - timedelta(days=offset)
        assessment = CollaborationAssessment.objects.create(
            period=period, starts_on=start, ends_on=start + timedelta(days=364), completed=completed
        )
        for element in Element:
            ElementRating.objects.create(
                assessment=assessment,
                element=element,
                rating=min(5, max(1, base + ctx.rng.randint(-1, 1))),
                evidence="Workgroup minutes, survey results and partner feedback.",
            )
    ctx.step(1, 1, "nine-element assessments")
