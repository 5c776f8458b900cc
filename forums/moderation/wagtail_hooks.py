"""Registration only: the admin queue, words list, log actions and site panels.

The danger notice in the admin's message area is `banner.DangerBannerMiddleware` (settings).
"""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal.extension_points import MY_PORTAL_PANELS, USER_DATA_EXPORT, USER_DEIDENTIFY, Panel

from . import admin_urls, permissions, services
from .models import BlockedTerm
from .viewsets import BlockedTermViewSet, ModerationHomePanel, ModeratorsOnlyPolicy, queue_menu_item

register_permission_policy(BlockedTerm, ModeratorsOnlyPolicy(BlockedTerm))

LOG_ACTIONS = {
    "approve": ("Approve comment", "Comment approved"),
    "reject": ("Reject comment", "Comment rejected"),
    "hide": ("Hide comment", "Comment hidden"),
    "restore": ("Restore comment", "Comment restored"),
    "remove": ("Remove comment", "Comment removed"),
    "keep": ("Keep reported comment", "Reports dismissed, comment kept"),
    "refused": ("Moderation refused", "Moderation refused: the comment had changed"),
    "flag": ("Report comment", "Comment reported"),
    "danger_alert": ("Danger alert", "On-call staff alerted: someone may be in danger"),
    "sanction": ("Limit account", "Account silenced or suspended"),
    "sanction_lift": ("Lift account limit", "Account limit lifted"),
}


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(f"moderation.{action}", label, message)


@hooks.register("register_admin_urls")
def register_moderation_admin_urls():
    return [path("moderation/", include((admin_urls, "moderation_admin"), namespace="moderation_admin"))]


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return queue_menu_item()


@hooks.register("register_admin_viewset")
def register_blocked_terms():
    return BlockedTermViewSet("moderation_words")


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if permissions.can_use_queue(request.user):
        panels.insert(0, ModerationHomePanel())


@hooks.register("insert_global_admin_css")
def moderation_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/moderation.css"))


@hooks.register(MY_PORTAL_PANELS)
def my_account_limit_panel(request):
    sanction = services.sanction_active(user=request.user)
    if sanction is None:
        return None
    return Panel(
        title="Your account is limited",
        template="moderation/panels/sanction.html",
        context={"sanction": sanction},
        order=1,
    )


hooks.register(USER_DATA_EXPORT, services.user_moderation_export)
hooks.register(USER_DEIDENTIFY, services.user_moderation_deidentify)
