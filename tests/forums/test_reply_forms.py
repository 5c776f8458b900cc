"""The reply form under each thread is rendered once per page and given each thread's id
(forums/templatetags/forum_forms.py): every form must still be that thread's own."""

import re

import pytest

from forums.factories import CommentFactory
from forums.models import Comment

pytestmark = pytest.mark.django_db


def _reply_forms(html: str) -> list[str]:
    return re.findall(r'<details class="forums-reply-form".*?</details>', html, re.S)


def test_each_thread_gets_its_own_reply_form(client, user, topic):
    threads = [CommentFactory(topic=topic, author=user, body=f"Thread {n}") for n in range(3)]
    client.force_login(user)
    html = client.get(topic.url).content.decode()
    forms = _reply_forms(html)
    assert len(forms) == 3
    for thread, form in zip(threads, forms, strict=True):
        assert f'name="parent" value="{thread.pk}"' in form
        assert f'id="comment-body-{thread.pk}"' in form and f'for="comment-body-{thread.pk}"' in form
        assert f'aria-describedby="comment-info-{thread.pk} comment-hint-{thread.pk}"' in form
        assert "csrfmiddlewaretoken" in form
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id appears twice on the page"


def test_a_refused_reply_comes_back_in_its_thread_with_the_text(client, user, topic):
    first, second = (CommentFactory(topic=topic, author=user) for _ in range(2))
    client.force_login(user)
    response = client.post(
        f"/workgroups/-/topics/{topic.pk}/comments/", {"body": "x" * 5001, "parent": second.pk}
    )
    assert response.status_code == 400
    forms = _reply_forms(response.content.decode())
    assert "open" in forms[1].split(">", 1)[0] and "x" * 5001 in forms[1]
    assert "x" * 5001 not in forms[0]
    assert not Comment.objects.filter(parent=second).exists()
