"""Comment text: plain text with line breaks and links, or a tiny safe subset of HTML."""

import re

import nh3
from django.utils.html import urlize

MAX_LENGTH = 5000
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"
_BLOCK = re.compile(r"<\s*(p|ul|ol|li)\b", re.IGNORECASE)


def render_comment_html(text: str) -> str:
    """Sanitised HTML for a comment: script, handlers and javascript: links never survive."""
    text = text.replace("\r\n", "\n").strip()
    cleaned = nh3.clean(
        text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None
    )
    if not _BLOCK.search(cleaned):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
        cleaned = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    linked = cleaned if "<a" in cleaned else urlize(cleaned, nofollow=False, autoescape=False)
    return nh3.clean(
        linked, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=LINK_REL
    )
