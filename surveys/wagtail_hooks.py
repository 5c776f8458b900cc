"""Registration only: admin URLs, menu items, viewsets and the portal's extension points."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from portal.extension_points import (
    HOME_PANELS,
    MY_PORTAL_PANELS,
    USER_DATA_EXPORT,
    USER_DEIDENTIFY,
)

from . import admin_urls, dashboard, editor, panels
from .models import SurveyPage
from .permissions import can_manage_invitations, can_view_results
from .viewsets import survey_export_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("survey-results/", include(admin_urls, namespace="surveys_admin"))]


class SurveyResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_results(request.user) or can_manage_invitations(request.user)


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return SurveyResultsMenuItem(
        "Survey results", reverse("surveys_admin:list"), icon_name="table", order=350
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [survey_export_viewset]


@hooks.register("register_page_listing_more_buttons")
def survey_results_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, SurveyPage) and can_view_results(user):
        yield Button("Results", reverse("surveys_admin:results", args=[page.pk]), priority=70)


hooks.register(HOME_PANELS, panels.home_panel)
hooks.register(MY_PORTAL_PANELS, panels.my_portal_panel)
hooks.register(USER_DATA_EXPORT, panels.user_data_export)
hooks.register(USER_DEIDENTIFY, panels.user_deidentify)
hooks.register("portal_initiative_related", panels.initiative_panel)
hooks.register("construct_homepage_panels", dashboard.add_open_surveys_panel)
hooks.register("insert_editor_js", editor.editor_js)
