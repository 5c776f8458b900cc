"""What the forums app contributes to shared screens (registered in wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy

from portal.extension_points import Panel

from . import selectors
from .models import Comment, Follow, WorkgroupPage


def open_comment_periods_panel(request):
    topics = selectors.open_topics(user=request.user)
    if not topics:
        return None
    return Panel(
        title="Open for your comments",
        template="forums/panels/open_topics.html",
        context={"topics": topics},
        order=20,
    )


def my_workgroups_panel(request):
    if not request.user.is_authenticated:
        return None
    return Panel(
        title="My workgroups and follows",
        template="forums/panels/my_workgroups.html",
        context={
            "memberships": list(selectors.my_workgroups(user=request.user)),
            "follows": list(selectors.my_follows(user=request.user)),
        },
        order=20,
    )


def my_comments_panel(request):
    if not request.user.is_authenticated:
        return None
    return Panel(
        title="My comments",
        template="forums/panels/my_comments.html",
        context={"comments": list(selectors.my_comments(user=request.user))},
        order=25,
    )


def hide_private_workgroups(request, queryset):
    """Leave private workgroups' pages out of site search for people who may not see them."""
    for workgroup in selectors.hidden_workgroups(user=request.user):
        queryset = queryset.not_descendant_of(workgroup, inclusive=True)
    return queryset


HIDDEN_TOPIC = gettext_lazy("A topic of a private workgroup you are no longer a member of")


def export_user_data(user):
    """Everything they wrote stays in their download; a private workgroup they left is not named."""
    hidden = set(selectors.topics_hidden_from(user).values_list("pk", flat=True))
    comments = [
        {
            "topic": str(HIDDEN_TOPIC) if c.topic_id in hidden else c.topic.title,
            "kind": c.kind,
            "state": c.state,
            "official": c.is_official,
            "text": c.body,
            "posted": c.created_at.isoformat(),
            "edited": c.edited_at.isoformat() if c.edited_at else None,
            "deleted": c.deleted_at.isoformat() if c.deleted_at else None,
        }
        for c in Comment.objects.filter(author=user).select_related("topic")
    ]
    follows = [
        {
            "workgroup": f.workgroup.title if f.workgroup else None,
            "topic": f.topic.title if f.topic else None,
            "since": f.created_at.isoformat(),
        }
        for f in selectors.my_follows(user=user)
    ]
    memberships = [
        {
            "workgroup": m.workgroup.title,
            "role": m.role,
            "status": m.status,
            "since": m.created_at.isoformat(),
        }
        for m in selectors.my_workgroups(user=user)
    ]
    return "workgroups", {"comments": comments, "follows": follows, "memberships": memberships}


def deidentify_user(user):
    """Follows and memberships go; comments stay and show "Former participant"."""
    Follow.objects.filter(user=user).delete()
    user.workgroup_memberships.all().delete()


def initiative_workgroups_panel(request, initiative):
    visible = selectors.visible_workgroup_ids(user=request.user)
    workgroups = list(WorkgroupPage.objects.live().filter(initiative=initiative, pk__in=visible))
    if not workgroups:
        return None
    return Panel(
        title="Workgroups on this initiative",
        template="forums/panels/initiative_workgroups.html",
        context={"workgroups": workgroups},
        order=30,
    )
