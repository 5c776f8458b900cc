"""Facilitators manage the plan items of their own workgroups only (registered in wagtail_hooks)."""

from wagtail.permission_policies import ModelPermissionPolicy

from .permissions import facilitated_workgroup_ids, manages_every_workgroup


def _sees_everything(user) -> bool:
    return manages_every_workgroup(user)


class WorkgroupScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the staff role, narrowed to the workgroups a person facilitates.

    `workgroup_path` is how to reach the workgroup id from the model ("workgroup_id" or
    "plan_item__workgroup_id").
    """

    def __init__(self, model, workgroup_path: str = "workgroup_id"):
        super().__init__(model)
        self.workgroup_path = workgroup_path

    def _workgroup_id(self, instance) -> int | None:
        obj = instance
        for part in self.workgroup_path.split("__"):
            obj = getattr(obj, part, None)
        return obj

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return _sees_everything(user) or self._workgroup_id(instance) in facilitated_workgroup_ids(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if _sees_everything(user):
            return queryset
        return queryset.filter(**{f"{self.workgroup_path}__in": facilitated_workgroup_ids(user)})
