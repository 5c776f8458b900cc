"""The demo shows the real hold rules: established members publish at once, new members are held."""

import pytest

from forums import demo as forums_demo
from forums.models import CommentState, TopicPage
from forums.permissions import can_post
from forums.services import comment_post
from portal.accounts import demo as accounts_demo
from portal.accounts.models import User
from portal.demo import DemoContext

pytestmark = pytest.mark.django_db


def test_demo_established_member_posts_unheld_and_new_member_is_held():
    ctx = DemoContext(seed=1, force=False, write=lambda _line: None)
    accounts_demo.generate(ctx)
    forums_demo.generate(ctx)
    established = User.objects.get(username="fosterparent")
    new = User.objects.get(username="youth")
    topic = next(
        t
        for t in TopicPage.objects.live()
        if t.window_state == "open" and can_post(established, t) and can_post(new, t)
    )
    old_post = comment_post(author=established, topic=topic, body="We found the respite list useful.")
    assert old_post.state == CommentState.PUBLISHED
    new_post = comment_post(author=new, topic=topic, body="I aged out last year and want to help.")
    assert new_post.state == CommentState.PENDING
    notes = {login.email: login.note for login in ctx.logins}
    assert "established" in notes[established.email] and "new member" in notes[new.email]
