"""Wagtail admin for people: stakeholder groups, regions, memberships and the user form."""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import MenuItem
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as UserIndexView
from wagtail.users.views.users import UserViewSet

from . import selectors, services
from .choosers import person_chooser_viewset
from .models import Membership, Region, StakeholderGroup
from .permissions import user_can_verify_memberships

PROFILE_FIELDS = {"display_name", "age_band", "region"}


class StakeholderGroupViewSet(ModelViewSet):
    model = StakeholderGroup
    icon = "group"
    menu_label = "Stakeholder groups"
    form_fields = ["name", "slug", "description", "self_select", "sort_order"]
    list_display = ["name", "slug", "self_select", "sort_order"]
    search_fields = ["name", "description"]
    search_backend_name = None
    inspect_view_enabled = True


class RegionViewSet(ModelViewSet):
    model = Region
    icon = "site"
    menu_label = "Regions"
    form_fields = ["name", "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None


class MembershipFilterSet(WagtailFilterSet):
    verified = django_filters.BooleanFilter(
        field_name="verified_at", lookup_expr="isnull", exclude=True, label="Confirmed by staff"
    )

    class Meta:
        model = Membership
        fields = ["group", "verified"]


class MembershipIndexView(IndexView):
    def get_base_queryset(self):
        return selectors.memberships_for_admin()

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if user_can_verify_memberships(self.request.user):
            name = "unverify" if instance.is_verified else "verify"
            label = "Mark not confirmed" if instance.is_verified else "Mark confirmed"
            buttons.append(
                MenuItem(
                    label,
                    url=reverse(f"memberships:{name}", args=[instance.pk]),
                    icon_name="success" if name == "verify" else "cross",
                    priority=5,
                )
            )
        return buttons


class MembershipVerifyView(WagtailAdminTemplateMixin, BaseOperationView):
    """Confirm (GET) then mark a membership verified or not (POST), through the service."""

    model = Membership
    verify = True
    template_name = "accounts/admin/membership_verify.html"
    success_url_name = "memberships:index"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_verify_memberships(request.user):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Confirm membership" if self.verify else "Remove confirmation"

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, verify=self.verify, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_success_url(self):
        return self.next_url or reverse(self.success_url_name)

    def post(self, request, *args, **kwargs):
        service = services.membership_verify if self.verify else services.membership_unverify
        try:
            service(membership=self.object, by=request.user)
        except services.MembershipError as error:
            messages.error(request, str(error))
        else:
            state = "confirmed" if self.verify else "no longer confirmed"
            messages.success(request, f"{self.object.user} in {self.object.group} is {state}.")
        return redirect(self.get_success_url())


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "tick-inverse"
    menu_label = "Memberships"
    index_view_class = MembershipIndexView
    # The person is picked with the searchable chooser, not from a dropdown of every account.
    panels = [FieldPanel("user", widget=person_chooser_viewset.widget_class), FieldPanel("group")]
    filterset_class = MembershipFilterSet
    list_display = [
        "user",
        Column("email", accessor="user.email", label="E-mail"),
        "group",
        Column("verified_at", label="Confirmed on"),
        Column("verified_by", label="Confirmed by"),
    ]
    search_fields = ["user__email", "user__display_name"]
    search_backend_name = None
    inspect_view_enabled = True

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<str:pk>/verify/", MembershipVerifyView.as_view(verify=True), name="verify"),
            path("<str:pk>/unverify/", MembershipVerifyView.as_view(verify=False), name="unverify"),
        ]


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = "People"
    menu_icon = "group"
    menu_order = 250
    items = (
        StakeholderGroupViewSet("stakeholder_groups"),
        RegionViewSet("regions"),
        MembershipViewSet("memberships"),
    )


class PortalUserFormMixin:
    """Real names are optional here: the portal shows display names, never real names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields[name].required = False


class PortalUserEditForm(PortalUserFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS


class PortalUserCreationForm(PortalUserFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class PortalUserIndexView(UserIndexView):
    """Settings → Users names people: display name, e-mail, staff roles, stakeholder groups."""

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups", "memberships__group")

    @property
    def columns(self):
        columns = list(super().columns)
        extra = [
            Column("display_name", label=gettext_lazy("Display name"), sort_key="display_name"),
            Column("email", label=gettext_lazy("E-mail"), sort_key="email"),
            Column(
                "staff_roles",
                label=gettext_lazy("Staff roles"),
                accessor=lambda u: ", ".join(sorted(g.name for g in u.groups.all())),
            ),
            Column(
                "stakeholder_groups",
                label=gettext_lazy("Stakeholder groups"),
                accessor=lambda u: ", ".join(sorted(m.group.name for m in u.memberships.all())),
            ),
        ]
        return [*columns[:3], *extra, *columns[3:]]


class PortalUserViewSet(UserViewSet):
    """Wagtail's users, with the portal's profile fields on the create and edit forms."""

    template_prefix = "accounts/admin/users/"
    index_view_class = PortalUserIndexView

    def get_form_class(self, for_update=False):
        return PortalUserEditForm if for_update else PortalUserCreationForm
