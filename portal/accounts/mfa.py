"""Small helpers around allauth.mfa used by the demo loader and tests."""

import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value


def totp_activate(*, user, secret: str) -> Authenticator:
    """Give `user` a TOTP authenticator with a known secret (demo and tests only)."""
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    return TOTP.activate(user, secret).instance


def totp_current_code(*, secret: str) -> str:
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
