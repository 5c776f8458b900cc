"""Rendered comments kept in the fragment cache (issue 13 goal 3, the 1,000-comment topic).

A board page shows 20 threads with their replies; rendering each comment (author, the date in
words, the body, its links) was most of an uncached topic render. Each comment's HTML is
kept under the page-cache generation, so every event that changes a comment (posted, edited,
deleted, hidden, removed, approved, an official answer: they all call `invalidate()`) or the
topic (publish) retires it. The key also holds what the HTML depends on that no event
announces — the viewer's links (edit, delete, report, review) and the author's public name
(a rename or an account deletion shows at once) — so a viewer never gets another's links.
"""

import hashlib

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.pagecache.fragments import cached_fragments

TEMPLATE = "forums/includes/comment.html"


def attach_rendered(comments, *, request, can_review_comments: bool) -> None:
    """Set `html` on every comment and visible reply of the page (one cache read for all)."""
    user = request.user
    builds, owners = {}, []
    for comment in comments:
        entries = [(comment, False), *((reply, True) for reply in comment.visible_replies)]
        for c, is_reply in entries:
            reportable = user.is_authenticated and c.state == "published" and c.author_id != user.pk
            links = (c.viewer_can_edit, c.viewer_can_delete, reportable, can_review_comments, is_reply)
            name = hashlib.blake2b(c.author_name.encode(), digest_size=6).hexdigest()
            vary = f"{c.pk}:{''.join(str(int(flag)) for flag in links)}:{name}"
            context = {"c": c, "is_reply": is_reply, "request": request}
            context["can_review_comments"] = can_review_comments
            builds[vary] = _builder(context)
            owners.append((c, vary))
    rendered = cached_fragments("comment", builds)
    for c, vary in owners:
        c.html = mark_safe(rendered[vary])  # noqa: S308 - our own template's output


def _builder(context: dict):
    return lambda: render_to_string(TEMPLATE, context)
