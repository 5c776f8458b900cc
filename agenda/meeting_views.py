"""Meeting pages' POSTs and feeds: members propose agenda items, facilitators decide and order
them; iCal. The page itself is MeetingPage.serve, with `meeting_context` below."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import calendar, permissions, posting, selectors, services
from .forms import AgendaDecisionForm, AgendaItemForm
from .models import AgendaItem, MeetingPage
from .views import visible_workgroup


def _visible_meeting(request, pk):
    meeting = get_object_or_404(MeetingPage.objects.live(), pk=pk)
    if not permissions.can_view(request.user, meeting.workgroup):
        raise Http404
    return meeting


def _item_form(request, meeting, data=None):
    """Members choose among their own proposals, facilitators among the workgroup's."""
    user = request.user
    if not user.is_authenticated:
        return AgendaItemForm(data)
    facilitator = permissions.can_triage(user, meeting.workgroup)
    proposals = selectors.agenda_ready_proposals(
        workgroup=meeting.workgroup, meeting=meeting, author=None if facilitator else user
    )
    return AgendaItemForm(data, proposals=proposals)


def meeting_context(request, meeting, **forms) -> dict:
    """What a meeting page shows; served by MeetingPage.serve (private workgroups: 404)."""
    user = request.user
    now = timezone.now()
    workgroup = meeting.workgroup
    signed_in = user.is_authenticated
    is_facilitator = signed_in and permissions.can_triage(user, workgroup)
    is_member = signed_in and permissions.can_propose_agenda_items(user, workgroup)
    item_form = forms.get("item_form") or _item_form(request, meeting)
    context = {
        "workgroup": workgroup,
        "agenda_items": list(selectors.agenda_items(meeting=meeting)),
        "decisions": list(selectors.decisions(meeting=meeting)),
        "attendance": list(meeting.attendance.all()),
        "show_place": signed_in and permissions.can_see_meeting_details(user, workgroup),
        "can_add_item": signed_in and permissions.can_add_agenda_item(user, meeting, now=now),
        "can_order": is_facilitator,
        "agenda_closed": now > meeting.agenda_cutoff,
        "item_form": item_form,
        "offer_proposals": "proposal" in item_form.fields and item_form.fields["proposal"].queryset.exists(),
        "proposed_items": _with_decision_forms(meeting, forms.get("decision_forms", {}))
        if is_facilitator
        else [],
        "my_items": list(selectors.my_agenda_items(meeting=meeting, user=user)) if is_member else [],
    }
    return context


def _with_decision_forms(meeting, bound: dict) -> list:
    """Each waiting item carries its accept/decline form (the one just refused keeps its text)."""
    items = list(selectors.proposed_agenda_items(meeting=meeting))
    for item in items:
        item.decision_form = bound.get(item.pk) or AgendaDecisionForm(auto_id=f"id_item{item.pk}_%s")
    return items


def _meeting_page(request, meeting, **forms):
    request.agenda_forms = forms  # MeetingPage.get_context hands them to meeting_context
    response = meeting.serve(request)
    return response.render() if hasattr(response, "render") else response


def _agenda_url(meeting) -> str:
    return f"{meeting.url}#agenda-heading"


@login_required
@require_POST
def agenda_item_add(request, pk):
    """A new item, or a proposal brought from the meeting page."""
    meeting = _visible_meeting(request, pk)
    facilitator = permissions.can_triage(request.user, meeting.workgroup)
    return posting.submit(
        request,
        _item_form(request, meeting, request.POST),
        action=lambda title, proposal=None: services.agenda_item_add(
            by=request.user, meeting=meeting, title=title, proposal=proposal
        ),
        success=_("The item is on the agenda.")
        if facilitator
        else _("Your item is sent to the facilitators for the agenda."),
        done_url=_agenda_url(meeting),
        again=lambda form: _meeting_page(request, meeting, item_form=form),
    )


@login_required
@require_POST
def agenda_item_decide(request, pk, item_pk):
    """A facilitator accepts a member's item onto the agenda, or declines it with a reason."""
    meeting = _visible_meeting(request, pk)
    if not permissions.can_triage(request.user, meeting.workgroup):
        raise PermissionDenied
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)

    def decide(decision, reason):
        if decision == "accept":
            return services.agenda_item_accept(by=request.user, item=item)
        return services.agenda_item_decline(by=request.user, item=item, reason=reason)

    accepted = request.POST.get("decision") == "accept"
    return posting.submit(
        request,
        AgendaDecisionForm(request.POST, auto_id=f"id_item{item.pk}_%s"),
        action=decide,
        success=_("The item is on the agenda.") if accepted else _("The member is told why."),
        done_url=_agenda_url(meeting),
        again=lambda form: _meeting_page(request, meeting, decision_forms={item.pk: form}),
    )


@login_required
@require_POST
def agenda_order(request, pk):
    """One endpoint for ordering: the dragged order (every item, in order) or a single move up or
    down (`move=up:<id>`, the buttons that work with a keyboard and without JavaScript)."""
    meeting = _visible_meeting(request, pk)
    if not permissions.can_triage(request.user, meeting.workgroup):
        raise PermissionDenied
    direction, _sep, item_id = request.POST.get("move", "").partition(":")

    def save():
        try:
            if direction:
                return services.agenda_item_move(
                    by=request.user, meeting=meeting, item_id=int(item_id), direction=direction
                )
            ids = [int(value) for value in request.POST.getlist("item")]
        except ValueError:
            raise ValidationError(_("The agenda changed meanwhile; reload and try again.")) from None
        return services.agenda_reorder(by=request.user, meeting=meeting, item_ids=ids)

    posting.run(request, save, _("Agenda order saved."))
    return redirect(_agenda_url(meeting))


def meeting_ics(request, pk):
    meeting = _visible_meeting(request, pk)
    body = calendar.meetings_ics(meetings=[meeting], request=request, name=meeting.title)
    return _ics_response(body, f"meeting-{meeting.pk}.ics")


def workgroup_calendar(request, workgroup_pk):
    workgroup = visible_workgroup(request, workgroup_pk)
    body = calendar.meetings_ics(
        meetings=selectors.meetings(workgroup=workgroup), request=request, name=workgroup.title
    )
    return _ics_response(body, f"workgroup-{workgroup.pk}.ics")


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
