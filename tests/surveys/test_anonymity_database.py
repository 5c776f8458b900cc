"""Anonymous means anonymous to someone holding the database: every table, system columns
(xmin, ctid), sequences and dates. Known people answer; an attacker who knows who used
which invitation (or took part) orders both sides by every column and pairs them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from portal.accounts.factories import StakeholderGroupFactory, UserFactory
from surveys import pool, services, submit_once
from surveys.factories import SurveyPageFactory, survey_index
from surveys.models import AccessMode, Answer, Participation, Response, SealedAnswers, SubmissionReceipt

from .conftest import full_answers, q

PEOPLE = 20
CROWD = 10


def _rows(table: str, columns: str, where: str, params, alias: str = "") -> list[tuple]:
    system = f"{alias}.xmin::text::bigint, {alias}.ctid::text" if alias else "xmin::text::bigint, ctid::text"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {system}, {columns} FROM {table} WHERE {where}", params)
        return cursor.fetchall()


def _ctid_key(ctid: str) -> tuple[int, int]:
    page, item = ctid.strip("()").split(",")
    return int(page), int(item)


def _orderings(rows: list[tuple], columns: list[str]) -> dict[str, list[tuple]]:
    """The rows sorted by each column (xmin, ctid, then the table's own), both directions."""
    keys = {"xmin": lambda r: r[0], "ctid": lambda r: _ctid_key(r[1])}
    for i, name in enumerate(columns, start=2):
        keys[name] = lambda r, i=i: (str(r[i]), r[1])
    out = {}
    for name, key in keys.items():
        out[name] = sorted(rows, key=key)
        out[f"-{name}"] = sorted(rows, key=key, reverse=True)
    return out


def _answer_people(survey, people, *, invitations=None):
    for i, person in enumerate(people):
        data = {**full_answers(survey), q(survey, "Q6").id: f"person-{i}"}
        invitation = services.invitation_lookup(token=invitations[i]) if invitations else None
        # As the answer form does: each submit records its one-time token's receipt.
        form_token = submit_once.token_new(survey_id=survey.pk)
        services.response_submit(
            survey=survey,
            user=person if not invitations else AnonymousUser(),
            data=data,
            invitation=invitation,
            submit_digest=submit_once.token_digest(token=form_token, survey_id=survey.pk),
        )


def _best_pairing(survey, side: dict[str, list[str]]) -> int:
    """The most correct pairs any (side ordering, response ordering) gives."""
    text_q = q(survey, "Q6").id
    who = dict(Answer.objects.filter(survey=survey, question_id=text_q).values_list("response_id", "text"))
    responses = _rows("surveys_response", "id, batch, submitted_on", "survey_id = %s", [survey.pk])
    answers = _rows(
        "surveys_answer", "id, response_id", "survey_id = %s AND question_id = %s", [survey.pk, text_q]
    )
    response_orders = {
        k: [who[r[2]] for r in v] for k, v in _orderings(responses, ["id", "batch", "submitted_on"]).items()
    }
    response_orders |= {f"answer {k}": [who[r[3]] for r in v] for k, v in _orderings(answers, ["id"]).items()}
    best = 0
    for people in side.values():
        for labels in response_orders.values():
            best = max(best, sum(p == r for p, r in zip(people, labels, strict=True)))
    return best


@pytest.fixture
def crowd(settings):
    settings.SURVEY_ANONYMITY_CROWD = CROWD
    return CROWD


@pytest.fixture
def members_anonymous(crowd):
    survey_index()
    group = StakeholderGroupFactory()
    survey = SurveyPageFactory(access_mode=AccessMode.MEMBERS, is_anonymous=True, target_groups=[group])
    people = [UserFactory(stakeholder_groups=[group]) for _ in range(PEOPLE)]
    return survey, people


def _participation_side(survey, people) -> dict[str, list[str]]:
    label = {p.pk: f"person-{i}" for i, p in enumerate(people)}
    rows = _rows("surveys_participation", "id, user_id, taken_on", "survey_id = %s", [survey.pk])
    return {k: [label[r[3]] for r in v] for k, v in _orderings(rows, ["id", "user_id", "taken_on"]).items()}


def _receipt_side(survey, claims: list[tuple]) -> dict[str, list[str]]:
    """The submission receipts, each labelled with its person the way an attacker would: the
    claim (participation or invitation use, as (xmin, label)) written in the same transaction
    has the neighbouring xmin (savepoints get their own), so both sorted by xmin line up."""
    rows = _rows("surveys_submissionreceipt", "digest, survey_id", "survey_id = %s", [survey.pk])
    assert len(rows) == len(claims) == PEOPLE
    label = {r[0]: who for r, (_xmin, who) in zip(sorted(rows), sorted(claims), strict=True)}
    return {k: [label[r[0]] for r in v] for k, v in _orderings(rows, ["digest", "survey_id"]).items()}


def _participation_claims(survey, people) -> list[tuple]:
    label = {p.pk: f"person-{i}" for i, p in enumerate(people)}
    rows = _rows("surveys_participation", "user_id", "survey_id = %s", [survey.pk])
    return [(r[0], label[r[2]]) for r in rows]


def _assert_receipts_pair_no_one(survey, claims: list[tuple]) -> None:
    assert _best_pairing(survey, _receipt_side(survey, claims)) <= 10
    batch_xmins = {r[0] for r in _rows("surveys_response", "id", "survey_id = %s", [survey.pk])}
    receipt_xmins = {
        r[0] for r in _rows("surveys_submissionreceipt", "digest", "survey_id = %s", [survey.pk])
    }
    assert not receipt_xmins & batch_xmins  # never written in a batch's transaction
    # Nothing to pair with beyond the claim it was written with: a keyed hash and the survey.
    assert {f.column for f in SubmissionReceipt._meta.concrete_fields} == {"digest", "survey_id"}


def _sequence_value(table: str) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_value, is_called FROM {table}_id_seq")
        value, called = cursor.fetchone()
    return value if called else None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_column_pairs_a_member_with_their_anonymous_answers(members_anonymous):
    survey, people = members_anonymous
    sequence_before = _sequence_value("surveys_response"), _sequence_value("surveys_answer")
    _answer_people(survey, people)
    assert not SealedAnswers.objects.exists()  # two crowds: both written by the flushes
    assert Response.objects.filter(survey=survey).count() == PEOPLE

    best = _best_pairing(survey, _participation_side(survey, people))
    # Chance is one right pair per batch of a random order (2 here); in order it would be 20.
    assert best <= 10, best
    # Every batch is one transaction of at least a crowd, with one date, and shares no
    # transaction with anyone's participation.
    responses = _rows("surveys_response", "batch, submitted_on, id", "survey_id = %s", [survey.pk])
    batches: dict = {}
    for xmin, _ctid, batch, day, pk in responses:
        batches.setdefault(batch, set()).add((xmin, day))
        assert pk >= 2**62  # a random key, not the sequence
    assert len(batches) == PEOPLE // CROWD
    assert all(len(marks) == 1 for marks in batches.values())
    sizes = Response.objects.filter(survey=survey).values_list("batch", flat=True)
    assert all(list(sizes).count(b) >= CROWD for b in batches)
    use_xmins = {r[0] for r in _rows("surveys_participation", "id", "survey_id = %s", [survey.pk])}
    answer_xmins = {r[0] for r in _rows("surveys_answer", "id", "survey_id = %s", [survey.pk])}
    batch_xmins = {xmin for marks in batches.values() for xmin, _day in marks}
    assert answer_xmins == batch_xmins and not batch_xmins & use_xmins
    # Sequences did not move: their values cannot count who answered when.
    assert (_sequence_value("surveys_response"), _sequence_value("surveys_answer")) == sequence_before
    columns = {f.column for f in Participation._meta.concrete_fields}
    assert columns == {"id", "survey_id", "user_id", "taken_on"}
    _assert_receipts_pair_no_one(survey, _participation_claims(survey, people))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_attack_works_when_answers_are_not_shuffled(members_anonymous, monkeypatch):
    """The pairing above can fail: without the shuffle, physical order gives everyone away."""
    survey, people = members_anonymous
    monkeypatch.setattr(pool._rng, "shuffle", lambda items: None)
    _answer_people(survey, people)
    assert _best_pairing(survey, _participation_side(survey, people)) == PEOPLE
    receipts = _receipt_side(survey, _participation_claims(survey, people))
    assert _best_pairing(survey, receipts) == PEOPLE  # and the receipts' order would too


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_column_pairs_an_invitation_with_its_answers(crowd):
    survey_index()
    survey = SurveyPageFactory(
        access_mode=AccessMode.INVITATION, is_anonymous=True, target_groups=[StakeholderGroupFactory()]
    )
    tokens = services.invitations_create(survey=survey, count=PEOPLE)
    hashes = {services.token_hash(t): f"person-{i}" for i, t in enumerate(tokens)}
    _answer_people(survey, [None] * PEOPLE, invitations=tokens)
    invitation_of = {i.pk: hashes[i.token_hash] for i in survey.invitations.all()}
    rows = _rows(
        "surveys_invitationuse u JOIN surveys_invitation i ON i.id = u.invitation_id",
        "u.invitation_id, u.used_on, i.created_at",
        "i.survey_id = %s",
        [survey.pk],
        alias="u",
    )
    side = {
        k: [invitation_of[r[2]] for r in v]
        for k, v in _orderings(rows, ["invitation_id", "used_on", "created_at"]).items()
    }
    assert _best_pairing(survey, side) <= 10
    assert len({r[4] for r in rows}) == 1  # one creation time for the whole set of links
    _assert_receipts_pair_no_one(survey, [(r[0], invitation_of[r[2]]) for r in rows])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_small_last_batch_is_joined_by_earlier_answers(members_anonymous):
    survey, people = members_anonymous
    _answer_people(survey, people[: CROWD + 3])
    assert SealedAnswers.objects.count() == 3
    assert pool.pool_flush(survey_id=survey.pk) == 0  # not a crowd yet, survey still open
    assert pool.pool_flush(survey_id=survey.pk, force=True) == CROWD + 3
    assert Response.objects.filter(survey=survey).count() == CROWD + 3
    sizes = list(Response.objects.filter(survey=survey).values_list("batch", flat=True))
    assert min(sizes.count(b) for b in set(sizes)) >= CROWD
    texts = sorted(
        Answer.objects.filter(survey=survey, question_id=q(survey, "Q6").id).values_list("text", flat=True)
    )
    assert texts == sorted(f"person-{i}" for i in range(CROWD + 3))  # nothing lost or doubled
