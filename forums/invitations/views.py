"""The invitation link: `/workgroups/-/invitation/#t=<token>`, then a clean accept page.

The token sits after "#" (never sent by browsers, so in no access log); the page's script posts
it, it is kept in the session, and the accept page, sign-in and sign-up carry no token. The
session survives signing in, signing up and confirming the e-mail in the same browser.
"""

import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from forums.services import NotAllowed

from . import services

SESSION_KEY = "forums_invitation_token"
TOKEN_IN_TEXT = re.compile(r"(?:#t=)?([A-Za-z0-9_-]{20,100})/?\s*$")


def _render(request, template, context, status=200):
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def invitation_landing(request):
    error = ""
    if request.method == "POST":
        match = TOKEN_IN_TEXT.search(request.POST.get("token", "").strip())
        if match:
            request.session[SESSION_KEY] = match.group(1)
            return redirect("forums:invitation_accept")
        error = _("That does not look like an invitation link. Copy the whole link and try again.")
    return _render(request, "forums/invitations/landing.html", {"error": error}, status=400 if error else 200)


def _mask(email: str) -> str:
    name, _at, domain = email.partition("@")
    return f"{name[:1]}•••@{domain}"


def _context(request, invitation, problem) -> dict:
    accept_url = reverse("forums:invitation_accept")
    next_query = urlencode({"next": accept_url})
    workgroup = invitation.workgroup if invitation else None
    ready = problem is None
    return {
        "problem": problem,
        "state": getattr(problem, "state", ""),
        "unusable": isinstance(problem, services.InvitationUnusable),
        "signed_out": not request.user.is_authenticated,
        "for_another": isinstance(problem, services.InvitationForAnother),
        "unverified": isinstance(problem, services.EmailNotVerified),
        "ready": ready,
        # A private workgroup's title is for the addressee only, never for whoever holds the link.
        "workgroup_title": workgroup.title if workgroup and (ready or not workgroup.is_private) else "",
        "masked_email": _mask(invitation.email) if invitation else "",
        "inviter": invitation.invited_by.public_name if invitation and invitation.invited_by else "",
        "message": invitation.message if invitation and ready else "",
        "login_url": f"{reverse('account_login')}?{next_query}",
        "signup_url": f"{reverse('account_signup')}?{next_query}",
    }


def invitation_accept(request):
    token = request.session.get(SESSION_KEY, "")
    if not token:
        return redirect("forums:invitation")
    if request.method == "POST":
        try:
            membership = services.invitation_accept(user=request.user, token=token)
        except services.ForumsError:
            pass  # shown below, as on a first visit
        else:
            request.session.pop(SESSION_KEY, None)
            messages.success(
                request,
                _("Welcome! You are now a member of %(workgroup)s.")
                % {"workgroup": membership.workgroup.title},
            )
            return redirect(membership.workgroup.url)
    invitation = services.invitation_lookup(token=token)
    try:
        services.invitation_check(user=request.user, invitation=invitation)
        problem = None
    except (services.ForumsError, NotAllowed) as error:
        problem = error
    status = 410 if isinstance(problem, services.InvitationUnusable) else 200
    if getattr(problem, "state", "") == "unknown":
        status = 404
    return _render(
        request, "forums/invitations/accept.html", _context(request, invitation, problem), status=status
    )
