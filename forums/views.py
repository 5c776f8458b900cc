"""Thin views: POST endpoints for boards, follows and membership; the plan overview and exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, services
from .forms import CommentEditForm, CommentForm
from .models import Comment, CommentState, TopicPage, WorkgroupPage


def _visible_topic(request, topic_id: int) -> TopicPage:
    topic = get_object_or_404(TopicPage.objects.live(), pk=topic_id)
    if not permissions.can_view_workgroup(request.user, topic.get_workgroup()):
        raise Http404
    return topic


def _visible_comment(request, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("topic", "author"), pk=pk)
    _visible_topic(request, comment.topic_id)
    return comment


def _render_topic_with_error(request, topic: TopicPage, form: CommentForm, error: str):
    """Show the board again with the message and the typed text, never losing what was written."""
    messages.error(request, error)
    context = topic.get_context(request)
    parent_id = str(form.data.get("parent") or "")
    parent = Comment.objects.filter(pk=parent_id, topic=topic).first() if parent_id.isdigit() else None
    form_shown = topic.is_open and (
        (parent is None and not parent_id and context["can_post"])
        or (
            parent is not None
            and parent.parent_id is None
            and parent.is_visible_publicly
            and (context["can_post"] or context["can_answer"])
        )
    )
    context.update(
        {
            "form_error": error,
            "bound_form": form,
            "bound_parent": parent_id,
            "kept_text": None if form_shown else form.data.get("body", ""),
        }
    )
    return TemplateResponse(request, topic.get_template(request), context, status=400)


@require_POST
@login_required
def comment_create(request, topic_id: int):
    topic = _visible_topic(request, topic_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        first_error = next(iter(form.errors.values()))[0]
        return _render_topic_with_error(request, topic, form, first_error)
    data = form.cleaned_data
    parent = None
    if data["parent"]:
        parent = Comment.objects.filter(pk=data["parent"], topic=topic).first()
        if parent is None:
            return _render_topic_with_error(
                request, topic, form, "The comment you are replying to is not available."
            )
    try:
        comment = services.comment_post(
            author=request.user,
            topic=topic,
            body=data["body"],
            kind=data["kind"],
            parent=parent,
            official=data["official"],
            client_token=data["client_token"],
        )
    except services.ForumsError as error:
        return _render_topic_with_error(request, topic, form, str(error))
    if comment.state == CommentState.PENDING:
        messages.info(
            request,
            _("Thank you. Your comment is %(state)s.")
            % {"state": comment.held_message or _("held for review")},
        )
    else:
        messages.success(request, _("Your comment is posted."))
    return HttpResponseRedirect(f"{topic.url}#comment-{comment.pk}")


@login_required
def comment_edit(request, pk: int):
    comment = _visible_comment(request, pk)
    if not permissions.can_edit_comment(request.user, comment, now=timezone.now()):
        messages.error(request, _("You can edit your own comment for 15 minutes after posting it."))
        return redirect(comment.get_absolute_url())
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(user=request.user, comment=comment, body=form.cleaned_data["body"])
        except services.ForumsError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, _("Your comment is updated. Its earlier text is kept in its history."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "forums/comment_edit.html",
        {"form": form, "comment": comment},
        status=400 if form.errors else 200,
    )


@login_required
def comment_delete(request, pk: int):
    comment = _visible_comment(request, pk)
    if not permissions.can_delete_comment(request.user, comment):
        raise Http404
    if request.method == "POST":
        services.comment_delete(user=request.user, comment=comment)
        messages.success(request, _("Your comment is deleted. Replies to it stay on the board."))
        return redirect(comment.topic.url)
    return render(request, "forums/comment_delete.html", {"comment": comment})


def comment_history(request, pk: int):
    comment = _visible_comment(request, pk)
    if not (comment.author_id == request.user.pk or permissions.is_moderator(request.user)):
        raise Http404
    return render(
        request,
        "forums/comment_history.html",
        {"comment": comment, "revisions": comment.revisions.select_related("edited_by")},
    )


@require_POST
@login_required
def follow_toggle(request):
    target = _follow_target(request)
    kwargs = {"workgroup": target} if isinstance(target, WorkgroupPage) else {"topic": target}
    if request.POST.get("action") == "unfollow":
        services.follow_remove(user=request.user, **kwargs)
        messages.success(request, _("You no longer follow %(title)s.") % {"title": target.title})
    else:
        services.follow_add(user=request.user, **kwargs)
        messages.success(
            request, _("You follow %(title)s. We will tell you about new activity.") % {"title": target.title}
        )
    return redirect(target.url)


def _follow_target(request):
    if request.POST.get("workgroup", "").isdigit():
        target = get_object_or_404(WorkgroupPage.objects.live(), pk=int(request.POST["workgroup"]))
        if not permissions.can_view_workgroup(request.user, target):
            raise Http404
        return target
    if request.POST.get("topic", "").isdigit():
        return _visible_topic(request, int(request.POST["topic"]))
    raise Http404


@require_POST
@login_required
def membership_join(request, workgroup_id: int):
    workgroup = get_object_or_404(WorkgroupPage.objects.live(), pk=workgroup_id)
    if not permissions.can_view_workgroup(request.user, workgroup):
        raise Http404
    try:
        membership = services.membership_join(user=request.user, workgroup=workgroup)
    except services.ForumsError as error:
        messages.error(request, str(error))
    else:
        if membership.status == "active":
            messages.success(
                request,
                _("Welcome to %(title)s. You now follow its new topics.") % {"title": workgroup.title},
            )
        else:
            messages.info(request, _("Your request is sent. A facilitator will decide on it soon."))
    return redirect(workgroup.url)


@require_POST
@login_required
def membership_leave(request, workgroup_id: int):
    workgroup = get_object_or_404(WorkgroupPage.objects.live(), pk=workgroup_id)
    services.membership_leave(user=request.user, workgroup=workgroup)
    messages.success(request, _("You left %(title)s.") % {"title": workgroup.title})
    return redirect(workgroup.url if not workgroup.is_private else "/")
