"""One-time submission tokens in the answer form: the same form sent twice is stored once.

Why: a client that timed out, a double click, a back button and "send again", or a retry
that lands on the other app server all send the last page again, and for people without an
account (or an anonymous survey's pool) nothing else tells the second copy from a new
visitor. Each rendered section carries a fresh signed token; the submit that stores the
answers records a keyed hash of it (SubmissionReceipt, primary key = the hash) in the same
transaction, so a second submit with the same token either finds it or hits the unique key
while the first is still committing, and gets the same thank-you. State is in the database,
shared by every app server, and needs no Redis.

Anonymity: the receipt holds no time, no person, no invitation and nothing of the answers; it
is written in the submitter's transaction, so its `xmin` is the InvitationUse/Participation
row's and the sealed answers' — which already share one — and says nothing new about which
response (written later, shuffled, in a batch of at least a crowd) is whose.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

from .models import SubmissionReceipt

SALT = "portal.surveys.submit-once"
# How long a rendered page may wait before its token is refused as expired (the person is
# asked to send again; their answers are kept). Receipts outlive it: they go with the survey.
MAX_AGE_SECONDS = 24 * 3600
MAX_TOKEN_LENGTH = 300  # a real token is about 100 characters; longer is refused unread


class TokenRefused(Exception):
    """A submission token that is not one we signed ("forged") or too old ("expired")."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def token_new(*, survey_id: int) -> str:
    """A fresh token for one rendering of a section of this survey's form."""
    return signing.dumps({"s": survey_id, "n": secrets.token_urlsafe(24)}, salt=SALT)


def _digest(survey_id: int, nonce: str, secret: str) -> str:
    return salted_hmac(SALT, f"{survey_id}:{nonce}", secret=secret, algorithm="sha256").hexdigest()


def _payload(token: str, survey_id: int, max_age: int | None) -> str:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise TokenRefused("forged")
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenRefused("expired") from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise TokenRefused("forged") from None
    if not isinstance(payload, dict):
        raise TokenRefused("forged")
    nonce = payload.get("n")
    if payload.get("s") != survey_id or not isinstance(nonce, str):
        raise TokenRefused("forged")  # signed by us, but for another survey or not a form token
    return nonce


def token_digest(*, token: str, survey_id: int) -> str:
    """The hash to record for a fresh, genuine token; raises TokenRefused otherwise."""
    return _digest(survey_id, _payload(token, survey_id, MAX_AGE_SECONDS), settings.SECRET_KEY)


def token_was_used(*, token: str, survey_id: int) -> bool:
    """Has a submit with this token been stored? Any age; under the current or an old key."""
    try:
        nonce = _payload(token, survey_id, None)
    except TokenRefused:
        return False
    secrets_ = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    digests = [_digest(survey_id, nonce, secret) for secret in secrets_]
    return SubmissionReceipt.objects.filter(survey_id=survey_id, digest__in=digests).exists()
