"""Thin views: permissions from agenda.permissions, writes through agenda.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import WorkgroupPage

from . import calendar, permissions, selectors, services
from .forms import AgendaItemForm, CommentForm, ProposalForm, TriageForm
from .models import MeetingPage, Proposal, ProposalState


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _visible_workgroup(request, pk):
    workgroup = get_object_or_404(WorkgroupPage.objects.live().specific(), pk=pk)
    if not permissions.can_view(request.user, workgroup):
        raise Http404
    return workgroup


def _visible_proposal(request, pk):
    proposal = selectors.proposal_detail(pk=pk)
    if proposal is None or not permissions.can_view(request.user, proposal.workgroup):
        raise Http404
    if proposal.state == ProposalState.PENDING and not (
        request.user.pk == proposal.author_id or permissions.can_review_proposals(request.user)
    ):
        raise Http404
    return proposal


@login_required
def proposal_new(request, workgroup_pk):
    workgroup = _visible_workgroup(request, workgroup_pk)
    if not permissions.can_propose(request.user, workgroup):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(author=request.user, workgroup=workgroup, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            if proposal.held_reason:
                messages.info(request, proposal.held_reason)
            return redirect(services.proposal_url(proposal))
    return render(request, "agenda/proposal_form.html", {"form": form, "workgroup": workgroup})


def proposal_detail(request, pk):
    proposal = _visible_proposal(request, pk)
    user = request.user
    context = {
        "proposal": proposal,
        "workgroup": proposal.workgroup,
        "can_support": user.is_authenticated and permissions.can_support(user, proposal),
        "has_supported": user.is_authenticated and proposal.supports.filter(user=user).exists(),
        "can_comment": user.is_authenticated
        and proposal.state != ProposalState.PENDING
        and permissions.can_propose(user, proposal.workgroup),
        "can_triage": user.is_authenticated
        and proposal.state == ProposalState.OPEN
        and permissions.can_triage(user, proposal.workgroup),
        "comment_form": CommentForm(),
    }
    if context["can_triage"]:
        context["triage_form"] = TriageForm(proposal=proposal)
    return render(request, "agenda/proposal_detail.html", context)


def _act(request, action, success):
    try:
        action()
    except ValidationError as error:
        messages.error(request, _error_text(error))
    except services.NotAllowed as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)


@login_required
@require_POST
def proposal_support(request, pk):
    proposal = _visible_proposal(request, pk)
    if request.POST.get("undo"):
        services.support_remove(user=request.user, proposal=proposal)
        messages.success(request, _("Your support is withdrawn."))
    else:
        _act(
            request,
            lambda: services.support_add(user=request.user, proposal=proposal),
            _("Thank you for your support."),
        )
    return redirect(services.proposal_url(proposal))


@login_required
@require_POST
def proposal_comment(request, pk):
    proposal = _visible_proposal(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment first."))
    else:
        _act(
            request,
            lambda: services.proposal_comment(
                author=request.user, proposal=proposal, body=form.cleaned_data["body"]
            ),
            _("Your comment is posted."),
        )
    return redirect(services.proposal_url(proposal))


@login_required
@require_POST
def proposal_triage(request, pk):
    proposal = _visible_proposal(request, pk)
    if not permissions.can_triage(request.user, proposal.workgroup):
        raise PermissionDenied
    form = TriageForm(request.POST, proposal=proposal)
    if not form.is_valid():
        messages.error(
            request, _("Check the answer: ") + " ".join(e for errs in form.errors.values() for e in errs)
        )
    else:
        _act(
            request,
            lambda: services.proposal_triage(by=request.user, proposal=proposal, **form.cleaned_data),
            _("The answer is published."),
        )
    return redirect(services.proposal_url(proposal))


def _visible_meeting(request, pk):
    meeting = get_object_or_404(MeetingPage.objects.live(), pk=pk)
    if not permissions.can_view(request.user, meeting.workgroup):
        raise Http404
    return meeting


def meeting_context(request, meeting) -> dict:
    """What a meeting page shows; served by MeetingPage.serve (private workgroups: 404)."""
    user = request.user
    now = timezone.now()
    workgroup = meeting.workgroup
    is_facilitator = user.is_authenticated and permissions.can_triage(user, workgroup)
    return {
        "workgroup": workgroup,
        "agenda_items": list(selectors.agenda_items(meeting=meeting)),
        "decisions": list(selectors.decisions(meeting=meeting)),
        "attendance": list(meeting.attendance.all()),
        "show_place": user.is_authenticated and permissions.can_see_meeting_details(user, workgroup),
        "can_add_item": user.is_authenticated
        and (is_facilitator or permissions.can_propose_agenda_item(user, meeting, now=now)),
        "can_order": is_facilitator,
        "agenda_closed": now > meeting.agenda_cutoff,
        "item_form": AgendaItemForm(),
    }


@login_required
@require_POST
def agenda_item_add(request, pk):
    meeting = _visible_meeting(request, pk)
    form = AgendaItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the agenda item a title."))
    else:
        _act(
            request,
            lambda: services.agenda_item_add(
                by=request.user, meeting=meeting, title=form.cleaned_data["title"]
            ),
            _("The item is on the agenda."),
        )
    return redirect(meeting.url)


@login_required
@require_POST
def agenda_reorder(request, pk):
    meeting = _visible_meeting(request, pk)
    if not permissions.can_triage(request.user, meeting.workgroup):
        raise PermissionDenied
    try:
        ids = [int(value) for value in request.POST.getlist("item")]
    except ValueError:
        ids = []
    _act(
        request,
        lambda: services.agenda_reorder(by=request.user, meeting=meeting, item_ids=ids),
        _("Agenda order saved."),
    )
    return redirect(meeting.url)


@login_required
@require_POST
def agenda_item_move(request, pk, item_pk):
    """Move one item a place up (the facilitator orders the agenda)."""
    meeting = _visible_meeting(request, pk)
    if not permissions.can_triage(request.user, meeting.workgroup):
        raise PermissionDenied
    ids = list(meeting.agenda_items.values_list("pk", flat=True))
    if item_pk in ids and ids.index(item_pk) > 0:
        at = ids.index(item_pk)
        ids[at - 1], ids[at] = ids[at], ids[at - 1]
    _act(
        request,
        lambda: services.agenda_reorder(by=request.user, meeting=meeting, item_ids=ids),
        _("Agenda order saved."),
    )
    return redirect(meeting.url)


def meeting_ics(request, pk):
    meeting = _visible_meeting(request, pk)
    body = calendar.meetings_ics(meetings=[meeting], request=request, name=meeting.title)
    return _ics_response(body, f"meeting-{meeting.pk}.ics")


def workgroup_calendar(request, workgroup_pk):
    workgroup = _visible_workgroup(request, workgroup_pk)
    body = calendar.meetings_ics(
        meetings=selectors.meetings(workgroup=workgroup), request=request, name=workgroup.title
    )
    return _ics_response(body, f"workgroup-{workgroup.pk}.ics")


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _proposal_for_review(request, pk):
    if not permissions.can_review_proposals(request.user):
        raise PermissionDenied
    return get_object_or_404(Proposal, pk=pk)


def admin_proposals(request):
    if not permissions.can_review_proposals(request.user):
        raise PermissionDenied
    proposals = list(selectors.proposals_to_review())
    return render(request, "agenda/admin/proposals.html", {"proposals": proposals, "now": timezone.now()})


@require_POST
def admin_proposal_release(request, pk):
    proposal = _proposal_for_review(request, pk)
    _act(
        request,
        lambda: services.proposal_release(
            by=request.user, proposal=proposal, approve=request.POST.get("approve") == "1"
        ),
        _("Decision recorded."),
    )
    return redirect("agenda_admin_proposals")
