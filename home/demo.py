"""Demo content: Theory of Change, initiatives, updates, resources, events, audience pages."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from home import demo_text as text
from home.demo_spanish import translate_pages
from home.models import (
    AudiencePage,
    CfsrTerm,
    EventIndexPage,
    EventPage,
    HomePage,
    InitiativeIndexPage,
    InitiativePage,
    PortalSettings,
    ResourceIndexPage,
    StandardPage,
    TheoryOfChangePage,
    UpdateIndexPage,
    UpdatePage,
)
from portal.demo import DemoContext


def tiny_pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF with a few lines of Helvetica text."""

    def escape(value: str) -> str:
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    rows = [f"BT /F1 18 Tf 72 740 Td ({escape(title)}) Tj ET"]
    rows += [f"BT /F1 11 Tf 72 {710 - 16 * i} Td ({escape(line)}) Tj ET" for i, line in enumerate(lines)]
    stream = "\n".join(rows).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _child(parent: Page, model, slug: str, **fields):
    """The live child page with this slug, created and published if it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    cfsr = fields.pop("cfsr", None)
    tags = fields.pop("tags", None)
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    if cfsr:
        page.cfsr_terms.set(CfsrTerm.objects.filter(code__in=cfsr))
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    return page


def _items(pairs):
    return [("item", {"text": t, "detail": d}) for t, d in pairs]


def _collection(parent: Collection, name: str) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def _document(collection: Collection, title: str, filename: str, lines: list[str]):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    if filename.endswith(".pdf"):
        content = tiny_pdf(title, lines)
    else:
        content = ("\n".join([title, "", *lines]) + "\n").encode()
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def _resources() -> dict:
    root = Collection.get_first_root_node()
    library = _collection(root, "Resource library")
    guides = _collection(library, "Guides and toolkits")
    reports = _collection(library, "Reports and data")
    meetings = _collection(library, "Meeting materials")
    private = _collection(library, "Partners only")
    if not CollectionViewRestriction.objects.filter(collection=private).exists():
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
    docs = {
        "guide": _document(
            guides,
            "Family team meetings: a guide for families",
            "ftm-family-guide.pdf",
            ["What happens at a family team meeting.", "Who can come, and how to prepare."],
        ),
        "kin": _document(
            guides,
            "Caring for a relative's child: where to start",
            "kin-start.pdf",
            ["Money, school, health care and licensing.", "Call the kinship navigator."],
        ),
        "report": _document(
            reports,
            "Quarterly data review: first quarter",
            "data-review-q1.pdf",
            ["Entries into care: steady.", "Placement moves: down for the second quarter."],
        ),
        "toc": _document(
            reports,
            "Theory of Change (signed-off version)",
            "theory-of-change.pdf",
            ["From need to impact.", "Adopted by the partnership."],
        ),
        "agenda": _document(
            meetings,
            "Partners meeting agenda (spring)",
            "partners-spring-agenda.txt",
            ["1. Welcome", "2. Quarterly data", "3. Family team meetings", "4. Next steps"],
        ),
        "minutes": _document(
            meetings,
            "Partners meeting minutes (spring)",
            "partners-spring-minutes.txt",
            ["Present: 23 partners.", "Agreed: evening meetings; kin search review."],
        ),
        "draft": _document(
            private,
            "Draft program improvement plan (partners only)",
            "draft-pip.pdf",
            ["Working draft for partner review.", "Not for circulation."],
        ),
    }
    return {"library": library, **docs}


def _theory(home: HomePage, docs: dict) -> TheoryOfChangePage:
    fields = {name: _items(pairs) for name, pairs in text.THEORY.items()}
    return _child(
        home,
        TheoryOfChangePage,
        "theory-of-change",
        title="Our Theory of Change",
        show_in_menus=True,
        intro="How the partnership believes its work leads to safer children and stronger families.",
        official_document=docs["toc"],
        **fields,
    )


def _initiatives(home: HomePage, theory: TheoryOfChangePage) -> dict[str, InitiativePage]:
    index = _child(
        home,
        InitiativeIndexPage,
        "initiatives",
        title="Initiatives",
        show_in_menus=True,
        intro="What the partnership is working on now, and how far it has got.",
    )
    pages = {}
    for item in text.INITIATIVES:
        pages[item["slug"]] = _child(
            index,
            InitiativePage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            status=item["status"],
            featured=item["featured"],
            theory_of_change=theory,
            system_goals=item["system"],
            program_goals=item["program"],
            practice_goals=item["practice"],
            partners=[("partner", {"name": n, "role": r}) for n, r in item["partners"]],
            cfsr=item["cfsr"],
        )
    return pages


def _updates(home: HomePage, initiatives: dict, ctx: DemoContext) -> UpdateIndexPage:
    index = _child(
        home,
        UpdateIndexPage,
        "updates",
        title="Updates",
        show_in_menus=True,
        intro="News from the partnership. Follow by RSS or Atom.",
    )
    today = timezone.localdate()
    roles = ["Communications team", "Family team meetings program", "Quality improvement team"]
    for number, (slug, title, initiative, tags, cfsr, days, summary) in enumerate(text.UPDATES, start=1):
        body = [
            (
                "rich_text",
                f"<p>{summary}</p><p>We will share more at the next partners meeting. "
                "Questions are welcome through the contact details below.</p>",
            )
        ]
        date = today - datetime.timedelta(days=days)
        _child(
            index,
            UpdatePage,
            slug,
            title=title,
            summary=summary,
            date=date,
            author_role=ctx.rng.choice(roles),
            initiative=initiatives[initiative],
            body=body,
            tags=tags,
            cfsr=cfsr,
        )
        ctx.step(number, len(text.UPDATES), "updates")
    return index


def _events(home: HomePage, docs: dict) -> None:
    index = _child(
        home,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        intro="Meetings and sessions you can join, in person or online.",
    )
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    today = timezone.localdate()
    for slug, title, days, hour, hours, place, online, intro in text.EVENTS:
        day = today + datetime.timedelta(days=days)
        start = datetime.datetime.combine(day, datetime.time(hour), tzinfo=tz)
        extra = {"agenda": docs["agenda"], "minutes": docs["minutes"]} if days < 0 else {}
        _child(
            index,
            EventPage,
            slug,
            title=title,
            intro=intro,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            time_zone=settings.TIME_ZONE,
            location_name=place,
            online_url=online,
            **extra,
        )


def _audiences_and_legal(home: HomePage, docs: dict, library: ResourceIndexPage, pages: dict) -> None:
    featured = {
        "professionals": [pages["theory"], pages["partners-at-the-table"], library],
        "caregivers": [pages["kin-first"], pages["family-team-meetings"], library],
        "youth": [pages["partners-at-the-table"], pages["theory"]],
    }
    for slug, title, audience, intro in text.AUDIENCES:
        body = [("document_list", {"heading": "Useful documents", "documents": [docs["guide"], docs["kin"]]})]
        _child(
            home,
            AudiencePage,
            slug,
            title=title,
            audience=audience,
            intro=intro,
            body=body,
            featured=[("page", {"page": p, "blurb": ""}) for p in featured[audience]],
        )
    accessibility = _child(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        body=[("rich_text", text.ACCESSIBILITY)],
    )
    privacy = _child(
        home, StandardPage, "privacy", title="Privacy notice", body=[("rich_text", text.PRIVACY)]
    )
    site = Site.objects.get(is_default_site=True)
    settings_obj = PortalSettings.for_site(site)
    settings_obj.accessibility_page = accessibility
    settings_obj.privacy_page = privacy
    settings_obj.contact_email = settings_obj.contact_email or "partnership@lakeshore-county.example.org"
    settings_obj.contact_phone = settings_obj.contact_phone or "555-0142"
    settings_obj.contact_address = settings_obj.contact_address or "200 Harbor Street\nLakeshore, ST 00000"
    settings_obj.save()


def generate(ctx: DemoContext) -> None:
    home = HomePage.objects.first()
    docs = _resources()
    ctx.step(1, 6, "resource library")
    theory = _theory(home, docs)
    ctx.step(2, 6, "Theory of Change")
    initiatives = _initiatives(home, theory)
    ctx.step(3, 6, "initiatives")
    _updates(home, initiatives, ctx)
    _events(home, docs)
    ctx.step(4, 6, "events")
    library = _child(
        home,
        ResourceIndexPage,
        "resources",
        title="Resources",
        show_in_menus=True,
        collection=docs["library"],
        intro="Guides, reports and meeting papers.",
    )
    ctx.step(5, 6, "resources")
    _audiences_and_legal(home, docs, library, {"theory": theory, **initiatives})
    if not home.body:
        home.title = "Working together for Lakeshore County's children"
        home.intro = (
            "Lakeshore County Family Services and its partners, working together so children are "
            "safe and families stay strong."
        )
        home.body = [
            (
                "rich_text",
                "<h2>Find what matters to you</h2><ul>"
                + "".join(
                    f'<li><a linktype="page" id="{p.pk}">{p.title}</a></li>'
                    for p in AudiencePage.objects.child_of(home).order_by("path")
                )
                + "</ul>",
            )
        ]
        home.save_revision().publish()
    ctx.step(6, 6, "audience pages and settings")
    translate_pages()  # Spanish copies of the main pages (issue 12)
