"""Anonymous answers: sealed on receipt, written as responses later in shuffled batches.

Why: if a response row were written when the invitation is used, anyone holding the
database could pair the two by transaction id (`xmin`), physical order (`ctid`), sequence
values or timestamps. So for an anonymous survey the answers are sealed at once (AES-GCM
with a key derived from SECRET_KEY, padded so their size says nothing) and a flush writes
them as Response rows in one transaction per batch of at least SURVEY_ANONYMITY_CROWD:
shuffled, with random primary keys, the flush's date and a batch id, and no link to an
invitation or a person. Every row of a batch has the same `xmin` and date.
"""

import json
import os
import random
import secrets
import struct
import uuid
from decimal import Decimal

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Answer, Response, SealedAnswers, SurveyPage
from .tallies import tally_apply

VERSION = b"\x01"
PAD_TO = 1024  # sealed sizes are multiples of this, so length does not tell answers apart
_ROW_FIELDS = ("question_id", "row_key", "choice", "number", "text", "published")
_ID_FLOOR = 2**62  # random ids live above the sequence's range: no clash with identified rows
_rng = random.SystemRandom()


class PoolError(Exception):
    pass


def crowd() -> int:
    return settings.SURVEY_ANONYMITY_CROWD


def _key(secret: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"portal.surveys.pool", info=b"sealed answers v1")
    return hkdf.derive(secret.encode())


def seal(*, survey_id: int, rows: list[dict]) -> bytes:
    body = json.dumps(rows, separators=(",", ":")).encode()
    padded_len = (len(body) + 4 + PAD_TO - 1) // PAD_TO * PAD_TO
    plain = struct.pack(">I", len(body)) + body + b"\0" * (padded_len - 4 - len(body))
    nonce = os.urandom(12)
    return VERSION + nonce + AESGCM(_key(settings.SECRET_KEY)).encrypt(nonce, plain, str(survey_id).encode())


def unseal(*, survey_id: int, sealed: bytes) -> list[dict]:
    sealed = bytes(sealed)
    if sealed[:1] != VERSION:
        raise PoolError("Unknown sealed-answers version.")
    nonce, ciphertext = sealed[1:13], sealed[13:]
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            plain = AESGCM(_key(secret)).decrypt(nonce, ciphertext, str(survey_id).encode())
        except Exception:  # noqa: BLE001 - InvalidTag: try the next (older) key
            continue
        (length,) = struct.unpack(">I", plain[:4])
        return json.loads(plain[4 : 4 + length])
    raise PoolError("Sealed answers cannot be opened with the current or fallback keys.")


def rows_to_plain(rows) -> list[dict]:
    """Answer rows (objects or dicts) as JSON-safe dicts."""
    plain = []
    for row in rows:
        get = row.get if isinstance(row, dict) else lambda f, r=row: getattr(r, f, False)
        number = get("number")
        plain.append(
            {
                "question_id": get("question_id"),
                "row_key": get("row_key") or "",
                "choice": get("choice") or "",
                "number": str(number) if number is not None else None,
                "text": get("text") or "",
                "published": bool(get("published")),
            }
        )
    return plain


def pool_add(*, survey: SurveyPage, rows) -> SealedAnswers:
    sealed = seal(survey_id=survey.pk, rows=rows_to_plain(rows))
    return SealedAnswers.objects.create(survey=survey, sealed=sealed)


def pending_count(survey: SurveyPage) -> int:
    return SealedAnswers.objects.filter(survey=survey).count()


def _must_empty(survey: SurveyPage) -> bool:
    """Closed, or full: no more answers will come, so the rest is written whatever its size."""
    if survey.window_state() == "closed":
        return True
    return bool(survey.max_responses) and (
        survey.responses.count() + pending_count(survey) >= survey.max_responses
    )


def _random_ids(model, count: int) -> list[int]:
    while True:
        ids = {_ID_FLOOR + secrets.randbelow(2**63 - 1 - _ID_FLOOR) for _ in range(count)}
        if len(ids) == count and not model.objects.filter(pk__in=ids).exists():
            return list(ids)


def _earlier_batch_to_rewrite(survey: SurveyPage) -> list[list[dict]]:
    """Take one earlier batch out whole, to be written again with a too-small last one."""
    batches = list(survey.responses.values_list("batch", flat=True).distinct())
    if not batches:
        return []
    chosen = survey.responses.filter(batch=_rng.choice(batches))
    ids = list(chosen.values_list("pk", flat=True))
    by_response: dict[int, list] = {pk: [] for pk in ids}
    for answer in Answer.objects.filter(response_id__in=ids):
        by_response[answer.response_id].append(answer)
    people = [rows_to_plain(rows) for rows in by_response.values()]
    day = chosen.values_list("submitted_on", flat=True).first()
    Response.objects.filter(pk__in=ids).delete()
    tally_apply(survey=survey, entries=[(day, None, None, rows) for rows in people], sign=-1)
    return people


def _write_batch(survey: SurveyPage, people: list[list[dict]]) -> uuid.UUID:
    _rng.shuffle(people)
    batch, today = uuid.uuid4(), timezone.localdate()
    response_ids = _random_ids(Response, len(people))
    Response.objects.bulk_create(
        [Response(pk=pk, survey=survey, submitted_on=today, batch=batch) for pk in response_ids]
    )
    answers = [(pk, row) for pk, rows in zip(response_ids, people, strict=True) for row in rows]
    answer_ids = _random_ids(Answer, len(answers))
    Answer.objects.bulk_create(
        [
            Answer(
                pk=answer_pk,
                response_id=pk,
                survey=survey,
                question_id=row["question_id"],
                row_key=row["row_key"],
                choice=row["choice"],
                text=row["text"],
                published=row["published"],
                number=Decimal(row["number"]) if row["number"] is not None else None,
            )
            for answer_pk, (pk, row) in zip(answer_ids, answers, strict=True)
        ]
    )
    # The batch's counts, in its transaction: tallies move once per batch, never per answer.
    tally_apply(survey=survey, entries=[(today, None, None, rows) for rows in people])
    return batch


def pool_flush(*, survey_id: int, force: bool = False) -> int:
    """Write this survey's waiting answers if there are at least a crowd of them (or it is
    closed, full or `force`d). One transaction; returns how many responses were written."""
    with transaction.atomic():
        survey = SurveyPage.objects.select_for_update(of=("self",)).filter(pk=survey_id).first()
        if survey is None:
            return 0
        sealed = list(SealedAnswers.objects.filter(survey=survey).select_for_update())
        if not sealed:
            return 0
        must_empty = force or _must_empty(survey)
        if len(sealed) < crowd() and not must_empty:
            return 0
        people = [unseal(survey_id=survey.pk, sealed=s.sealed) for s in sealed]
        if len(people) < crowd():  # the last few join an earlier batch, written again with it
            people += _earlier_batch_to_rewrite(survey)
        SealedAnswers.objects.filter(pk__in=[s.pk for s in sealed]).delete()
        _write_batch(survey, people)
        return len(people)


def flush_all(*, force: bool = False) -> int:
    """Flush every survey with waiting answers (the hourly command). Returns responses written."""
    survey_ids = SealedAnswers.objects.values_list("survey_id", flat=True).distinct()
    return sum(pool_flush(survey_id=pk, force=force) for pk in list(survey_ids))
