"""The public summary: aggregate, non-identifying, approved for publication.

No relationship colours, no partner that did not agree to be listed, and every count that
people stand behind (comments, survey responses, attendance) through small-cell suppression.
"""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from forums.cqi_selectors import public_feedback_counts
from forums.selectors import activity_by_author
from home.cfsr import ReviewPhase
from portal.accounts.models import StakeholderGroup
from portal.extension_points import collect_attendance
from surveys.selectors import response_counts_by_group_and_region
from surveys.suppression import suppress_counts, suppress_single

from .cqi import charts
from .cqi.feedback import feedback_rows
from .cqi.participation import public_participation
from .models import Partner, PhaseInvolvement
from .vocabulary import PartnerKind


def public_summary() -> dict:
    threshold = settings.SUPPRESSION_THRESHOLD
    since = timezone.localdate() - timedelta(days=365)
    kinds = Counter(Partner.objects.values_list("kind", flat=True))
    listed = list(Partner.objects.filter(listed_publicly=True).only("name", "kind").order_by("kind", "name"))
    phases = Counter(PhaseInvolvement.objects.values_list("phase", flat=True))
    speakers = set(Partner.spokespeople.through.objects.values_list("user_id", flat=True))
    activity = activity_by_author(since=since)
    posts = sum(a["comments"] + a["questions"] for uid, a in activity.items() if uid in speakers)
    groups = list(StakeholderGroup.objects.all())
    by_group = Counter()
    for group_id, _region_id, n in response_counts_by_group_and_region(since=since):
        by_group[group_id] += n
    cells, total = suppress_counts([by_group[g.pk] for g in groups], threshold=threshold)
    participation = public_participation(today=timezone.localdate())
    feedback = feedback_rows(public_feedback_counts())
    return {
        "participation": participation,
        "participation_chart": charts.bar_chart(
            "public-participation-chart",
            [
                (label, [(_("Last 12 months"), total)])
                for label, total in zip(participation.header[1:], participation.footer[1:], strict=True)
            ],
            title=_("Taking part in the last 12 months"),
            desc=_("One bar per kind of participation; the table below has the numbers per month."),
        ),
        "feedback": feedback,
        "kinds": [
            (k.label, kinds[k.value], [p.name for p in listed if p.kind == k.value])
            for k in PartnerKind
            if kinds[k.value]
        ],
        "partner_total": sum(kinds.values()),
        "phases": [(p.label, phases[p.value]) for p in ReviewPhase],
        "partner_posts": suppress_single(posts, threshold=threshold),
        "attendance": suppress_single(len(collect_attendance(since)), threshold=threshold),
        "responses": [(g.name, c) for g, c in zip(groups, cells, strict=True)] if not total.hidden else [],
        "responses_total": total,
    }
