"""Wagtail admin viewsets: the export log (administrators) and the invitations list.

Responses have no admin listing of their own: analysts read them through results and
exports, and an anonymous survey has no respondent identity to show anywhere.
"""

from wagtail.admin.viewsets.model import ModelViewSet

from .models import Invitation, SurveyExport


class SurveyExportViewSet(ModelViewSet):
    model = SurveyExport
    icon = "download"
    menu_label = "Survey exports"
    add_to_admin_menu = False
    list_display = ["created_at", "user", "kind", "survey"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    form_fields = ["kind"]

    def get_queryset(self, request):
        return SurveyExport.objects.select_related("user", "survey")


class InvitationViewSet(ModelViewSet):
    """Counts of links per survey and group, and whether each was used; never the token."""

    model = Invitation
    icon = "mail"
    menu_label = "Invitation links"
    add_to_admin_menu = False
    list_display = ["survey", "group", "created_at", "created_by"]
    list_filter = ["group"]
    form_fields = ["group"]

    def get_queryset(self, request):
        return Invitation.objects.select_related("survey", "group", "created_by")


survey_export_viewset = SurveyExportViewSet("survey_exports")
invitation_viewset = InvitationViewSet("survey_invitations")
