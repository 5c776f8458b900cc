"""The engagement plan as rows: partners with status, regions, groups and the phase matrix."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from home.cfsr import ReviewPhase


def plan_rows(partners):
    phases = list(ReviewPhase)
    yield [
        _("Partner"),
        _("Kind"),
        _("Status"),
        _("Meaning"),
        _("Status since"),
        _("Regions"),
        _("Stakeholder groups"),
        _("Open actions"),
        *[str(p.label) for p in phases],
    ]
    for partner in partners:
        by_phase = {i.phase: i for i in partner.phase_involvements.all()}
        yield [
            partner.name,
            partner.get_kind_display(),
            partner.get_status_display(),
            str(partner.status_style.meaning),
            partner.status_since.isoformat(),
            "; ".join(r.name for r in partner.regions.all()),
            "; ".join(g.name for g in partner.stakeholder_groups.all()),
            partner.open_actions,
            *[
                (
                    f"{by_phase[p.value].get_level_display()}: {by_phase[p.value].role}".rstrip(": ")
                    if p.value in by_phase
                    else ""
                )
                for p in phases
            ],
        ]


def _safe(value):
    # Spreadsheet formula injection: a cell starting with = + - @ is read as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def plan_csv(partners) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in plan_rows(partners):
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def plan_xlsx(partners) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Engagement plan"))
    for row in plan_rows(partners):
        sheet.append([_safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
