from django.urls import path

from . import meeting_views, timeline_views, views

urlpatterns = [
    path("timeline/", timeline_views.timeline, name="agenda_timeline"),
    path("timeline/<int:pk>/", timeline_views.timeline, name="agenda_timeline_round"),
    path("workgroups/<int:workgroup_pk>/propose/", views.proposal_new, name="agenda_proposal_new"),
    path(
        "workgroups/<int:workgroup_pk>/calendar.ics",
        meeting_views.workgroup_calendar,
        name="agenda_workgroup_calendar",
    ),
    path("proposals/<int:pk>/", views.proposal_detail, name="agenda_proposal"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="agenda_proposal_support"),
    path("proposals/<int:pk>/comment/", views.proposal_comment, name="agenda_proposal_comment"),
    path("proposals/<int:pk>/triage/", views.proposal_triage, name="agenda_proposal_triage"),
    path("proposals/<int:pk>/agenda/", views.proposal_to_agenda, name="agenda_proposal_to_agenda"),
    path("meetings/<int:pk>/agenda/", meeting_views.agenda_item_add, name="agenda_item_add"),
    path("meetings/<int:pk>/agenda/order/", meeting_views.agenda_order, name="agenda_reorder"),
    path(
        "meetings/<int:pk>/agenda/<int:item_pk>/decide/",
        meeting_views.agenda_item_decide,
        name="agenda_item_decide",
    ),
    path("meetings/<int:pk>/meeting.ics", meeting_views.meeting_ics, name="agenda_meeting_ics"),
]
