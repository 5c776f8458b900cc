"""The admin's danger notice: in Wagtail's message area, for those who can act, cached."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums.moderation import services
from forums.moderation.models import FlagReason
from portal.accounts.mfa import totp_activate

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
pytestmark = pytest.mark.django_db


def _page(client, person, url="/admin/"):
    totp_activate(user=person, secret=SECRET)
    client.force_login(person)
    return client.get(url).content.decode()


def _danger(make_comment, user):
    services.flag_add(user=user, comment=make_comment(), reason=FlagReason.DANGER)


def test_banner_sits_in_the_message_area_for_moderators(client, moderator, make_comment, user):
    _danger(make_comment, user)
    page = _page(client, moderator)
    assert 'data-testid="danger-banner"' in page
    messages_area = page.split('class="messages"', 1)[1].split("</ul>", 1)[0]
    assert "Someone may be in danger" in messages_area
    assert "moderation-danger-banner" not in page  # the old position:fixed overlay is gone


@pytest.mark.parametrize("role", ["Editors", "Survey analysts", "Facilitators"])
def test_banner_not_shown_to_people_who_cannot_act(client, make_staff, make_comment, user, role):
    _danger(make_comment, user)
    page = _page(client, make_staff(role))
    assert 'data-testid="danger-banner"' not in page


def test_no_query_for_the_banner_when_nothing_waits(client, moderator):
    # The dashboard's own review panel counts danger items; any other admin page must not.
    _page(client, moderator, "/admin/pages/")  # warms the cached count (0)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/pages/").status_code == 200
    assert not any("moderation_commentreview" in q["sql"] and "is_danger" in q["sql"] for q in queries)


def test_banner_goes_when_the_item_is_decided(
    client, moderator, make_comment, user, django_capture_on_commit_callbacks
):
    comment = make_comment()
    with django_capture_on_commit_callbacks(execute=True):
        services.flag_add(user=user, comment=comment, reason=FlagReason.DANGER)
    assert 'data-testid="danger-banner"' in _page(client, moderator)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_remove(comment=comment, by=moderator, reason="danger")
    assert 'data-testid="danger-banner"' not in client.get("/admin/").content.decode()


def test_staff_see_review_on_an_unreported_public_comment(client, moderator, make_comment, user, topic):
    comment = make_comment(body="A published comment nobody reported.")
    client.force_login(user)
    assert 'data-testid="review-comment"' not in client.get(topic.url).content.decode()
    page = _page(client, moderator, topic.url)
    assert f"/admin/moderation/comments/{comment.pk}/" in page and 'data-testid="review-comment"' in page
    item = client.get(f"/admin/moderation/comments/{comment.pk}/")
    assert item.status_code == 200
