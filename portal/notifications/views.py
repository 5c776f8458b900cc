from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .emails import ALL_KINDS, read_unsubscribe_token
from .forms import PreferencesForm
from .models import Delivery, NotificationKind


@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_for(user=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page_obj": page})


@login_required
@require_POST
def mark_read(request):
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None
    services.notifications_mark_read(user=request.user, ids=ids)
    messages.success(request, _("Marked as read."))
    return redirect("notifications:list")


@login_required
def preferences(request):
    initial = {kind: delivery for kind, _label, delivery in selectors.preferences_for(user=request.user)}
    form = PreferencesForm(request.POST or None, initial_deliveries=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for kind, delivery in form.cleaned_data.items():
                services.preference_set(user=request.user, kind=kind, delivery=delivery)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt  # One-click unsubscribe (RFC 8058) posts from the mail client without a cookie.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET asks to confirm; POST (the button, or the mail client's one-click) turns e-mail off."""
    try:
        user_id, kind = read_unsubscribe_token(token)
    except signing.BadSignature as error:
        raise Http404 from error
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or (kind != ALL_KINDS and kind not in NotificationKind.values):
        raise Http404
    label = "all portal e-mails" if kind == ALL_KINDS else f'e-mails about "{NotificationKind(kind).label}"'
    if request.method == "POST":
        kinds = NotificationKind.values if kind == ALL_KINDS else [kind]
        with transaction.atomic():
            for each in kinds:
                services.preference_set(user=user, kind=each, delivery=Delivery.OFF)
        return render(request, "notifications/unsubscribed.html", {"label": label})
    return render(request, "notifications/unsubscribe.html", {"label": label, "token": token})
