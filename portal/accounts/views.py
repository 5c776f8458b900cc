"""My portal (/me/): profile, groups, download my data, delete my account, verify e-mail."""

import json

from allauth.account.internal.flows.email_verification import send_verification_email_to_address
from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import selectors, services
from .forms import DeleteAccountForm, ProfileForm
from .permissions import user_can_take_part, user_has_verified_email


@require_GET
@login_required
def my_portal(request):
    return render(
        request,
        "accounts/my_portal.html",
        {
            "memberships": selectors.memberships_for_user(user=request.user),
            "email_verified": user_has_verified_email(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def profile_edit(request):
    user = request.user
    form = ProfileForm.for_user(user, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.user_update_profile(user=user, **form.cleaned_data)
        except services.AccountsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:my_portal")
    return render(request, "accounts/profile_edit.html", {"form": form})


@require_GET
@login_required
def data_export(request):
    data = services.user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"my-portal-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.user_delete_account(user=request.user, password=form.cleaned_data["password"])
        except services.WrongPasswordError as error:
            form.add_error("password", str(error))
        except services.AccountsError as error:
            form.add_error(None, str(error))
        else:
            logout(request)
            messages.success(request, _("Your account is deleted. Thank you for taking part."))
            return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def verify_email(request):
    """Explain how to confirm the e-mail address, and offer to send the link again."""
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    if user_can_take_part(request.user):
        return redirect(next_url or "accounts:my_portal")
    address = EmailAddress.objects.filter(user=request.user, email__iexact=request.user.email).first()
    if request.method == "POST" and address is not None:
        if not send_verification_email_to_address(request, address):
            messages.warning(
                request,
                "We sent a link a few minutes ago. Please check your inbox and spam folder, "
                "or try again in a few minutes.",
            )
        return redirect(request.get_full_path())
    return render(request, "accounts/verify_email.html", {"address": address, "next_url": next_url})
