"""Admin screens for requests to join workgroups: the list, Approve / Decline, the dashboard panel."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component

from . import selectors, services
from .models import WorkgroupMembership


def membership_requests(request):
    if not request.user.has_perm("forums.change_workgroupmembership"):
        raise PermissionDenied
    requests = selectors.membership_requests_for(user=request.user)
    return TemplateResponse(
        request,
        "forums/admin/membership_requests.html",
        {"requests": requests, "page_title": _("Requests to join workgroups")},
    )


@require_POST
def membership_request_decide(request, pk: int):
    membership = get_object_or_404(WorkgroupMembership.objects.select_related("workgroup", "user"), pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        services.membership_decide(
            by=request.user, membership=membership, approve=approve, reason=request.POST.get("reason", "")
        )
    except services.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    except services.ForumsError as error:
        messages.error(request, str(error))
    else:
        name = services._person_name(membership.user)
        if approve:
            messages.success(request, _("%(person)s is now a member.") % {"person": name})
        else:
            messages.success(request, _("The request from %(person)s was declined.") % {"person": name})
    return redirect(request.POST.get("next") or "forums_admin:membership_requests")


urlpatterns = [
    path("requests/", membership_requests, name="membership_requests"),
    path("requests/<int:pk>/decide/", membership_request_decide, name="membership_request_decide"),
]


class MembershipRequestsPanel(Component):
    """Dashboard: requests waiting in the workgroups the person facilitates, with their age."""

    name = "membership_requests"
    template_name = "forums/admin/membership_requests_panel.html"
    order = 60

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["requests"] = self.requests
        context["csrf_token"] = parent_context.get("csrf_token")
        context["request"] = parent_context.get("request")
        return context
