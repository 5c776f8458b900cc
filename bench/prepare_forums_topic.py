"""Bench data: a public topic with 1,000 published comments (with replies and questions).

Run by bench/measure.py during preparation; idempotent (the topic is rebuilt each time).
The page is then measured as `@forums_topic_1000` (see bench/targets.py).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from forums.models import Comment, TopicPage, WorkgroupPage  # noqa: E402
from forums.models.comments import CommentKind, CommentState  # noqa: E402
from portal.accounts.models import User  # noqa: E402

SLUG = "bench-1000-comments"
COMMENTS = 1000


@transaction.atomic
def main() -> None:
    workgroup = WorkgroupPage.objects.filter(is_private=False).live().first()
    TopicPage.objects.filter(slug=SLUG).delete()
    now = timezone.now()
    topic = TopicPage(
        title="Bench: a topic with 1,000 comments",
        slug=SLUG,
        intro="Generated for the benchmark.",
        question="What should change?",
        opens_at=now - timezone.timedelta(days=30),
        closes_at=now + timezone.timedelta(days=30),
    )
    workgroup.add_child(instance=topic)
    topic.save_revision().publish()
    authors = list(User.objects.filter(is_deidentified=False).order_by("pk")[:10])
    top_level = Comment.objects.bulk_create(
        Comment(
            topic=topic,
            author=authors[i % len(authors)],
            kind=CommentKind.QUESTION if i % 5 == 0 else CommentKind.COMMENT,
            body=f"Comment number {i}.",
            body_html=f"<p>Comment number {i}.</p>",
            state=CommentState.PUBLISHED,
            created_at=now - timezone.timedelta(minutes=COMMENTS - i),
            last_activity_at=now - timezone.timedelta(minutes=COMMENTS - i),
        )
        for i in range(COMMENTS * 4 // 5)
    )
    Comment.objects.bulk_create(
        Comment(
            topic=topic,
            author=authors[i % len(authors)],
            parent=top_level[i % len(top_level)],
            kind=CommentKind.COMMENT,
            body=f"Reply {i}.",
            body_html=f"<p>Reply {i}.</p>",
            state=CommentState.PUBLISHED,
            created_at=now,
            last_activity_at=now,
        )
        for i in range(COMMENTS - len(top_level))
    )
    sys.stdout.write(f"topic {topic.url_path} with {topic.comments.count()} comments\n")


def analyze() -> None:
    """Refresh the planner's statistics, as autovacuum does within a minute on a server: measured
    straight after a 1,000-row bulk insert, the stale estimates (one comment per topic) made
    PostgreSQL pick the state index for the "awaiting an answer" anti-join, 25-30 ms a render
    instead of 0.4 ms — a benchmark artefact, not what visitors get."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Comment._meta.db_table}")


if __name__ == "__main__":
    main()
    analyze()
