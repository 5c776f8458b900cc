"""Who may do what with accounts, in one place.

Other apps use `user_can_take_part` (the rule) and `verified_required` (for views):

    from portal.accounts.permissions import verified_required

    @verified_required
    def comment_post(request, ...): ...

    class ResponseView(VerifiedRequiredMixin, View): ...
"""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode


def user_is_staff_member(user) -> bool:
    """Staff are people who may enter the Wagtail admin (every staff role may)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def user_has_verified_email(user) -> bool:
    if not user.is_authenticated:
        return False
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def user_can_take_part(user) -> bool:
    """Post, comment, answer surveys as a member: active, not deleted, verified primary e-mail."""
    if not user.is_authenticated or not user.is_active or user.is_deidentified:
        return False
    return user_has_verified_email(user)


def user_can_verify_memberships(user) -> bool:
    """Who may confirm stakeholder-group memberships: Administrators and Moderators by role
    (the data migration grants them accounts.change_membership), and superusers."""
    return user.is_authenticated and user.has_perm("accounts.change_membership")


def _refusal(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    url = reverse("accounts:verify_email")
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")


def verified_required(view_func):
    """Send anonymous people to sign in and unverified people to "verify your e-mail"."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not user_can_take_part(request.user):
            return _refusal(request)
        return view_func(request, *args, **kwargs)

    return wrapper


class VerifiedRequiredMixin:
    """Class-based views: the same rule as `verified_required`."""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_take_part(request.user):
            return _refusal(request)
        return super().dispatch(request, *args, **kwargs)
