"""Reads for the engagement screens: each a fixed number of queries whatever the data size."""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q
from django.utils import timezone

from forums.selectors import activity_by_author
from home.cfsr import ReviewPhase
from home.models import CfsrTerm
from portal.accounts.models import Region, StakeholderGroup
from portal.extension_points import collect_attendance
from surveys.selectors import invitation_counts_by_group, response_counts_by_group_and_region
from surveys.suppression import suppress_single, suppress_table

from .models import CollaborationAssessment, EngagementAction, Partner, PhaseInvolvement
from .vocabulary import Element, PartnerKind, Status

QUIET_DAYS = 90
RED_TOO_LONG_DAYS = 180


def partners_for_plan(*, queryset=None):
    """Partners with what the plan screens show, prefetched (a fixed number of queries)."""
    queryset = Partner.objects.all() if queryset is None else queryset
    return list(
        queryset.select_related("parent", "staff_contact")
        .prefetch_related(
            "regions",
            "stakeholder_groups",
            "phase_involvements",
            Prefetch("outcome_involvements__term", queryset=CfsrTerm.objects.all()),
        )
        .annotate(open_actions=Count("actions", filter=Q(actions__done_on__isnull=True), distinct=True))
    )


def current_phase() -> str:
    """The phase staff are working in: the one with the most open actions due, else PIP development."""
    row = (
        EngagementAction.objects.filter(done_on__isnull=True)
        .exclude(phase="")
        .values("phase")
        .annotate(n=Count("pk"))
        .order_by("-n", "phase")
        .first()
    )
    return row["phase"] if row else ReviewPhase.PIP_DEVELOPMENT


def overdue_actions(*, today: date | None = None):
    today = today or timezone.localdate()
    return list(
        EngagementAction.objects.filter(done_on__isnull=True, due_on__lt=today)
        .select_related("partner", "owner")
        .order_by("due_on")
    )


def upcoming_actions(*, today: date | None = None, limit: int = 15):
    today = today or timezone.localdate()
    return list(
        EngagementAction.objects.filter(done_on__isnull=True, due_on__gte=today)
        .select_related("partner", "owner")
        .order_by("due_on")[:limit]
    )


def phase_matrix(*, partners) -> dict:
    """Partners x review phases: {phases, rows: [(partner, [PhaseInvolvement | None])], totals}."""
    phases = list(ReviewPhase)
    rows, totals = [], Counter()
    for partner in partners:
        by_phase = {i.phase: i for i in partner.phase_involvements.all()}
        rows.append((partner, [by_phase.get(p.value) for p in phases]))
        totals.update(by_phase.keys())
    return {"phases": phases, "rows": rows, "totals": [totals[p.value] for p in phases]}


def outcome_matrix(*, partners) -> dict:
    terms = list(CfsrTerm.objects.order_by("sort_order"))
    rows = []
    for partner in partners:
        by_term = {i.term_id: i for i in partner.outcome_involvements.all()}
        rows.append((partner, [by_term.get(t.pk) for t in terms]))
    return {"terms": terms, "rows": rows}


def involvement_by_phase() -> list[dict]:
    """[{phase, label, partners, partnering}] planned involvement per phase (one query)."""
    counts = {
        (r["phase"], r["level"]): r["n"]
        for r in PhaseInvolvement.objects.values("phase", "level").annotate(n=Count("pk")).order_by()
    }
    return [
        {
            "phase": p.value,
            "label": p.label,
            "partners": sum(n for (ph, _lvl), n in counts.items() if ph == p.value),
            "partnering": counts.get((p.value, 3), 0),
        }
        for p in ReviewPhase
    ]


@dataclass
class Gaps:
    groups_without_partner: list = field(default_factory=list)
    kinds_without_partner: list = field(default_factory=list)
    not_involved_in_phase: list = field(default_factory=list)
    unplanned_red_yellow: list = field(default_factory=list)
    unmatched_organisations: list = field(default_factory=list)

    @property
    def any(self) -> bool:
        return any(vars(self).values())


def gaps(*, partners, phase: str, unmatched: list | None = None) -> Gaps:
    """What partners should be added, and who the plan leaves out."""
    covered_groups = {g.pk for p in partners for g in p.stakeholder_groups.all()}
    kinds = {p.kind for p in partners}
    return Gaps(
        groups_without_partner=[g for g in StakeholderGroup.objects.all() if g.pk not in covered_groups],
        kinds_without_partner=[k.label for k in PartnerKind if k.value not in kinds],
        not_involved_in_phase=[
            p for p in partners if phase not in {i.phase for i in p.phase_involvements.all()}
        ],
        unplanned_red_yellow=[
            p for p in partners if p.status in (Status.RED, Status.YELLOW) and not p.open_actions
        ],
        unmatched_organisations=unmatched or [],
    )


# --- Monitoring ------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    name = re.sub(r"[^0-9a-z]+", " ", name.casefold()).strip()
    return re.sub(r"^the ", "", name)


@dataclass
class PartnerActivity:
    partner: Partner
    comments: int = 0
    questions: int = 0
    answers_received: int = 0
    meetings: int = 0
    last_activity: date | None = None
    quiet: bool = False
    red_too_long: bool = False


def attendance_by_partner(*, partners, since: date | None) -> tuple[dict, list[dict]]:
    """({partner_id: [AttendanceRecord]}, unmatched [{organisation, occasions, last}])."""
    lookup = {normalise_name(n): p.pk for p in partners for n in p.names_for_matching()}
    matched, unmatched = defaultdict(list), {}
    for record in collect_attendance(since):
        key = normalise_name(record.organisation)
        if key in lookup:
            matched[lookup[key]].append(record)
        elif key:
            row = unmatched.setdefault(
                key, {"organisation": record.organisation.strip(), "occasions": 0, "last": record.occurred_on}
            )
            row["occasions"] += 1
            row["last"] = max(row["last"], record.occurred_on)
    return matched, sorted(unmatched.values(), key=lambda r: (-r["occasions"], r["organisation"]))


def partner_activity(*, partners, today: date | None = None) -> tuple[list[PartnerActivity], list[dict]]:
    """Per partner: portal activity of the members who speak for it, and meeting attendance."""
    today = today or timezone.localdate()
    since = today - timedelta(days=365)
    activity = activity_by_author(since=since)
    speakers = defaultdict(list)
    for partner_id, user_id in Partner.spokespeople.through.objects.values_list("partner_id", "user_id"):
        speakers[partner_id].append(user_id)
    attendance, unmatched = attendance_by_partner(partners=partners, since=since)
    planned = set(PhaseInvolvement.objects.values_list("partner_id", flat=True)) | set(
        EngagementAction.objects.filter(done_on__isnull=True).values_list("partner_id", flat=True)
    )
    rows = []
    for partner in partners:
        row = PartnerActivity(partner=partner)
        dates = []
        for user_id in speakers[partner.pk]:
            a = activity.get(user_id)
            if a:
                row.comments += a["comments"]
                row.questions += a["questions"]
                row.answers_received += a["answers_received"]
                if a["last"]:
                    dates.append(timezone.localdate(a["last"]))
        records = attendance.get(partner.pk, [])
        row.meetings = len(records)
        dates += [r.occurred_on for r in records]
        row.last_activity = max(dates, default=None)
        row.quiet = partner.pk in planned and (
            row.last_activity is None or row.last_activity < today - timedelta(days=QUIET_DAYS)
        )
        row.red_too_long = partner.status == Status.RED and partner.status_since < today - timedelta(
            days=RED_TOO_LONG_DAYS
        )
        rows.append(row)
    return rows, unmatched


def survey_representation(*, since: date | None = None) -> dict:
    """Survey responses by stakeholder group x region, and invitations sent vs used by group,
    both through small-cell suppression (people are behind these counts)."""
    threshold = settings.SUPPRESSION_THRESHOLD
    groups, regions = list(StakeholderGroup.objects.all()), list(Region.objects.all())
    raw = {(g, r): n for g, r, n in response_counts_by_group_and_region(since=since)}
    counts = [
        [raw.get((g.pk, r.pk), 0) for r in regions]
        + [sum(n for (gg, rr), n in raw.items() if gg == g.pk and rr is None)]
        for g in groups
    ]
    table = suppress_table(counts, threshold=threshold) if groups else None
    invitations = invitation_counts_by_group(since=since)
    invited = [
        (
            g,
            suppress_single(invitations.get(g.pk, (0, 0))[0], threshold=threshold),
            suppress_single(invitations.get(g.pk, (0, 0))[1], threshold=threshold),
        )
        for g in groups
    ]
    return {
        "groups": groups,
        "regions": regions,
        "table": table,
        "threshold": threshold,
        "rows": list(zip(groups, table.cells, table.row_totals, strict=True)) if table else [],
        "invited": invited,
    }


def assessment_comparison() -> dict:
    """The latest assessment next to the one before, per element (two queries)."""
    latest = list(CollaborationAssessment.objects.prefetch_related("ratings")[:2])
    current, previous = (latest + [None, None])[:2]

    def ratings(a):
        return {r.element: r for r in a.ratings.all()} if a else {}

    now, before = ratings(current), ratings(previous)
    rows = []
    for element in Element:
        c, p = now.get(element.value), before.get(element.value)
        change = (c.rating - p.rating) if c and p else None
        rows.append({"element": element.label, "current": c, "previous": p, "change": change})
    return {"current": current, "previous": previous, "rows": rows}


def dashboard_counts(*, partners) -> dict:
    by_status = Counter(p.status for p in partners)
    return {
        "total": len(partners),
        "by_status": [(s, by_status[s.value]) for s in Status],
        "last_change": Partner.objects.aggregate(last=Max("status_changes__changed_at"))["last"],
    }
