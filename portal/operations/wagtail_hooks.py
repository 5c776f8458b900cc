"""The mail outbox screen under the admin's Settings menu (administrators, superusers)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view_outbox(request.user)


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("outbox/", admin_views.outbox, name="operations_outbox"),
        path("outbox/retry/", admin_views.outbox_retry, name="operations_outbox_retry"),
    ]


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Mail outbox"), reverse("operations_outbox"), name="mail-outbox", icon_name="mail", order=900
    )
