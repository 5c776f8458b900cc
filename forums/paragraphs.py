"""Draft paragraphs: their stable ids, anchors for comments, counts and revision comparison.

A paragraph's id is its StreamField block id in `TopicPage.draft`. A comment keeps the
paragraph's text as it was when the comment was made (and the revision then live), so a
comment on a paragraph that has changed since is shown "on an earlier version".
"""

import difflib
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Revision

from .models import Comment, CommentKind, CommentState, TopicPage
from .services import InvalidComment

QUOTE_MAX = 1000


@dataclass
class Paragraph:
    id: str
    number: int
    text: str
    heading: str = ""  # the section it sits in
    comments: int = 0
    questions: int = 0
    official_answers: int = 0
    held: int = 0

    @property
    def total(self) -> int:
        return self.comments + self.questions


@dataclass(frozen=True)
class ParagraphAnchor:
    paragraph_id: str
    quote: str
    text: str
    revision_id: int | None


def _squash(text: str) -> str:
    return " ".join((text or "").split())


def draft_paragraphs(draft) -> list[Paragraph]:
    """The paragraphs of a draft StreamField value, numbered, with the heading above each."""
    paragraphs, heading = [], ""
    for block in draft:
        if block.block_type == "heading":
            heading = str(block.value)
        elif block.block_type == "paragraph":
            paragraphs.append(Paragraph(block.id, len(paragraphs) + 1, str(block.value), heading))
    return paragraphs


def paragraph_get(*, topic: TopicPage, paragraph_id: str) -> Paragraph | None:
    return next((p for p in draft_paragraphs(topic.draft) if p.id == paragraph_id), None)


def anchor_resolve(*, topic: TopicPage, paragraph_id: str, quote: str = "") -> ParagraphAnchor:
    """Check a paragraph id and passage against the topic's live draft; refuse with a clear message."""
    paragraph = paragraph_get(topic=topic, paragraph_id=paragraph_id)
    if paragraph is None:
        raise InvalidComment("That paragraph is not part of this draft (it may have been removed).")
    quote = _squash(quote)
    if len(quote) > QUOTE_MAX:
        raise InvalidComment(f"Quote at most {QUOTE_MAX:,} characters of the paragraph.")
    if quote and quote not in _squash(paragraph.text):
        raise InvalidComment("The passage you quoted is not in this paragraph. Select it again.")
    return ParagraphAnchor(paragraph.id, quote, paragraph.text, topic.live_revision_id)


def paragraphs_with_counts(*, topic: TopicPage, include_held: bool = False) -> list[Paragraph]:
    """The live draft's paragraphs with their public counts: two queries, whatever the size."""
    paragraphs = draft_paragraphs(topic.draft)
    public = Q(state=CommentState.PUBLISHED, deleted_at__isnull=True)
    rows = (
        Comment.objects.filter(topic=topic, parent__isnull=True)
        .exclude(paragraph_id="")
        .values("paragraph_id")
        .annotate(
            comments=Count("pk", filter=public & Q(kind=CommentKind.COMMENT)),
            questions=Count("pk", filter=public & Q(kind=CommentKind.QUESTION)),
            held=Count("pk", filter=Q(state=CommentState.PENDING)),
        )
    )
    answers = dict(
        Comment.objects.filter(topic=topic, is_official=True, state=CommentState.PUBLISHED)
        .exclude(parent__paragraph_id="")
        .values_list("parent__paragraph_id")
        .annotate(n=Count("pk"))
    )
    by_id = {row["paragraph_id"]: row for row in rows}
    for paragraph in paragraphs:
        row = by_id.get(paragraph.id, {})
        paragraph.comments, paragraph.questions = row.get("comments", 0), row.get("questions", 0)
        paragraph.held = row.get("held", 0) if include_held else 0
        paragraph.official_answers = answers.get(paragraph.id, 0)
    return paragraphs


def mark_earlier_versions(comments, *, topic: TopicPage) -> None:
    """Set `on_earlier_version` and `paragraph_number` on comments (no queries)."""
    current = {p.id: p for p in draft_paragraphs(topic.draft)}
    for comment in comments:
        paragraph = current.get(comment.paragraph_id)
        comment.paragraph_number = paragraph.number if paragraph else None
        comment.on_earlier_version = bool(comment.paragraph_id) and (
            paragraph is None or _squash(paragraph.text) != _squash(comment.paragraph_text)
        )


# --- Comparing two revisions ----------------------------------------------------------------


@dataclass
class ParagraphChange:
    id: str
    status: str  # "unchanged", "changed", "added", "removed"
    old: str = ""
    new: str = ""
    old_html: str = ""
    new_html: str = ""
    comments: int = 0
    numbers: tuple = field(default=(None, None))


def _word_diff(old: str, new: str) -> tuple[str, str]:
    a, b = old.split(), new.split()
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old_words, new_words = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(old_words)
            right.append(new_words)
            continue
        if old_words:
            left.append(f"<del>{old_words}</del>")
        if new_words:
            right.append(f"<ins>{new_words}</ins>")
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))  # noqa: S308 - every word is escaped


def topic_revisions(*, topic: TopicPage):
    return Revision.page_revisions.filter(object_id=str(topic.pk)).order_by("-created_at", "-pk")


def revision_draft(revision: Revision) -> list[Paragraph]:
    return draft_paragraphs(revision.as_object().draft)


def default_comparison(*, topic: TopicPage) -> tuple[Revision | None, Revision | None]:
    """The revision live when comments opened (or the first), and the latest."""
    revisions = topic_revisions(topic=topic)
    latest = revisions.first()
    before = revisions.filter(created_at__lte=topic.opens_at) if topic.opens_at else revisions.none()
    start = before.first() or revisions.last()
    return start, latest


def compare_revisions(*, topic: TopicPage, old: Revision, new: Revision) -> list[ParagraphChange]:
    """Paragraph by paragraph (matched by id), in the new order, removed ones where they were."""
    old_paragraphs = {p.id: p for p in revision_draft(old)}
    new_paragraphs = revision_draft(new)
    counts = dict(
        Comment.objects.filter(topic=topic, parent__isnull=True, state=CommentState.PUBLISHED)
        .exclude(paragraph_id="")
        .values_list("paragraph_id")
        .annotate(n=Count("pk"))
    )
    changes, seen = [], set()
    for paragraph in new_paragraphs:
        before = old_paragraphs.get(paragraph.id)
        seen.add(paragraph.id)
        if before is None:
            change = ParagraphChange(
                paragraph.id, "added", new=paragraph.text, new_html=escape(paragraph.text)
            )
        elif _squash(before.text) == _squash(paragraph.text):
            change = ParagraphChange(
                paragraph.id,
                "unchanged",
                before.text,
                paragraph.text,
                escape(before.text),
                escape(paragraph.text),
            )
        else:
            old_html, new_html = _word_diff(before.text, paragraph.text)
            change = ParagraphChange(paragraph.id, "changed", before.text, paragraph.text, old_html, new_html)
        change.numbers = (before.number if before else None, paragraph.number)
        changes.append(change)
    for paragraph in old_paragraphs.values():
        if paragraph.id not in seen:
            change = ParagraphChange(
                paragraph.id, "removed", old=paragraph.text, old_html=escape(paragraph.text)
            )
            change.numbers = (paragraph.number, None)
            changes.append(change)
    for change in changes:
        change.comments = counts.get(change.id, 0)
    return changes


def paragraph_feedback(*, topic: TopicPage) -> list[dict]:
    """ "What we did" per paragraph, with what changed in it since comments opened."""
    current = {p.id: p for p in draft_paragraphs(topic.draft)}
    start, latest = default_comparison(topic=topic)
    changes = {}
    if start and latest and start.pk != latest.pk:
        changes = {c.id: c for c in compare_revisions(topic=topic, old=start, new=latest)}
    items = []
    for block in topic.paragraph_changes:
        paragraph = current.get(block.value["paragraph"])
        if paragraph is None:
            continue
        change = changes.get(paragraph.id)
        items.append(
            {
                "paragraph": paragraph,
                "what_we_did": block.value["what_we_did"],
                "change": change if change and change.status != "unchanged" else None,
                "revision": latest if change and change.status != "unchanged" else None,
            }
        )
    return items
