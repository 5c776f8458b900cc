"""Demo: the post-adoption support policy as a draft with paragraphs and passage comments."""

from datetime import timedelta

from django.utils import timezone

from .models import Comment, CommentKind
from .text import render_comment_html

DRAFTS = {
    "post-adoption-support-policy": [
        ("heading", "1. Purpose"),
        (
            "paragraph",
            "This policy sets out the support that Lakeshore County Family Services offers to "
            "families after an adoption from foster care is final.",
        ),
        ("heading", "2. Who is covered"),
        (
            "paragraph",
            "Every family who adopted a child from Lakeshore County foster care is covered, "
            "including relatives and families who adopted under tribal law.",
        ),
        ("heading", "3. Support offered"),
        (
            "paragraph",
            "Each family has one contact point at the agency. The contact point answers calls "
            "and messages within two working days.",
        ),
        (
            "paragraph",
            "Families are offered a check-in once a year. The check-in is voluntary and needs "
            "no court order.",
        ),
        (
            "paragraph",
            "Families may use respite care for up to 14 days a year, arranged through the contact point.",
        ),
    ],
}
# (author, paragraph index, passage or "", kind, text)
PARAGRAPH_COMMENTS = [
    (
        "provider",
        2,
        "within two working days",
        CommentKind.COMMENT,
        "Two working days is right, but say what happens in a crisis out of hours.",
    ),
    (
        "court",
        3,
        "needs no court order",
        CommentKind.QUESTION,
        "Will the court be told when a family declines the check-in?",
    ),
    (
        "fosterparent",
        4,
        "",
        CommentKind.COMMENT,
        "Fourteen days of respite a year would make a real difference to us.",
    ),
]


def add_draft(ctx, topic, person) -> None:
    """Give the topic its draft once, then a few comments on paragraphs and passages."""
    blocks = DRAFTS.get(topic.slug)
    if not blocks or topic.draft:
        return
    topic.draft = [{"type": kind, "value": value} for kind, value in blocks]
    topic.save_revision().publish()
    topic.refresh_from_db()
    paragraphs = [b for b in topic.draft if b.block_type == "paragraph"]
    moment = topic.opens_at + timedelta(days=1)
    for author_name, index, passage, kind, text in PARAGRAPH_COMMENTS:
        moment += timedelta(hours=ctx.rng.randint(3, 20))
        block = paragraphs[index]
        Comment.objects.create(
            topic=topic,
            author=person(author_name),
            kind=kind,
            body=text,
            body_html=render_comment_html(text),
            paragraph_id=block.id,
            quote=passage,
            paragraph_text=str(block.value),
            draft_revision_id=topic.live_revision_id,
            created_at=min(moment, timezone.now()),
            last_activity_at=min(moment, timezone.now()),
        )
