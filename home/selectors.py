"""Read paths for content pages, each a fixed number of queries whatever the data size."""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from home.models import (
    CfsrTerm,
    EventPage,
    InitiativePage,
    TheoryOfChangePage,
    UpdatePage,
    UpdatePageTag,
)


def cfsr_terms_of(page, *, request) -> list[CfsrTerm]:
    """A page's CFSR terms, kept in the fragment cache: they change by publishing the page or
    editing the vocabulary, and both retire it. A preview shows the terms being previewed
    (in memory, never stored)."""
    if getattr(request, "is_preview", False):
        return list(page.cfsr_terms.all())
    from portal.pagecache.lookups import remembered

    return remembered("page-cfsr-terms", lambda: list(page.cfsr_terms.all()), vary=page.pk)


UPDATES_PER_PAGE = 10
EVENTS_PER_PAGE = 10
RESOURCES_PER_PAGE = 20


@dataclass
class Listing:
    """A page of results, the filters that were applied and messages about bad input."""

    page: PaginatorPage
    filters: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)

    @property
    def query_string(self) -> str:
        from urllib.parse import urlencode

        return urlencode({k: v for k, v in self.filters.items() if v})


def paginate(items, per_page: int, raw_number, messages: list[str]) -> PaginatorPage:
    paginator = Paginator(items, per_page)
    if raw_number in (None, ""):
        return paginator.page(1)
    try:
        number = int(raw_number)
    except (TypeError, ValueError):
        messages.append("That page number isn't a number, so here is the first page.")
        return paginator.page(1)
    if number < 1 or number > paginator.num_pages:
        messages.append(
            f"There is no page {number}; there are {paginator.num_pages}. Here is the nearest one."
        )
        number = 1 if number < 1 else paginator.num_pages
    return paginator.page(number)


def _public_live(model):
    return model.objects.live().public()


# --- home --------------------------------------------------------------------------------


def featured_initiatives(*, site_root, limit: int = 6) -> list[InitiativePage]:
    return list(
        _public_live(InitiativePage).descendant_of(site_root).filter(featured=True).order_by("title")[:limit]
    )


def latest_updates(*, site_root, limit: int = 3) -> list[UpdatePage]:
    return list(_public_live(UpdatePage).descendant_of(site_root).order_by("-date", "-pk")[:limit])


def upcoming_events(*, site_root, limit: int = 3) -> list[EventPage]:
    return list(
        _public_live(EventPage)
        .descendant_of(site_root)
        .filter(end__gte=timezone.now())
        .order_by("start")[:limit]
    )


def home_listings(*, site_root) -> dict[str, list]:
    """The home page's three lists, the same for every visitor: kept in the fragment cache, so
    page publish, unpublish, move and delete retire them (an event that ends drops off within
    PAGECACHE_TIMEOUT, as on the cached page itself)."""
    from portal.pagecache.lookups import remembered

    def build():
        return {
            "featured_initiatives": featured_initiatives(site_root=site_root),
            "latest_updates": latest_updates(site_root=site_root, limit=3),
            "upcoming_events": upcoming_events(site_root=site_root, limit=3),
        }

    return remembered("home-listings", build, vary=site_root.pk)


# --- Theory of Change and initiatives ----------------------------------------------------


def initiatives_for_theory(*, theory: TheoryOfChangePage) -> list[InitiativePage]:
    return list(_public_live(InitiativePage).filter(theory_of_change=theory).order_by("title"))


def initiatives_under(*, parent) -> list[InitiativePage]:
    return list(
        _public_live(InitiativePage).child_of(parent).order_by("title").prefetch_related("cfsr_terms")
    )


def theory_for_initiative(*, initiative: InitiativePage) -> TheoryOfChangePage | None:
    queryset = _public_live(TheoryOfChangePage)
    if initiative.theory_of_change_id:
        return queryset.filter(pk=initiative.theory_of_change_id).first()
    return queryset.order_by("path").first()


def updates_for_initiative(*, initiative: InitiativePage, limit: int = 5) -> list[UpdatePage]:
    return list(_public_live(UpdatePage).filter(initiative=initiative).order_by("-date", "-pk")[:limit])


# --- updates -----------------------------------------------------------------------------


def update_listing(*, index_page, params) -> Listing:
    messages: list[str] = []
    updates = (
        _public_live(UpdatePage).child_of(index_page).select_related("initiative").order_by("-date", "-pk")
    )
    initiatives = list(_public_live(InitiativePage).order_by("title").only("id", "title", "slug"))
    tags = list(
        Tag.objects.filter(
            pk__in=UpdatePageTag.objects.filter(content_object__in=updates).values("tag_id")
        ).order_by("name")
    )
    filters = {"initiative": "", "tag": "", "cfsr": ""}

    initiative_slug = (params.get("initiative") or "").strip()
    if initiative_slug:
        match = next((i for i in initiatives if i.slug == initiative_slug), None)
        if match is None:
            messages.append("We couldn't find that initiative, so we are showing all updates.")
        else:
            updates = updates.filter(initiative=match)
            filters["initiative"] = match.slug
    tag_slug = (params.get("tag") or "").strip()
    if tag_slug:
        match = next((t for t in tags if t.slug == tag_slug), None)
        if match is None:
            messages.append("We couldn't find that topic, so we are showing updates on all topics.")
        else:
            updates = updates.filter(tags__slug=match.slug)
            filters["tag"] = match.slug
    cfsr_code = (params.get("cfsr") or "").strip()
    terms = list(CfsrTerm.objects.all())
    if cfsr_code:
        match = next((t for t in terms if t.code.lower() == cfsr_code.lower()), None)
        if match is None:
            messages.append("We couldn't find that CFSR outcome or factor, so we are showing all updates.")
        else:
            updates = updates.filter(cfsr_terms=match)
            filters["cfsr"] = match.code

    page = paginate(updates, UPDATES_PER_PAGE, params.get("page"), messages)
    return Listing(
        page=page,
        filters=filters,
        messages=messages,
        options={"initiatives": initiatives, "tags": tags, "cfsr_terms": terms},
    )


def update_index():
    from home.models import UpdateIndexPage

    return _public_live(UpdateIndexPage).order_by("path").first()


def update_detail(*, update: UpdatePage, request) -> dict[str, Any]:
    initiative = None
    if update.initiative_id:
        initiative = _public_live(InitiativePage).filter(pk=update.initiative_id).first()
    related = []
    if initiative is not None:
        related = list(
            _public_live(UpdatePage)
            .filter(initiative=initiative)
            .exclude(pk=update.pk)
            .order_by("-date", "-pk")[:3]
        )
    return {
        "initiative": initiative,
        "related_updates": related,
        "cfsr": cfsr_terms_of(update, request=request),
        "tags": list(update.tags.all()),
    }


def updates_for_feed(*, index_page, limit: int = 20) -> list[UpdatePage]:
    return list(
        _public_live(UpdatePage)
        .child_of(index_page)
        .select_related("initiative")
        .order_by("-date", "-pk")[:limit]
    )


# --- events ------------------------------------------------------------------------------


def event_listing(*, index_page, past: bool, params) -> Listing:
    messages: list[str] = []
    now = timezone.now()
    events = _public_live(EventPage).child_of(index_page)
    if past:
        events = events.filter(end__lt=now).order_by("-start")
    else:
        events = events.filter(end__gte=now).order_by("start")
    page = paginate(events, EVENTS_PER_PAGE, params.get("page"), messages)
    return Listing(page=page, messages=messages)


def events_for_calendar(*, index_page, limit: int = 500) -> list[EventPage]:
    return list(_public_live(EventPage).child_of(index_page).order_by("-start")[:limit])


# --- resources ---------------------------------------------------------------------------


def _visible_collection_ids(request, collections: list[Collection]) -> tuple[set[int], set[int]]:
    """(visible ids, private ids) among `collections`; restrictions apply to descendants too."""
    restrictions = list(
        CollectionViewRestriction.objects.filter(collection__in=[c.pk for c in collections])
        .select_related("collection")
        .prefetch_related("groups")
    )
    hidden: set[int] = set()
    private: set[int] = set()
    for restriction in restrictions:
        covered = {c.pk for c in collections if c.path.startswith(restriction.collection.path)}
        private |= covered
        if not restriction.accept_request(request):
            hidden |= covered
    return {c.pk for c in collections} - hidden, private


def resource_listing(*, index_page, request, params) -> Listing:
    messages: list[str] = []
    root = index_page.collection
    documents = get_document_model().objects.none()
    categories: list[Collection] = []
    private: set[int] = set()
    filters = {"category": "", "q": ""}
    if root is not None:
        collections = list(
            Collection.objects.filter(path__startswith=root.path, depth__gte=root.depth).order_by("path")
        )
        categories = [c for c in collections if c.depth == root.depth + 1]
        visible, private = _visible_collection_ids(request, collections)
        documents = get_document_model().objects.filter(collection_id__in=visible).order_by("title")
        category_id = (params.get("category") or "").strip()
        if category_id:
            match = next((c for c in categories if str(c.pk) == category_id), None)
            if match is None:
                messages.append("We couldn't find that category, so we are showing all resources.")
            else:
                documents = documents.filter(collection__path__startswith=match.path)
                filters["category"] = str(match.pk)
        query = (params.get("q") or "").strip()[:100]
        if query:
            documents = documents.filter(title__icontains=query)
            filters["q"] = query
        categories = [c for c in categories if c.pk in visible]
    page = paginate(documents.select_related("collection"), RESOURCES_PER_PAGE, params.get("page"), messages)
    for document in page.object_list:
        document.is_private = document.collection_id in private
    return Listing(page=page, filters=filters, messages=messages, options={"categories": categories})
