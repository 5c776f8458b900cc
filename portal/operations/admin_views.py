"""The mail outbox in the Wagtail admin: what waits or failed, and retry."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import OutboxMessage

VIEW_PERMISSION = "operations.view_outboxmessage"
RETRY_PERMISSION = "operations.change_outboxmessage"


def can_view_outbox(user) -> bool:
    return user.is_active and user.has_perm(VIEW_PERMISSION)


def outbox(request):
    if not can_view_outbox(request.user):
        raise PermissionDenied
    rows = list(selectors.outbox_unsent())
    context = {
        "rows": rows,
        "counts": selectors.outbox_counts(),
        "can_retry": request.user.has_perm(RETRY_PERMISSION),
        "retryable": set(services.RETRYABLE),
        "limit": selectors.SCREEN_LIMIT,
        "now": timezone.now(),
        "Status": OutboxMessage.Status,
    }
    return render(request, "operations/admin/outbox.html", context)


@require_POST
def outbox_retry(request):
    if not (can_view_outbox(request.user) and request.user.has_perm(RETRY_PERMISSION)):
        raise PermissionDenied
    ids = [int(value) for value in request.POST.getlist("message") if value.isdigit()]
    if not ids:
        messages.error(request, _("Choose at least one message to send again."))
        return redirect("operations_outbox")
    count = services.outbox_retry(message_ids=ids, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d message will be sent again within a minute.",
            "%(count)d messages will be sent again within a minute.",
            count,
        )
        % {"count": count},
    )
    return redirect("operations_outbox")
