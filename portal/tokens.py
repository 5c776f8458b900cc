"""Single-use links: a random token that only its recipient holds, stored as its SHA-256.

Survey invitations and workgroup invitations both keep only the hash, so a copy of the
database cannot be turned back into working links.
"""

import hashlib
import secrets


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """(token to send, hash to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)
