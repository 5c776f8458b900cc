"""Registration only: admin viewsets, permission policies and the shared-screen hooks."""

from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.extension_points import (
    HIDDEN_URL_PREFIXES,
    HOME_PANELS,
    MY_PORTAL_PANELS,
    SEARCH_QUERYSET,
    USER_DATA_EXPORT,
    USER_DEIDENTIFY,
)

from . import hook_functions, membership_admin, paragraph_admin, selectors
from .admin_permissions import WorkgroupScopedPermissionPolicy
from .models import PlanItem, ProgressNote, WorkgroupMembership
from .viewsets import WorkgroupsViewSetGroup

# Registered before any viewset asks for a policy (Wagtail 8: register_permission_policy).
register_permission_policy(PlanItem, WorkgroupScopedPermissionPolicy(PlanItem))
register_permission_policy(
    ProgressNote, WorkgroupScopedPermissionPolicy(ProgressNote, "plan_item__workgroup_id")
)
register_permission_policy(WorkgroupMembership, WorkgroupScopedPermissionPolicy(WorkgroupMembership))


@hooks.register("register_admin_viewset")
def register_workgroups_viewsets():
    return WorkgroupsViewSetGroup()


hooks.register(HOME_PANELS, hook_functions.open_comment_periods_panel)
hooks.register(MY_PORTAL_PANELS, hook_functions.my_workgroups_panel)
hooks.register(MY_PORTAL_PANELS, hook_functions.my_comments_panel)
hooks.register(SEARCH_QUERYSET, hook_functions.hide_private_workgroups)
hooks.register(HIDDEN_URL_PREFIXES, selectors.hidden_url_prefixes)
hooks.register(USER_DATA_EXPORT, hook_functions.export_user_data)
hooks.register(USER_DEIDENTIFY, hook_functions.deidentify_user)
hooks.register("portal_initiative_related", hook_functions.initiative_workgroups_panel)

# Draft paragraphs (issue 14): the agency's summary, export and revision comparison.
hooks.register("register_admin_urls", paragraph_admin.admin_urls)
hooks.register("register_page_header_buttons", paragraph_admin.page_buttons)

MEMBERSHIP_LOG_ACTIONS = {
    "forums.membership_request": ("Ask to join", "Asked to join the workgroup"),
    "forums.membership_join": ("Join", "Joined the workgroup"),
    "forums.membership_accept": ("Accept invitation", "Accepted the invitation"),
    "forums.membership_approve": ("Approve request", "Request to join approved"),
    "forums.membership_decline": ("Decline request", "Request to join declined"),
    "forums.membership_add": ("Add member", "Added to the workgroup"),
    "forums.membership_change": ("Change membership", "Membership changed"),
    "forums.membership_remove": ("Remove member", "Removed from the workgroup"),
    "forums.invitation_send": ("Invite", "Invitation sent"),
    "forums.invitation_resend": ("Send invitation again", "Invitation sent again"),
    "forums.invitation_revoke": ("Withdraw invitation", "Invitation withdrawn"),
    "forums.invitation_accept": ("Accept invitation", "Invitation accepted"),
}


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    for action, (label, message) in MEMBERSHIP_LOG_ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_admin_urls")
def register_forums_admin_urls():
    return [
        path(
            "workgroups/",
            include((membership_admin.urlpatterns, "forums_admin"), namespace="forums_admin"),
        )
    ]


@hooks.register("construct_homepage_panels")
def add_membership_requests_panel(request, panels):
    if not request.user.has_perm("forums.change_workgroupmembership"):
        return
    requests = list(selectors.membership_requests_for(user=request.user)[:20])
    if requests:
        panels.append(membership_admin.MembershipRequestsPanel(requests))
