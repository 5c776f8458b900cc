"""The answer form's one-time submission token: the same form sent again is stored once.

A retry after a time-out (the first try was kept but its answer never arrived, so the
browser has no "already answered" cookie), a double click, back + resubmit, or the retry
landing on another app server must all see the same thank-you page and add nothing, for
identified surveys, anonymous ones (the sealed pool) and invitation links.
"""

import re
import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.db import connection
from django.test import Client
from django.urls import reverse

from surveys import services, submit_once
from surveys.factories import SurveyPageFactory
from surveys.models import AccessMode, InvitationUse, Response, SealedAnswers, SubmissionReceipt

from .conftest import full_answers, q

TOKEN = re.compile(r'name="submit_token" value="([^"]+)"')


def _answer_url(survey):
    return reverse("surveys:answer", args=[survey.pk])


def _done_url(survey):
    return reverse("surveys:done", args=[survey.pk])


def _last_page(client, survey, text="keep me"):
    """Answer the first section, open the last one; returns (its token, the last page's POST)."""
    first = client.post(
        _answer_url(survey), {"section": 0, "action": "next", f"q_{q(survey, 'Q1').id}": "No"}
    )
    assert first.status_code == 302 and "section=1" in first["Location"], first
    page = client.get(_answer_url(survey) + "?section=1")
    assert page.status_code == 200
    token = TOKEN.search(page.content.decode()).group(1)
    post = {
        "section": 1,
        "action": "next",
        f"q_{q(survey, 'Q4').id}": "4",
        f"q_{q(survey, 'Q6').id}": text,
        "submit_token": token,
    }
    return token, post


def _open_link(client, token):
    opened = client.post(reverse("surveys:invitation_landing"), {"token": token})
    assert opened.status_code == 302, opened


@pytest.fixture
def public_survey(index, youth_group):
    return SurveyPageFactory(title="Open to all", access_mode=AccessMode.PUBLIC, target_groups=[youth_group])


@pytest.fixture
def public_anonymous(index, youth_group):
    return SurveyPageFactory(
        title="Open and anonymous",
        access_mode=AccessMode.PUBLIC,
        is_anonymous=True,
        target_groups=[youth_group],
    )


def _stored(survey) -> int:
    """Responses written plus anonymous answers still sealed in the pool."""
    return (
        Response.objects.filter(survey=survey).count() + SealedAnswers.objects.filter(survey=survey).count()
    )


@pytest.mark.django_db
def test_retry_of_the_last_page_by_a_member_is_thanked_and_stored_once(client, members_survey, member):
    client.force_login(member)
    _token, post = _last_page(client, members_survey)
    first = client.post(_answer_url(members_survey), post)
    assert first.status_code == 302 and first["Location"].endswith(_done_url(members_survey))
    again = client.post(_answer_url(members_survey), post)  # double click / resubmit
    # The same thank-you, not "you have already answered".
    assert again.status_code == 302 and again["Location"].endswith(_done_url(members_survey))
    elsewhere = Client()  # the retry on the other app server, with a session that never got the answer
    elsewhere.force_login(member)
    retried = elsewhere.post(_answer_url(members_survey), post)
    assert retried.status_code == 302 and retried["Location"].endswith(_done_url(members_survey))
    assert b"Your answers are sent" in elsewhere.get(retried["Location"]).content
    assert Response.objects.filter(survey=members_survey).count() == 1
    assert SubmissionReceipt.objects.filter(survey=members_survey).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("survey_name", ["public_survey", "public_anonymous"])
def test_retry_without_the_first_answer_cookie_stores_once(request, survey_name):
    """The load run's case: the first try was kept, its reply (and cookie) never arrived."""
    survey = request.getfixturevalue(survey_name)
    visitor = Client()
    _token, post = _last_page(visitor, survey)
    first = visitor.post(_answer_url(survey), post)
    assert first.status_code == 302 and first["Location"].endswith(_done_url(survey))
    for _ in range(3):  # the client retries from scratch: no session cookie at all
        retried = Client().post(_answer_url(survey), post)
        assert retried.status_code == 302 and retried["Location"].endswith(_done_url(survey))
    assert _stored(survey) == 1
    if survey.is_anonymous:
        assert SealedAnswers.objects.filter(survey=survey).count() == 1  # waiting for a crowd


@pytest.mark.django_db
def test_retry_through_an_invitation_link_stores_once(anonymous_survey):
    [link] = services.invitations_create(survey=anonymous_survey, count=1)
    visitor = Client()
    _open_link(visitor, link)
    _token, post = _last_page(visitor, anonymous_survey)
    assert visitor.post(_answer_url(anonymous_survey), post)["Location"].endswith(_done_url(anonymous_survey))
    again = visitor.post(_answer_url(anonymous_survey), post)  # back button + send again
    assert again.status_code == 302 and again["Location"].endswith(_done_url(anonymous_survey))
    retried = Client().post(_answer_url(anonymous_survey), post)  # lost cookie, other server
    assert retried.status_code == 302 and retried["Location"].endswith(_done_url(anonymous_survey))
    assert InvitationUse.objects.count() == 1
    assert SealedAnswers.objects.filter(survey=anonymous_survey).count() == 1
    # The link itself is still spent: opening it again says so.
    assert (
        b"already been used" in Client().post(reverse("surveys:invitation_landing"), {"token": link}).content
    )


@pytest.mark.django_db
def test_each_rendering_gets_a_fresh_token_so_a_new_answer_is_not_mistaken_for_a_retry(anonymous_survey):
    """Two links in one browser (the survey allows one answer per link): both are stored."""
    first_link, second_link = services.invitations_create(survey=anonymous_survey, count=2)
    visitor = Client()
    _open_link(visitor, first_link)
    first_token, post = _last_page(visitor, anonymous_survey, text="first")
    assert visitor.post(_answer_url(anonymous_survey), post).status_code == 302
    _open_link(visitor, second_link)
    second_token, post = _last_page(visitor, anonymous_survey, text="second")
    assert second_token != first_token
    done = visitor.post(_answer_url(anonymous_survey), post)
    assert done.status_code == 302 and done["Location"].endswith(_done_url(anonymous_survey))
    assert InvitationUse.objects.count() == 2
    assert SealedAnswers.objects.filter(survey=anonymous_survey).count() == 2


@pytest.mark.django_db
def test_another_visitor_of_a_public_survey_is_stored(public_anonymous):
    for text in ("one", "two"):
        visitor = Client()
        _token, post = _last_page(visitor, public_anonymous, text=text)
        assert visitor.post(_answer_url(public_anonymous), post)["Location"].endswith(
            _done_url(public_anonymous)
        )
    assert SealedAnswers.objects.filter(survey=public_anonymous).count() == 2


@pytest.mark.django_db
def test_an_expired_token_asks_to_send_again_and_keeps_the_answers(client, public_survey, monkeypatch):
    real = time.time
    with monkeypatch.context() as past:  # the last page was opened two days ago
        past.setattr(signing.time, "time", lambda: real() - 2 * 24 * 3600)
        old_token, post = _last_page(client, public_survey, text="typed two days ago")
    refused = client.post(_answer_url(public_survey), post)
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "open for a long time" in page and "were not sent yet" in page
    assert "typed two days ago" in page  # nothing typed is lost
    assert _stored(public_survey) == 0 and not SubmissionReceipt.objects.exists()
    fresh = TOKEN.search(page).group(1)
    assert fresh != old_token
    sent = client.post(_answer_url(public_survey), {**post, "submit_token": fresh})
    assert sent.status_code == 302 and sent["Location"].endswith(_done_url(public_survey))
    assert _stored(public_survey) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forge",
    [
        lambda token, survey: "not-a-token",
        lambda token, survey: token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"),
        lambda token, survey: submit_once.token_new(survey_id=survey.pk + 1000),  # another survey's
        lambda token, survey: signing.dumps(["s", survey.pk], salt=submit_once.SALT),  # not a form token
        lambda token, survey: "x" * 5000,
    ],
)
def test_a_forged_token_is_refused_clearly_and_the_answers_are_kept(client, public_survey, forge):
    token, post = _last_page(client, public_survey)
    refused = client.post(_answer_url(public_survey), {**post, "submit_token": forge(token, public_survey)})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "We could not check this form" in page and "keep me" in page
    assert _stored(public_survey) == 0 and not SubmissionReceipt.objects.exists()
    sent = client.post(_answer_url(public_survey), post)  # the genuine token still works
    assert sent.status_code == 302 and _stored(public_survey) == 1


@pytest.mark.django_db
def test_a_refused_submit_leaves_the_token_unused(client, members_survey, member):
    """An incomplete or refused try rolls its receipt back: the same page can still be sent."""
    client.force_login(member)
    _token, post = _last_page(client, members_survey)
    services.draft_save(survey=members_survey, user=member, data={}, section=1)  # Q1 lost meanwhile
    incomplete = client.post(_answer_url(members_survey), post)
    assert incomplete.status_code == 302 and "section=0" in incomplete["Location"]
    assert not SubmissionReceipt.objects.exists() and _stored(members_survey) == 0


def _submit_in_threads(survey, digest, make_user, count=2):
    """`count` submits of one form at the same moment; the first to claim holds its
    transaction open a little so the others meet it on the receipt's primary key."""
    barrier, results, lock = threading.Barrier(count), [], threading.Lock()
    real_claim = services._claim
    held = threading.Event()

    def slow_claim(*args, **kwargs):
        real_claim(*args, **kwargs)
        if not held.is_set():
            held.set()
            time.sleep(0.5)  # widens the window; the outcome is asserted, not the time

    def one():
        try:
            barrier.wait()
            services.response_submit(
                survey=survey, user=make_user(), data=full_answers(survey), submit_digest=digest
            )
            outcome = "stored"
        except services.AlreadyReceived:
            outcome = "thanked"
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    services._claim = slow_claim
    try:
        threads = [threading.Thread(target=one) for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        services._claim = real_claim
    return sorted(results)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("anonymous", [False, True])
def test_concurrent_submits_of_one_form_store_once(index, youth_group, anonymous):
    survey = SurveyPageFactory(
        access_mode=AccessMode.PUBLIC, is_anonymous=anonymous, target_groups=[youth_group]
    )
    digest = submit_once.token_digest(token=submit_once.token_new(survey_id=survey.pk), survey_id=survey.pk)
    results = _submit_in_threads(survey, digest, AnonymousUser, count=4)
    assert results == ["stored", "thanked", "thanked", "thanked"]
    assert _stored(survey) == 1
    assert SubmissionReceipt.objects.filter(survey=survey).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_the_token_concurrent_anonymous_submits_would_both_store(index, youth_group):
    """What the receipt prevents: nothing else tells two copies of an anonymous answer apart."""
    survey = SurveyPageFactory(access_mode=AccessMode.PUBLIC, is_anonymous=True, target_groups=[youth_group])
    assert _submit_in_threads(survey, None, AnonymousUser) == ["stored", "stored"]
    assert _stored(survey) == 2


@pytest.mark.django_db
def test_the_receipt_keeps_a_keyed_hash_and_the_survey_only(public_anonymous, settings):
    token = submit_once.token_new(survey_id=public_anonymous.pk)
    digest = submit_once.token_digest(token=token, survey_id=public_anonymous.pk)
    assert {f.column for f in SubmissionReceipt._meta.concrete_fields} == {"digest", "survey_id"}
    assert token not in digest and len(digest) == 64
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "another-secret-" * 4, [settings.SECRET_KEY]
    assert submit_once.token_digest(token=token, survey_id=public_anonymous.pk) != digest  # keyed
    SubmissionReceipt.objects.create(digest=digest, survey=public_anonymous)
    # Recorded under the old key, still recognised after a rotation.
    assert submit_once.token_was_used(token=token, survey_id=public_anonymous.pk)
