import threading

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from forums.models import CommentState
from forums.moderation import services
from forums.moderation.models import ModerationDecision, Reason
from portal.accounts.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_two_moderators_at_once_end_in_one_state(make_comment):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    comment = make_comment(state=CommentState.PENDING)
    first, second = UserFactory(is_superuser=True), UserFactory(is_superuser=True)
    barrier = threading.Barrier(2)
    outcomes = {}

    def act(name, person, action):
        try:
            barrier.wait()
            services.comment_decide(comment=comment, by=person, action=action, reason=Reason.SPAM)
            outcomes[name] = "done"
        except services.IllegalTransition:
            outcomes[name] = "refused"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("approve", first, "approve")),
        threading.Thread(target=act, args=("reject", second, "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["done", "refused"]
    comment.refresh_from_db()
    winner = next(name for name, outcome in outcomes.items() if outcome == "done")
    assert comment.state == {"approve": CommentState.PUBLISHED, "reject": CommentState.REJECTED}[winner]
    assert ModerationDecision.objects.filter(comment=comment).count() == 1
    actions = set(ModelLogEntry.objects.filter(object_id=str(comment.pk)).values_list("action", flat=True))
    assert actions == {f"moderation.{winner}", "moderation.refused"}
