import pytest

from forums import demo as forums_demo
from forums.models import Comment, PlanItem, TopicPage, WorkgroupMembership, WorkgroupPage
from portal.accounts import demo as accounts_demo
from portal.demo import DemoContext

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (WorkgroupPage, TopicPage, Comment, PlanItem, WorkgroupMembership)]


def test_demo_is_idempotent_and_complete():
    ctx = DemoContext(seed=1, force=False, write=lambda _line: None)
    accounts_demo.generate(ctx)
    forums_demo.generate(ctx)
    first = _counts()
    forums_demo.generate(ctx)
    assert _counts() == first
    assert first[0] == 4 and WorkgroupPage.objects.filter(is_private=True).count() == 1
    assert WorkgroupMembership.objects.filter(user__username="facilitator", role="facilitator").count() >= 2
    closed = [t for t in TopicPage.objects.all() if t.window_state == "closed"]
    assert closed and closed[0].has_feedback
    assert Comment.objects.filter(is_official=True, author__username="facilitator").exists()
    assert set(PlanItem.objects.values_list("status", flat=True)) >= {
        "done",
        "on_track",
        "at_risk",
        "delayed",
    }
