"""Comment text is sanitised: XSS payloads are stored and rendered inert."""

from html.parser import HTMLParser

import pytest

from forums.models import CommentKind
from forums.services import comment_post
from forums.text import render_comment_html

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "<svg onload=alert(1)>",
    '<p onclick="alert(1)">hi</p>',
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/"
    "</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
    '<iframe src="https://evil.example"></iframe>',
    '<a href="https://ok.example" style="color:red" target="_blank">ok</a>',
]
ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a"}


class _Inspector(HTMLParser):
    """Collects every tag and attribute a browser would see."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"attribute {name}")
            if name == "href" and not (value or "").startswith(("http://", "https://", "mailto:")):
                self.problems.append(f"href {value}")


def assert_inert(html):
    inspector = _Inspector()
    inspector.feed(html)
    assert not inspector.problems, (inspector.problems, html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_rendered_inert(payload):
    assert_inert(render_comment_html(payload))


def test_links_get_rel_and_plain_urls_are_linked():
    html = render_comment_html("See https://example.org/plan for details")
    assert '<a href="https://example.org/plan" rel="nofollow ugc noopener">' in html


def test_allowed_formatting_kept():
    html = render_comment_html("<p><strong>Bold</strong> and <em>it</em></p><ul><li>one</li></ul>")
    assert html == "<p><strong>Bold</strong> and <em>it</em></p><ul><li>one</li></ul>"


def test_line_breaks_become_paragraphs():
    assert render_comment_html("a\nb\n\nc") == "<p>a<br>b</p><p>c</p>"


@pytest.mark.django_db
def test_stored_and_rendered_html_inert(client, user, topic):
    for payload in PAYLOADS:
        comment_post(author=user, topic=topic, body=f"x {payload}", kind=CommentKind.COMMENT)
    for stored in topic.comments.values_list("body_html", flat=True):
        assert_inert(stored)
    page = client.get(topic.url).content.decode()
    for payload in PAYLOADS:
        assert payload not in page
    board = page[page.index('id="comments"') : page.index('id="add-comment"')]
    for article in board.split('<div class="forums-comment__body usa-prose">')[1:]:
        assert_inert(article.split("</div>")[0])
