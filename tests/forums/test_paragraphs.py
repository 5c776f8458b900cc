"""Draft paragraphs: stable ids across revisions, comments on paragraphs and passages, the agency screens."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from forums import paragraphs
from forums.factories import CommentFactory, TopicPageFactory
from forums.models import Comment, CommentKind, CommentState, MembershipRole
from forums.moderation.services import comment_approve
from forums.services import comment_post, membership_set
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate

DRAFT = [
    ("heading", "Who can apply"),
    ("paragraph", "Kin caregivers can apply for the subsidy within 30 days of placement."),
    ("paragraph", "Payments start in the month after approval and follow the state rate."),
    ("heading", "Appeals"),
    ("paragraph", "A family may appeal a decision in writing within 60 days."),
]


def _publish(topic, blocks):
    topic.draft = (
        [{"type": kind, "value": value} for kind, value in blocks]
        if blocks and isinstance(blocks[0], tuple)
        else blocks
    )
    topic.save_revision().publish()
    topic.refresh_from_db()
    return topic


@pytest.fixture
def draft_topic(topic):
    return _publish(topic, DRAFT)


@pytest.fixture
def trusted(user, settings):
    """A verified participant whose comments publish at once (no first-comment hold)."""
    settings.MODERATION_HOLD_FIRST_COMMENTS = 0
    settings.MODERATION_NEW_ACCOUNT_HOURS = 0
    return user


def _ids(topic):
    return [p.id for p in paragraphs.draft_paragraphs(topic.draft)]


def _raw(topic):
    return [{"type": b.block_type, "value": str(b.value), "id": b.id} for b in topic.draft]


def test_paragraph_ids_survive_edits_of_other_paragraphs(draft_topic):
    before = _ids(draft_topic)
    assert len(before) == 3 and len(set(before)) == 3
    raw = _raw(draft_topic)
    raw[4]["value"] = "A family may appeal a decision in writing or by phone within 90 days."
    raw.insert(2, {"type": "paragraph", "value": "A new paragraph."})
    _publish(draft_topic, raw)
    after = _ids(draft_topic)
    assert after[0] == before[0] and after[2] == before[1] and after[3] == before[2]
    assert after[1] not in before


def test_comment_on_a_changed_paragraph_is_on_an_earlier_version(draft_topic, trusted):
    first, second, third = paragraphs.draft_paragraphs(draft_topic.draft)
    on_first = comment_post(
        author=trusted,
        topic=draft_topic,
        body="Thirty days is short.",
        anchor=paragraphs.anchor_resolve(topic=draft_topic, paragraph_id=first.id),
    )
    on_third = comment_post(
        author=trusted,
        topic=draft_topic,
        body="Fine.",
        anchor=paragraphs.anchor_resolve(topic=draft_topic, paragraph_id=third.id),
    )
    assert on_first.draft_revision_id == draft_topic.live_revision_id
    raw = _raw(draft_topic)
    raw[1]["value"] = "Kin caregivers can apply for the subsidy within 90 days of placement."
    _publish(draft_topic, raw)
    comments = list(Comment.objects.filter(pk__in=[on_first.pk, on_third.pk]).order_by("pk"))
    paragraphs.mark_earlier_versions(comments, topic=draft_topic)
    assert [c.on_earlier_version for c in comments] == [True, False]
    assert comments[0].paragraph_text.endswith("30 days of placement.")


def test_comment_on_a_passage_through_the_view(client, draft_topic, trusted):
    paragraph = paragraphs.draft_paragraphs(draft_topic.draft)[1]
    client.force_login(trusted)
    page = client.get(
        f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{paragraph.id}/",
        {"quote": "follow the   state rate"},
    )
    assert page.status_code == 200 and b'name="quote" value="follow the state rate"' in page.content
    response = client.post(
        f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{paragraph.id}/comments/",
        {"body": "Which state rate?", "kind": "question", "quote": "follow the state rate"},
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.paragraph_id, comment.quote, comment.kind) == (
        paragraph.id,
        "follow the state rate",
        "question",
    )
    board = client.get(draft_topic.url).content.decode()
    assert "1 comment on paragraph 2" in board
    assert "follow the state rate</blockquote>" in board
    filtered = client.get(
        draft_topic.url, {"paragraph": paragraphs.draft_paragraphs(draft_topic.draft)[0].id}
    )
    assert "Which state rate?" not in filtered.content.decode()
    assert "Which state rate?" in client.get(draft_topic.url, {"paragraph": paragraph.id}).content.decode()


def test_new_member_is_held_then_approved_like_any_comment(client, draft_topic, user, make_staff, settings):
    settings.MODERATION_HOLD_RULES_ENABLED = True
    settings.MODERATION_NEW_ACCOUNT_HOURS = 0
    paragraph = paragraphs.draft_paragraphs(draft_topic.draft)[0]
    client.force_login(user)
    client.post(
        f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{paragraph.id}/comments/",
        {"body": "Please say what counts as placement.", "kind": "comment"},
    )
    comment = Comment.objects.get()
    assert comment.state == CommentState.PENDING
    assert paragraphs.paragraphs_with_counts(topic=draft_topic)[0].total == 0
    comment_approve(comment=comment, by=make_staff("Moderators"))
    assert paragraphs.paragraphs_with_counts(topic=draft_topic)[0].total == 1


@pytest.mark.parametrize(
    ("paragraph_id", "quote", "message"),
    [
        ("missing", "", None),
        ("first", "not in the text at all", "The passage you quoted is not in this paragraph"),
        ("first", "x" * 1001, "Quote at most"),
    ],
)
def test_bad_anchors_are_refused_and_nothing_saved(
    client, draft_topic, trusted, paragraph_id, quote, message
):
    if paragraph_id == "first":
        paragraph_id = paragraphs.draft_paragraphs(draft_topic.draft)[0].id
    client.force_login(trusted)
    response = client.post(
        f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{paragraph_id}/comments/",
        {"body": "Keep this text", "kind": "comment", "quote": quote},
    )
    assert Comment.objects.count() == 0
    if message is None:
        assert response.status_code == 404
    else:
        assert response.status_code == 400
        assert message in response.content.decode() and "Keep this text" in response.content.decode()


def test_paragraph_of_another_topic_is_404(client, draft_topic, workgroup, trusted):
    other = _publish(TopicPageFactory(parent=workgroup, slug="other"), [("paragraph", "Other text.")])
    foreign = paragraphs.draft_paragraphs(other.draft)[0].id
    client.force_login(trusted)
    assert client.get(f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{foreign}/").status_code == 404
    response = client.post(
        f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{foreign}/comments/",
        {"body": "x", "kind": "comment"},
    )
    assert response.status_code == 404 and Comment.objects.count() == 0


def test_window_and_private_rules_apply(client, draft_topic, private_topic, trusted):
    draft_topic.closes_at = timezone.now() - timezone.timedelta(days=1)
    draft_topic.save()
    paragraph = paragraphs.draft_paragraphs(draft_topic.draft)[0]
    client.force_login(trusted)
    response = client.post(
        f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{paragraph.id}/comments/",
        {"body": "Late", "kind": "comment"},
    )
    assert response.status_code == 400 and b"closed" in response.content
    _publish(private_topic, DRAFT)
    secret = paragraphs.draft_paragraphs(private_topic.draft)[0].id
    assert client.get(f"/workgroups/-/topics/{private_topic.pk}/paragraphs/{secret}/").status_code == 404


def test_reply_with_an_anchor_is_refused(draft_topic, trusted):
    parent = CommentFactory(topic=draft_topic)
    anchor = paragraphs.anchor_resolve(topic=draft_topic, paragraph_id=_ids(draft_topic)[0])
    with pytest.raises(Exception, match="belongs to its comment's paragraph"):
        comment_post(author=trusted, topic=draft_topic, body="x", parent=parent, anchor=anchor)


def test_topic_page_without_javascript_links_each_paragraph(client, draft_topic):
    html = client.get(draft_topic.url).content.decode()
    for pid in _ids(draft_topic):
        assert f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{pid}/#add-comment" in html
    assert "<script>" not in html  # the passage button comes from a static file (CSP)
    assert "js/paragraphs.js" in html


@pytest.mark.parametrize("size", [1, 15])
def test_topic_page_queries_do_not_grow_with_paragraph_comments(
    client, draft_topic, size, django_assert_max_num_queries
):
    for pid in _ids(draft_topic):
        CommentFactory.create_batch(size, topic=draft_topic, paragraph_id=pid)
        CommentFactory.create_batch(size, topic=draft_topic, paragraph_id=pid, kind=CommentKind.QUESTION)
    with django_assert_max_num_queries(40):
        assert client.get(draft_topic.url).status_code == 200


# --- The agency's screens ------------------------------------------------------------------


@pytest.fixture
def staff(make_staff, workgroup, private_workgroup, index_page):
    from forums.factories import WorkgroupPageFactory

    other = WorkgroupPageFactory(parent=index_page, slug="other-wg")
    people = {
        "member": UserFactory(),
        "facilitator": make_staff("Facilitators"),
        "other_facilitator": make_staff("Facilitators"),
        "moderator": make_staff("Moderators"),
        "editor": make_staff("Editors"),
    }
    membership_set(user=people["member"], workgroup=workgroup)
    membership_set(user=people["facilitator"], workgroup=workgroup, role=MembershipRole.FACILITATOR)
    membership_set(user=people["other_facilitator"], workgroup=other, role=MembershipRole.FACILITATOR)
    for role in ("facilitator", "other_facilitator", "moderator", "editor"):
        totp_activate(user=people[role], secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return people


ALLOWED = {"facilitator", "moderator", "editor"}


@pytest.mark.parametrize(
    "role", ["anonymous", "member", "other_facilitator", "facilitator", "moderator", "editor"]
)
def test_agency_screens_per_role(client, draft_topic, staff, role):
    if role != "anonymous":
        client.force_login(staff[role])
    urls = [
        f"/admin/drafts/{draft_topic.pk}/",
        f"/admin/drafts/{draft_topic.pk}/export/csv/",
        f"/admin/drafts/{draft_topic.pk}/export/xlsx/",
        f"/admin/drafts/{draft_topic.pk}/compare/",
    ]
    for url in urls:
        status = client.get(url).status_code
        if role in ALLOWED:
            assert status == 200, (role, url)
        else:
            assert status in (302, 403), (role, url, status)


def test_summary_counts_and_exports(client, draft_topic, staff, trusted):
    first, second, _ = paragraphs.draft_paragraphs(draft_topic.draft)
    CommentFactory.create_batch(3, topic=draft_topic, paragraph_id=first.id)
    question = CommentFactory(topic=draft_topic, paragraph_id=second.id, kind=CommentKind.QUESTION)
    CommentFactory(topic=draft_topic, parent=question, is_official=True)
    CommentFactory(topic=draft_topic, paragraph_id=second.id, state=CommentState.PENDING)
    client.force_login(staff["moderator"])
    html = client.get(f"/admin/drafts/{draft_topic.pk}/").content.decode()
    assert "<strong>3</strong>" in html and "<strong>1</strong>" in html
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(client.get(f"/admin/drafts/{draft_topic.pk}/export/csv/").streaming_content).decode()
            )
        )
    )
    assert rows[0][:6] == ["Paragraph", "Section", "Text", "Comments", "Questions", "Official answers"]
    assert rows[1][0] == "1" and rows[1][3] == "3" and rows[2][4:7] == ["1", "1", "1"]
    sheet = load_workbook(
        io.BytesIO(client.get(f"/admin/drafts/{draft_topic.pk}/export/xlsx/").content)
    ).active
    assert [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))][:4] == [
        1,
        "Who can apply",
        first.text,
        3,
    ]
    assert client.get(f"/admin/drafts/{draft_topic.pk}/export/pdf/").status_code == 404


def test_side_by_side_comparison(client, draft_topic, staff):
    raw = _raw(draft_topic)
    raw[2]["value"] = "Payments start in the month of approval and follow the state rate."
    del raw[4]
    _publish(draft_topic, raw)
    client.force_login(staff["facilitator"])
    response = client.get(f"/admin/drafts/{draft_topic.pk}/compare/")
    html = response.content.decode()
    assert "<del>after</del>" in html and "<ins>of</ins>" in html
    assert "removed" in html and "2 paragraphs changed" in html
    bad = client.get(f"/admin/drafts/{draft_topic.pk}/compare/", {"old": "999999"})
    assert bad.status_code == 200 and "not one of this topic" in bad.content.decode()


def test_what_we_did_points_at_a_changed_paragraph(client, draft_topic):
    from django.core.exceptions import ValidationError

    first = _ids(draft_topic)[0]
    draft_topic.opens_at = timezone.now() - timezone.timedelta(days=1)
    draft_topic.save()
    raw = _raw(draft_topic)
    raw[1]["value"] = "Kin caregivers can apply for the subsidy within 90 days of placement."
    draft_topic.draft = raw
    draft_topic.paragraph_changes = [
        {"type": "change", "value": {"paragraph": first, "what_we_did": "We gave 90 days."}}
    ]
    draft_topic.full_clean()
    _publish(draft_topic, raw)
    draft_topic.paragraph_changes = [
        {"type": "change", "value": {"paragraph": first, "what_we_did": "We gave 90 days."}}
    ]
    draft_topic.save_revision().publish()
    html = client.get(draft_topic.url).content.decode()
    assert "What we did, paragraph by paragraph" in html and "We gave 90 days." in html
    assert "<del>30</del>" in html and "<ins>90</ins>" in html
    draft_topic.paragraph_changes = [{"type": "change", "value": {"paragraph": "nope", "what_we_did": "x"}}]
    with pytest.raises(ValidationError, match="Not a paragraph of this draft"):
        draft_topic.full_clean()


@pytest.mark.parametrize("size", [1, 15])
def test_paragraph_and_agency_screens_queries_do_not_grow(
    client, draft_topic, staff, size, django_assert_max_num_queries
):
    pid = _ids(draft_topic)[0]
    for other in _ids(draft_topic):
        questions = CommentFactory.create_batch(
            size, topic=draft_topic, paragraph_id=other, kind=CommentKind.QUESTION
        )
        for question in questions:
            CommentFactory(topic=draft_topic, parent=question, is_official=True)
    client.force_login(staff["moderator"])
    for url, most in [
        (f"/workgroups/-/topics/{draft_topic.pk}/paragraphs/{pid}/", 38),  # language switcher included
        (f"/admin/drafts/{draft_topic.pk}/", 26),
        (f"/admin/drafts/{draft_topic.pk}/compare/", 36),
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200


def test_demo_topic_has_a_draft_with_passage_comments(db):
    from forums import demo as forums_demo
    from portal.accounts import demo as accounts_demo
    from portal.demo import DemoContext

    ctx = DemoContext(seed=1, force=False, write=lambda _line: None)
    accounts_demo.generate(ctx)
    forums_demo.generate(ctx)
    from forums.models import TopicPage

    topic = TopicPage.objects.get(slug="post-adoption-support-policy")
    counts = paragraphs.paragraphs_with_counts(topic=topic)
    assert len(counts) == 5 and sum(p.total for p in counts) == 3
    assert Comment.objects.filter(topic=topic).exclude(quote="").count() == 2


def test_admin_edit_page_links_to_the_summary(client, draft_topic, staff):
    client.force_login(staff["moderator"])
    html = client.get(f"/admin/pages/{draft_topic.pk}/edit/").content.decode()
    assert f"/admin/drafts/{draft_topic.pk}/" in html
