import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forums.factories import CommentFactory
from forums.models import Comment, CommentState
from forums.moderation import services
from forums.moderation.models import SanctionKind
from portal.extension_points import MY_PORTAL_PANELS, collect_panels

pytestmark = pytest.mark.django_db


def _post(client, topic, body, **extra):
    return client.post(
        reverse("forums:comment_create", args=[topic.pk]), {"body": body, "kind": "comment", **extra}
    )


def test_comment_limit_answers_429_with_retry_after_and_the_text(client, veteran, topic, settings):
    settings.MODERATION_RATE_LIMITS = {**settings.MODERATION_RATE_LIMITS, "comment": "3/10m"}
    CommentFactory(author=veteran, topic=topic)
    client.force_login(veteran)
    for n in range(3):
        assert _post(client, topic, f"Comment number {n}").status_code == 302
    response = _post(client, topic, "My carefully typed fourth comment")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "My carefully typed fourth comment" in body and "Please slow down" in body
    assert Comment.objects.filter(author=veteran).count() == 4  # 1 + 3, not the fourth


def test_ip_limit_applies_across_accounts(client, topic, settings, make_staff):
    settings.MODERATION_RATE_LIMITS = {**settings.MODERATION_RATE_LIMITS, "comment": "1/10m"}
    settings.MODERATION_RATE_LIMIT_IP_FACTOR = 2
    statuses = []
    for _ in range(3):
        client.force_login(make_staff("Editors"))
        statuses.append(_post(client, topic, "From the same address").status_code)
    assert statuses == [302, 302, 429]


def test_flag_and_join_limits(client, user, make_comment, workgroup, settings):
    settings.MODERATION_RATE_LIMITS = {"comment": "10/10m", "flag": "1/h", "join": "1/h"}
    client.force_login(user)
    first, second = make_comment(), make_comment()
    assert client.post(reverse("moderation:flag", args=[first.pk]), {"reason": "spam"}).status_code == 302
    limited = client.post(
        reverse("moderation:flag", args=[second.pk]), {"reason": "other", "note": "keep me"}
    )
    assert limited.status_code == 429 and "keep me" in limited.content.decode()
    join = reverse("forums:join", args=[workgroup.pk])
    assert client.post(join).status_code == 302
    assert client.post(join).status_code == 429


def test_honeypot_on_the_comment_form(client, veteran, topic):
    CommentFactory(author=veteran, topic=topic)
    client.force_login(veteran)
    response = _post(client, topic, "Bot text", website="http://spam.example")
    assert response.status_code == 302
    assert not Comment.objects.filter(body="Bot text").exists()
    page = client.get(topic.url).content.decode()
    assert 'name="website"' in page


def test_silenced_person_sees_why_and_until_when_and_is_held(client, veteran, topic, moderator):
    CommentFactory(author=veteran, topic=topic)
    sanction = services.sanction_add(
        by=moderator, user=veteran, kind=SanctionKind.SILENCE, reason="Repeated insults", days=5
    )
    client.force_login(veteran)
    page = client.get(topic.url).content.decode()
    assert "Your account is silenced until" in page and "Repeated insults" in page
    assert f"{sanction.ends_at:%B}" in page
    _post(client, topic, "Still talking")
    assert Comment.objects.get(body="Still talking").state == CommentState.PENDING
    request = RequestFactory().get("/me/")
    request.user = veteran
    panels = [p for p in collect_panels(MY_PORTAL_PANELS, request) if p.template.startswith("moderation/")]
    html = render_to_string(panels[0].template, {**panels[0].context, "panel": panels[0]}, request=request)
    assert "Your account is limited" in html and "Repeated insults" in html
    services.sanction_lift(by=moderator, sanction=sanction, note="ok now")
    assert "Your account is silenced" not in client.get(topic.url).content.decode()
    assert ModelLogEntry.objects.filter(action="moderation.sanction_lift").exists()
    with pytest.raises(services.IllegalTransition):
        services.sanction_lift(by=moderator, sanction=sanction)


def test_only_moderators_sanction(veteran, facilitator):
    with pytest.raises(services.NotAllowed):
        services.sanction_add(by=facilitator, user=veteran, kind=SanctionKind.SUSPEND, reason="x")
