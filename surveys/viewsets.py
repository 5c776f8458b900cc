"""Wagtail admin viewsets: the export log, for administrators (Settings → Survey exports).

Responses have no admin listing of their own: analysts read them through results and
exports, and an anonymous survey has no respondent identity to show anywhere.
"""

from wagtail.admin.viewsets.model import ModelViewSet

from .models import SurveyExport


class SurveyExportViewSet(ModelViewSet):
    model = SurveyExport
    icon = "download"
    menu_label = "Survey exports"
    add_to_settings_menu = True
    list_display = ["created_at", "user", "kind", "survey"]
    list_filter = ["kind"]
    inspect_view_enabled = True
    form_fields = ["kind"]

    def get_queryset(self, request):
        return SurveyExport.objects.select_related("user", "survey")


survey_export_viewset = SurveyExportViewSet("survey_exports")
