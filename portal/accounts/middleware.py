"""Session rules for agency staff: short idle timeout, hard cap, and MFA before the admin."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from .permissions import user_is_staff_member

SESSION_STARTED_KEY = "portal_session_started_at"


class StaffSessionMiddleware:
    """Staff sessions end after STAFF_SESSION_IDLE_SECONDS idle, STAFF_SESSION_MAX_SECONDS total."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user_is_staff_member(user):
            now = int(time.time())
            started = request.session.setdefault(SESSION_STARTED_KEY, now)
            if now - started > settings.STAFF_SESSION_MAX_SECONDS:
                logout(request)
                messages.info(request, "Your staff session ended after 12 hours. Please sign in again.")
                return redirect(f"{reverse('account_login')}?next={request.path}")
            # Sliding idle expiry: every request pushes the end back by the idle window.
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return self.get_response(request)


class StaffMfaRequiredMiddleware:
    """A staff member without a TOTP authenticator is sent to set one up before the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and self._needs_mfa_setup(request.user):
            messages.warning(
                request,
                "Staff accounts must use two-step verification. "
                "Set up an authenticator app to continue to the admin.",
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _needs_mfa_setup(user) -> bool:
        if not user.is_authenticated or not user_is_staff_member(user):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
