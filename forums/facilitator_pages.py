"""Facilitators edit pages only inside the workgroups they facilitate.

Each workgroup has its own Wagtail group ("Workgroup <id> facilitators") holding page
permissions on that workgroup's page and everything below it. The membership services call
`facilitator_pages_sync` whenever a facilitator membership is created, changed or removed,
so the group always holds exactly the workgroup's active facilitators.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from .models import WorkgroupMembership, WorkgroupPage

PAGE_PERMISSIONS = ("add_page", "change_page")


def facilitator_group_name(workgroup_id: int) -> str:
    return f"Workgroup {workgroup_id} facilitators"


def workgroup_facilitator_group(*, workgroup: WorkgroupPage) -> Group:
    """The workgroup's own group with add/change on its page tree (made on first use)."""
    group, created = Group.objects.get_or_create(name=facilitator_group_name(workgroup.pk))
    if created:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=workgroup, permission=permission)
    return group


def facilitator_pages_sync(*, user, workgroup: WorkgroupPage) -> None:
    """Put `user` in the workgroup's page group if they actively facilitate it, else take them out."""
    facilitates = (
        WorkgroupMembership.objects.facilitators().filter(user=user, workgroup_id=workgroup.pk).exists()
    )
    group = workgroup_facilitator_group(workgroup=workgroup)
    if facilitates:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    for attr in ("_perm_cache", "_group_perm_cache", "_forums_memberships"):
        user.__dict__.pop(attr, None)
