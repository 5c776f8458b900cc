"""Registration only: the engagement admin and its audit-log actions."""

from wagtail import hooks

from .viewsets import EngagementViewSetGroup


@hooks.register("register_admin_viewset")
def register_engagement_viewsets():
    return EngagementViewSetGroup()


@hooks.register("register_log_actions")
def register_engagement_log_actions(actions):
    actions.register_action("engagement.status", "Change relationship status", "Relationship status changed")
    actions.register_action(
        "engagement.action_planned", "Plan engagement action", "Engagement action planned"
    )
    actions.register_action("engagement.action_done", "Complete engagement action", "Engagement action done")
