"""Wagtail admin: the plan (per workgroup, for its facilitators) and workgroup memberships."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from portal.accounts.choosers import person_chooser_viewset

from . import services
from .invitations.admin import InvitationViewSet
from .models import MembershipRole, MembershipStatus, PlanItem, WorkgroupMembership, WorkgroupPage
from .permissions import facilitated_workgroup_ids, manages_every_workgroup


def _allowed_workgroups(user):
    queryset = WorkgroupPage.objects.all()
    if user is None or manages_every_workgroup(user):
        return queryset
    return queryset.filter(pk__in=facilitated_workgroup_ids(user))


class ScopedAdminForm(WagtailAdminModelForm):
    """Offer only the workgroups (and plan items) the signed-in person may edit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        workgroups = _allowed_workgroups(self.for_user)
        if "workgroup" in self.fields:
            self.fields["workgroup"].queryset = workgroups
        if "parent" in self.fields:
            self.fields["parent"].queryset = (
                PlanItem.objects.filter(workgroup__in=workgroups)
                .exclude(level="action")
                .exclude(pk=self.instance.pk)
            )


class _ScopedQuerysetMixin:
    def _scoped(self, queryset):
        policy = policy_registry.get_by_type(self.model)
        allowed = policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view", "delete"]
        )
        return queryset.filter(pk__in=allowed.values("pk"))


class ScopedIndexView(_ScopedQuerysetMixin, generic.IndexView):
    def get_base_queryset(self):
        return self._scoped(super().get_base_queryset())


class ScopedEditView(_ScopedQuerysetMixin, generic.EditView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self._scoped(self.model._default_manager.filter(pk=obj.pk)).exists():
            raise Http404
        return obj


class PlanItemEditView(ScopedEditView):
    def save_instance(self):
        changed = set(self.form.changed_data)
        instance = super().save_instance()
        formset = self.form.formsets.get("progress_notes")
        notes = formset.new_objects if formset is not None else []
        services.plan_item_edited(plan_item=instance, changed_fields=changed, new_notes=notes)
        return instance


class ScopedDeleteView(_ScopedQuerysetMixin, generic.DeleteView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self._scoped(self.model._default_manager.filter(pk=obj.pk)).exists():
            raise Http404
        return obj


class MembershipForm(ScopedAdminForm):
    """Add someone as member or facilitator, or invite them; requests are decided elsewhere."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            # A searchable person picker (portal.accounts.choosers), not a dropdown of every account.
            self.fields["user"].widget = person_chooser_viewset.widget_class()
            self.fields["user"].queryset = (
                get_user_model()
                .objects.filter(is_active=True, is_deidentified=False)
                .exclude(workgroup_memberships__status=MembershipStatus.REQUESTED)
                .order_by("display_name", "username")
            )
            self.fields["user"].error_messages["invalid_choice"] = _(
                "Choose an active account that has not asked to join (requests are decided apart)."
            )
        if "role" in self.fields and not (self.for_user and self.for_user.has_perm("auth.change_group")):
            # Making someone a facilitator grants admin page permissions: only those who may
            # change staff groups (administrators) do it; facilitators add members.
            self.fields["role"].choices = [(MembershipRole.MEMBER, MembershipRole.MEMBER.label)]
        if self.instance.pk:
            # Only the role changes here; the person and workgroup stay, requests are decided apart.
            for name in ("workgroup", "user", "status"):
                if name in self.fields:
                    self.fields[name].disabled = True
        elif "status" in self.fields:
            self.fields["status"].choices = [
                (MembershipStatus.ACTIVE, MembershipStatus.ACTIVE.label),
                (MembershipStatus.INVITED, MembershipStatus.INVITED.label),
            ]
            self.fields["status"].help_text = _(
                "Requests to join are approved or declined under Workgroups → Requests to join."
            )


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.membership_set(
            user=data["user"],
            workgroup=data["workgroup"],
            role=data["role"],
            status=data["status"],
            by=self.request.user,
        )


class MembershipEditView(ScopedEditView):
    def save_instance(self):
        current = WorkgroupMembership.objects.get(pk=self.object.pk)
        return services.membership_set(
            user=current.user,
            workgroup=current.workgroup,
            role=self.form.cleaned_data["role"],
            status=current.status,
            by=self.request.user,
        )


class MembershipDeleteView(ScopedDeleteView):
    def delete_action(self):
        services.membership_remove(by=self.request.user, membership=self.object)


class PlanItemViewSet(ModelViewSet):
    model = PlanItem
    name = "plan_items"
    url_prefix = "workgroups/plan-items"
    icon = "list-ul"
    menu_label = "Plan items"
    list_display = ["title", "level", "workgroup", "status", "due_date"]
    list_filter = ["workgroup", "level", "status"]
    search_fields = ["title", "owner"]
    index_view_class = ScopedIndexView
    edit_view_class = PlanItemEditView
    delete_view_class = ScopedDeleteView

    def get_edit_handler(self):
        return ObjectList(PlanItem.panels, base_form_class=ScopedAdminForm).bind_to_model(self.model)


class WorkgroupMembershipViewSet(ModelViewSet):
    model = WorkgroupMembership
    name = "workgroup_memberships"
    url_prefix = "workgroups/memberships"
    icon = "group"
    menu_label = "Memberships"
    list_display = ["user", "workgroup", "role", "status", "created_at"]
    list_filter = ["workgroup", "role", "status"]
    index_view_class = ScopedIndexView
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    delete_view_class = MembershipDeleteView

    def get_edit_handler(self):
        return ObjectList(
            [FieldPanel(f) for f in ("workgroup", "user", "role", "status")], base_form_class=MembershipForm
        ).bind_to_model(self.model)


class WorkgroupsViewSetGroup(ViewSetGroup):
    menu_label = "Workgroups"
    menu_icon = "group"
    menu_order = 250
    items = (PlanItemViewSet, WorkgroupMembershipViewSet, InvitationViewSet)
