"""Session rules for agency staff: short idle timeout, hard cap, and MFA before the admin.

Both middlewares run before Django's MessageMiddleware (see MIDDLEWARE), so when they
answer with a redirect themselves they store their message directly on that response.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.messages.storage import default_storage
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .permissions import user_is_staff_member

SESSION_STARTED_KEY = "portal_staff_session_started_at"
SESSION_SEEN_KEY = "portal_staff_session_seen_at"


def _redirect_with_message(request, url: str, level: int, text: str):
    response = redirect(url)
    storage = default_storage(request)
    storage.add(level, text)
    storage.update(response)
    return response


class StaffSessionMiddleware:
    """Staff sessions end after STAFF_SESSION_IDLE_SECONDS idle or STAFF_SESSION_MAX_SECONDS total."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user_is_staff_member(user):
            ended = self._ended(request)
            if ended:
                logout(request)
                login_url = f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"
                return _redirect_with_message(request, login_url, messages.INFO, ended)
            # The cookie and the stored session also end after the idle window.
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return self.get_response(request)

    @staticmethod
    def _ended(request) -> str:
        now = int(time.time())
        session = request.session
        started = session.setdefault(SESSION_STARTED_KEY, now)
        seen = session.get(SESSION_SEEN_KEY, now)
        if now - started > settings.STAFF_SESSION_MAX_SECONDS:
            hours = settings.STAFF_SESSION_MAX_SECONDS // 3600
            return f"For safety, staff sessions end after {hours} hours. Please sign in again."
        if now - seen > settings.STAFF_SESSION_IDLE_SECONDS:
            minutes = settings.STAFF_SESSION_IDLE_SECONDS // 60
            return f"You were signed out after {minutes} minutes without activity. Please sign in again."
        session[SESSION_SEEN_KEY] = now
        return ""


class StaffMfaRequiredMiddleware:
    """A staff member without a TOTP authenticator is sent to set one up before the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and self._needs_mfa_setup(request.user):
            return _redirect_with_message(
                request,
                reverse("mfa_activate_totp"),
                messages.WARNING,
                "Staff accounts must use two-step verification. "
                "Set up an authenticator app to continue to the admin.",
            )
        return self.get_response(request)

    @staticmethod
    def _needs_mfa_setup(user) -> bool:
        if not user.is_authenticated or not user_is_staff_member(user):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
