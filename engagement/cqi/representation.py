"""Representation: who was invited and who answered, by stakeholder group and by region, next
to the partner registry and the portal's members, with a worded "under-heard" marker.

A group or region is under-heard when the agency expects to hear from it (it has partners in
the registry or members on the portal) and, over the last 12 months, it sent no survey
response, or fewer than a quarter of the invitation links sent to it were used, or its share
of responses is under half its share of members. The marker is worked out from the raw
counts; only the suppressed counts are shown.
"""

from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils.translation import gettext as _

from portal.accounts.models import Region, StakeholderGroup
from surveys.selectors import invitation_counts_by_group, response_counts_by_group_and_region
from surveys.suppression import suppress_counts

from ..models import Partner
from . import charts
from .panel import Panel, Table

LOW_USE = 0.25
LOW_SHARE = 0.5


def under_heard_reason(
    *, expected: bool, responses: int, sent: int | None, used: int | None, share, member_share
):
    """Why a group or region is under-heard, in words, or "" when it is not."""
    if not expected:
        return ""
    if responses == 0:
        return _("no survey responses")
    if sent and used is not None and used / sent < LOW_USE:
        return _("fewer than a quarter of its invitations used")
    if member_share and share is not None and share < LOW_SHARE * member_share:
        return _("share of responses under half its share of members")
    return ""


def _partner_counts():
    """({group_id: partners}, {region_id: partners}): two queries."""
    through_g = Partner.stakeholder_groups.through.objects.values("stakeholdergroup_id")
    through_r = Partner.regions.through.objects.values("region_id")
    by_group = {r["stakeholdergroup_id"]: r["n"] for r in through_g.annotate(n=Count("pk")).order_by()}
    by_region = {r["region_id"]: r["n"] for r in through_r.annotate(n=Count("pk")).order_by()}
    return by_group, by_region


def _member_counts():
    """({group_id: members}, {region_id: members}): two queries (superusers left out)."""
    from portal.accounts.models import Membership

    people = get_user_model().objects.filter(is_superuser=False, is_deidentified=False, is_active=True)
    by_group = dict(
        Membership.objects.filter(user__in=people).values_list("group_id").annotate(n=Count("pk")).order_by()
    )
    by_region = dict(people.values_list("region_id").annotate(n=Count("pk")).order_by())
    return by_group, by_region


def _share(n: int, total: int):
    return n / total if total else None


def representation_panel(*, today: date) -> Panel:
    threshold = settings.SUPPRESSION_THRESHOLD
    since = today - timedelta(days=365)
    groups, regions = list(StakeholderGroup.objects.all()), list(Region.objects.all())
    raw = response_counts_by_group_and_region(since=since)
    responses_g, responses_r = {}, {}
    for group_id, region_id, n in raw:
        responses_g[group_id] = responses_g.get(group_id, 0) + n
        responses_r[region_id] = responses_r.get(region_id, 0) + n
    invitations = invitation_counts_by_group(since=since)
    partners_g, partners_r = _partner_counts()
    members_g, members_r = _member_counts()

    group_table, group_marks, group_chart = _group_side(
        groups, responses_g, invitations, partners_g, members_g, threshold
    )
    region_table, region_marks, region_chart = _region_side(
        regions, responses_r, partners_r, members_r, threshold
    )
    return Panel(
        key="representation",
        title=_("Representation"),
        charts=[(_("By stakeholder group"), group_chart), (_("By region or county"), region_chart)],
        tables=[group_table, region_table],
        extra={"group_marks": group_marks, "region_marks": region_marks},
    )


def _group_side(groups, responses, invitations, partners, members, threshold):
    responses_all = sum(responses.values())
    members_all = sum(members.get(g.pk, 0) for g in groups)
    sent = [invitations.get(g.pk, (0, 0))[0] for g in groups]
    used = [invitations.get(g.pk, (0, 0))[1] for g in groups]
    answered = [responses.get(g.pk, 0) for g in groups]
    people = [members.get(g.pk, 0) for g in groups]
    # Responses without a group (anonymous surveys, people who gave none) complete the column.
    answered_cells, answered_total = suppress_counts([*answered, responses.get(None, 0)], threshold=threshold)
    sent_cells, sent_total = suppress_counts(sent, threshold=threshold)
    used_cells, used_total = suppress_counts(used, threshold=threshold)
    member_cells, member_total = suppress_counts(people, threshold=threshold)
    rows, marks = [], []
    for i, group in enumerate(groups):
        reason = under_heard_reason(
            expected=bool(partners.get(group.pk) or people[i]),
            responses=answered[i],
            sent=sent[i],
            used=used[i],
            share=_share(answered[i], responses_all),
            member_share=_share(people[i], members_all),
        )
        marks.append(reason)
        rate = used_cells[i].percent_of(sent_cells[i]) if sent[i] else None
        rows.append(
            [
                group.name,
                partners.get(group.pk, 0),
                member_cells[i],
                sent_cells[i],
                used_cells[i],
                f"{rate:g} %" if rate is not None else "–",
                answered_cells[i],
                f"⚠ {_('Under-heard')}: {reason}" if reason else _("No"),
            ]
        )
    rows.append(
        [_("Group not given (includes anonymous surveys)"), "–", "–", "–", "–", "–", answered_cells[-1], "–"]
    )
    table = Table(
        id="representation-groups",
        caption=_("Invited and answered by stakeholder group (last 12 months)"),
        header=[
            _("Stakeholder group"),
            _("Partners in the registry"),
            _("Portal members"),
            _("Invitations sent"),
            _("Invitations used"),
            _("Share used"),
            _("Survey responses"),
            _("Under-heard"),
        ],
        rows=rows,
        footer=[
            _("Total"),
            sum(partners.get(g.pk, 0) for g in groups),
            member_total,
            sent_total,
            used_total,
            "–",
            answered_total,
            "–",
        ],
    )
    chart = charts.bar_chart(
        "cqi-rep-groups",
        [
            (g.name, [(_("Invitations sent"), sent_cells[i]), (_("Survey responses"), answered_cells[i])])
            for i, g in enumerate(groups)
        ],
        title=_("Invitations sent and survey responses by stakeholder group"),
        desc=_(
            "Two bars per group: invitations sent (solid) and responses (outlined); ⚠ marks an "
            "under-heard group. The table below has the numbers."
        ),
        marks=[_("Under-heard") if m else "" for m in marks],
    )
    return table, marks, chart


def _region_side(regions, responses, partners, members, threshold):
    responses_all = sum(responses.values())
    members_all = sum(members.get(r.pk, 0) for r in regions)
    answered = [responses.get(r.pk, 0) for r in regions]
    people = [members.get(r.pk, 0) for r in regions]
    answered_cells, answered_total = suppress_counts([*answered, responses.get(None, 0)], threshold=threshold)
    member_cells, member_total = suppress_counts(people, threshold=threshold)
    rows, marks = [], []
    for i, region in enumerate(regions):
        reason = under_heard_reason(
            expected=bool(partners.get(region.pk) or people[i]),
            responses=answered[i],
            sent=None,
            used=None,
            share=_share(answered[i], responses_all),
            member_share=_share(people[i], members_all),
        )
        marks.append(reason)
        rows.append(
            [
                region.name,
                partners.get(region.pk, 0),
                member_cells[i],
                answered_cells[i],
                f"⚠ {_('Under-heard')}: {reason}" if reason else _("No"),
            ]
        )
    rows.append([_("Region not given (includes anonymous surveys)"), "–", "–", answered_cells[-1], "–"])
    table = Table(
        id="representation-regions",
        caption=_("Answered by region or county (last 12 months); invitations record no region"),
        header=[
            _("Region or county"),
            _("Partners in the registry"),
            _("Portal members"),
            _("Survey responses"),
            _("Under-heard"),
        ],
        rows=rows,
        footer=[_("Total"), sum(partners.get(r.pk, 0) for r in regions), member_total, answered_total, "–"],
    )
    chart = charts.bar_chart(
        "cqi-rep-regions",
        [
            (r.name, [(_("Portal members"), member_cells[i]), (_("Survey responses"), answered_cells[i])])
            for i, r in enumerate(regions)
        ],
        title=_("Portal members and survey responses by region or county"),
        desc=_(
            "Two bars per region: members (solid) and responses (outlined); ⚠ marks an "
            "under-heard region. The table below has the numbers."
        ),
        marks=[_("Under-heard") if m else "" for m in marks],
    )
    return table, marks, chart
