"""Wagtail admin: the engagement dashboard, the partner registry, actions and assessments."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_urls
from .models import CollaborationAssessment, EngagementAction, Partner
from .permissions import can_view_engagement


class _DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_engagement(request.user)


class EngagementDashboardViewSet(ViewSet):
    name = "engagement_dashboard"
    url_prefix = "engagement"
    url_namespace = "engagement_admin"
    icon = "site"
    menu_label = _("Dashboard")
    menu_item_class = _DashboardMenuItem

    def get_urlpatterns(self):
        return admin_urls.urlpatterns


class PartnerViewSet(ModelViewSet):
    model = Partner
    name = "engagement_partners"
    url_prefix = "engagement/partners"
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "kind", "status", "status_since", "listed_publicly"]
    list_filter = ["kind", "status", "regions", "listed_publicly"]
    search_fields = ["name", "aliases"]
    inspect_view_enabled = True


class EngagementActionViewSet(ModelViewSet):
    model = EngagementAction
    name = "engagement_actions"
    url_prefix = "engagement/actions"
    icon = "tasks"
    menu_label = _("Actions")
    list_display = ["description", "partner", "method", "phase", "owner", "due_on", "done_on"]
    list_filter = ["method", "phase", "done_on"]
    search_fields = ["description", "partner__name"]


class CollaborationAssessmentViewSet(ModelViewSet):
    model = CollaborationAssessment
    name = "engagement_assessments"
    url_prefix = "engagement/assessments"
    icon = "doc-full"
    menu_label = _("Nine-element assessments")
    list_display = ["period", "starts_on", "ends_on", "completed"]


class EngagementViewSetGroup(ViewSetGroup):
    menu_label = _("Engagement")
    menu_icon = "site"
    menu_order = 260
    items = (
        EngagementDashboardViewSet,
        PartnerViewSet,
        EngagementActionViewSet,
        CollaborationAssessmentViewSet,
    )
