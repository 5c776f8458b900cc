"""Admin screens for invitations: who is invited (per workgroup), invite by e-mail, resend, revoke."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from forums import selectors
from forums.models import WorkgroupInvitation
from forums.services import ForumsError, NotAllowed

from . import services
from .forms import InvitationForm


def _workgroups_or_403(request):
    workgroups = selectors.invitable_workgroups(user=request.user)
    if not workgroups.exists():
        raise PermissionDenied
    return workgroups


def invitation_list(request):
    workgroups = _workgroups_or_403(request)
    return TemplateResponse(
        request,
        "forums/admin/invitations/index.html",
        {
            "page_title": _("Invitations"),
            "invitations": selectors.invitations_pending(workgroups=workgroups),
            "add_url": "workgroup_invitations:new",
        },
    )


def invitation_new(request):
    workgroups = _workgroups_or_403(request)
    initial = {"language": translation.get_language(), "workgroup": request.GET.get("workgroup")}
    form = InvitationForm(request.POST or None, workgroups=workgroups, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issued = services.invitations_create(
                by=request.user,
                workgroup=data["workgroup"],
                emails=data["emails"],
                message=data["message"],
                language=data["language"],
            )
        except services.InvitationRefused as error:
            for problem in error.problems:
                form.add_error("emails", problem)
        except NotAllowed as error:
            raise PermissionDenied(str(error)) from error
        else:
            messages.success(
                request,
                _("Invitations sent to %(emails)s.")
                % {"emails": ", ".join(i.invitation.email for i in issued)},
            )
            return redirect("workgroup_invitations:index")
    return TemplateResponse(
        request, "forums/admin/invitations/new.html", {"page_title": _("Invite people"), "form": form}
    )


def _act(request, pk, action, done):
    invitation = get_object_or_404(WorkgroupInvitation.objects.select_related("workgroup"), pk=pk)
    try:
        action(by=request.user, invitation=invitation)
    except NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    except ForumsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done % {"email": invitation.email})
    return redirect("workgroup_invitations:index")


@require_POST
def invitation_resend(request, pk: int):
    return _act(request, pk, services.invitation_resend, _("The invitation to %(email)s was sent again."))


@require_POST
def invitation_revoke(request, pk: int):
    return _act(request, pk, services.invitation_revoke, _("The invitation to %(email)s was withdrawn."))


class InvitationMenuItem(MenuItem):
    def is_shown(self, request):
        return selectors.invitable_workgroups(user=request.user).exists()


class InvitationViewSet(ViewSet):
    """Workgroups → Invitations: shown to facilitators and administrators."""

    name = "workgroup_invitations"
    url_prefix = "workgroups/invitations"
    icon = "mail"
    menu_label = _lazy("Invitations")
    menu_item_class = InvitationMenuItem

    def get_urlpatterns(self):
        return [
            path("", invitation_list, name="index"),
            path("new/", invitation_new, name="new"),
            path("<int:pk>/resend/", invitation_resend, name="resend"),
            path("<int:pk>/revoke/", invitation_revoke, name="revoke"),
        ]
