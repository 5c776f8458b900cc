"""Public views: report a comment; the safety numbers shown after a danger report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from forums import permissions as forum_permissions
from forums.models import Comment

from . import services
from .forms import FlagForm
from .models import FlagReason
from .rules import safety_numbers


def _visible_comment(request, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("topic", "author"), pk=pk)
    topic = comment.topic.specific
    if not topic.live or not forum_permissions.can_view_workgroup(request.user, topic.get_workgroup()):
        raise Http404
    if not comment.is_visible_publicly:
        raise Http404
    return comment


@login_required
def flag_comment(request, pk: int):
    comment = _visible_comment(request, pk)
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            # The honeypot: people never fill it in; pretend all went well.
            messages.success(request, _("Thank you for telling us."))
            return redirect(comment.get_absolute_url())
        try:
            flag = services.flag_add(
                user=request.user,
                comment=comment,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except services.AlreadyReported as error:
            messages.info(request, str(error))
            return redirect(comment.topic.url)
        except services.ModerationError as error:
            form.add_error(None, str(error))
        else:
            if flag.reason == FlagReason.DANGER:
                return render(request, "moderation/flag_danger.html", {"comment": comment, **_safety()})
            messages.success(request, _("Thank you for telling us. Moderators will look at this comment."))
            return redirect(comment.topic.url)
    if form.errors:
        status = 400
    return render(
        request, "moderation/flag_form.html", {"comment": comment, "form": form, **_safety()}, status=status
    )


def _safety() -> dict:
    numbers = safety_numbers()
    return {
        "hotline": numbers["hotline"],
        "emergency": numbers["emergency"],
        "safety_message": numbers["message"],
    }
