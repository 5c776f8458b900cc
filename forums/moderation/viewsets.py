"""Admin pieces: the blocked/danger words list (moderators edit it), the queue menu item and home panel."""

from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from . import permissions, selectors
from .models import BlockedTerm


class ModeratorsOnlyPolicy(ModelPermissionPolicy):
    """Moderators (and administrators) manage the word lists; nobody else."""

    def user_has_permission(self, user, action):
        return permissions.is_moderator(user)

    def user_has_any_permission(self, user, actions):
        return permissions.is_moderator(user)

    def users_with_any_permission(self, actions, **kwargs):
        return super().users_with_any_permission(actions, **kwargs)


class BlockedTermViewSet(ModelViewSet):
    model = BlockedTerm
    icon = "warning"
    menu_label = "Blocked and danger words"
    menu_order = 910
    add_to_admin_menu = False
    form_fields = ["term", "kind"]
    list_display = ["term", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["term"]
    url_prefix = "moderation-words"


class ReviewQueueMenuItem(MenuItem):
    """The queue in the main menu, its label carrying the number waiting."""

    def is_shown(self, request):
        return permissions.can_use_queue(request.user)

    def render_component(self, request):
        count = selectors.queue_count(user=request.user)
        label = f"{self.label} ({count})" if count else self.label
        attrs = {**self.attrs, "data-moderation-count": str(count)}
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=attrs)


def queue_menu_item() -> ReviewQueueMenuItem:
    return ReviewQueueMenuItem(
        "Review queue", reverse("moderation_admin:queue"), name="review-queue", icon_name="warning", order=150
    )


class ModerationHomePanel(Component):
    name = "moderation_summary"
    template_name = "moderation/admin/home_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["summary"] = selectors.queue_summary(user=parent_context["request"].user)
        return context
