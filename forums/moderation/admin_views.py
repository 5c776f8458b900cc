"""The review queue and sanctions in the Wagtail admin (registered in wagtail_hooks)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from forums.models import Comment, CommentState

from . import permissions, selectors, services
from .forms import BulkDecisionForm, DecisionForm, LiftForm, SanctionForm
from .models import Sanction

QUEUE_PAGE_SIZE = 25


def _require_queue(request) -> None:
    if not permissions.can_use_queue(request.user):
        raise PermissionDenied


def _apply(*, request, comments, form) -> None:
    data = form.cleaned_data
    if data["action"] == "keep":
        done, problems = 0, []
        for comment in comments:
            try:
                services.flags_dismiss(comment=comment, by=request.user, note=data["note"])
                done += 1
            except services.ModerationError as error:
                problems.append(f"Comment {comment.pk}: {error}")
    else:
        done, problems = services.comments_decide_bulk(
            comments=comments,
            by=request.user,
            action=data["action"],
            reason=data["reason"],
            note=data["note"],
        )
    if done:
        messages.success(
            request,
            ngettext("Decision recorded for %(n)d comment.", "Decision recorded for %(n)d comments.", done)
            % {"n": done},
        )
    for problem in problems:
        messages.error(request, problem)


def queue(request):
    _require_queue(request)
    filters = {key: request.GET.get(key, "") for key in ("state", "reason", "workgroup", "age")}
    items = selectors.queue(user=request.user, **filters)
    page_obj = Paginator(items, QUEUE_PAGE_SIZE).get_page(request.GET.get("p"))
    ids = [c.pk for c in page_obj]
    form = BulkDecisionForm(request.POST or None, comment_ids=ids)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            chosen = Comment.objects.filter(pk__in=form.cleaned_data["comments"])
            _apply(request=request, comments=chosen, form=form)
            return redirect(request.get_full_path())
        status = 400
    context = {
        "page_obj": page_obj,
        "form": form,
        "filters": filters,
        "states": [
            (CommentState.PENDING, "Held for review"),
            (CommentState.HIDDEN, "Hidden"),
            (CommentState.PUBLISHED, "Published, reported"),
        ],
        "reasons": selectors.REASON_FILTERS,
        "workgroups": selectors.queue_workgroups(user=request.user),
        "ages": [("1d", "Waiting over a day"), ("3d", "Over 3 days"), ("7d", "Over a week")],
        "summary": selectors.queue_summary(user=request.user),
        "can_sanction": permissions.can_sanction(request.user),
    }
    return TemplateResponse(request, "moderation/admin/queue.html", context, status=status)


def item(request, pk: int):
    _require_queue(request)
    try:
        comment = selectors.comment_detail(pk=pk)
    except Comment.DoesNotExist as error:
        raise Http404 from error
    if not permissions.can_moderate_comment(request.user, comment):
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            _apply(request=request, comments=[comment], form=form)
            return redirect(reverse("moderation_admin:item", args=[pk]))
        status = 400
    context = {
        "comment": comment,
        "form": form,
        "thread_parent": comment.parent,
        "siblings": (comment.parent or comment).replies.all(),
        "review": getattr(comment, "review", None),
        "can_sanction": permissions.can_sanction(request.user),
        "author_sanction": services.sanction_active(user=comment.author) if comment.author else None,
    }
    return TemplateResponse(request, "moderation/admin/item.html", context, status=status)


def sanctions(request):
    if not permissions.can_sanction(request.user):
        raise PermissionDenied
    form = SanctionForm(request.POST or None, initial={"user": request.GET.get("user", "")})
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = (
            get_user_model()
            .objects.filter(Q(email__iexact=data["user"].strip()) | Q(username=data["user"].strip()))
            .first()
        )
        if person is None:
            form.add_error("user", "No account has this e-mail address or username.")
        else:
            try:
                services.sanction_add(
                    by=request.user, user=person, kind=data["kind"], reason=data["reason"], days=data["days"]
                )
            except services.ModerationError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("%(person)s is limited. They see why and until when.") % {"person": person.public_name},
                )
                return redirect("moderation_admin:sanctions")
    if form.errors:
        status = 400
    page_obj = Paginator(selectors.sanctions_list(), 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "moderation/admin/sanctions.html",
        {"form": form, "page_obj": page_obj, "lift_form": LiftForm()},
        status=status,
    )


def sanction_lift(request, pk: int):
    if not permissions.can_sanction(request.user) or request.method != "POST":
        raise PermissionDenied
    sanction = get_object_or_404(Sanction, pk=pk)
    form = LiftForm(request.POST)
    form.is_valid()
    try:
        services.sanction_lift(by=request.user, sanction=sanction, note=form.cleaned_data.get("note", ""))
    except services.ModerationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The limit is lifted."))
    return redirect("moderation_admin:sanctions")
