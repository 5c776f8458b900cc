from django.urls import path

from . import timeline_views, views

urlpatterns = [
    path("timeline/", timeline_views.timeline, name="agenda_timeline"),
    path("timeline/<int:pk>/", timeline_views.timeline, name="agenda_timeline_round"),
    path("workgroups/<int:workgroup_pk>/propose/", views.proposal_new, name="agenda_proposal_new"),
    path(
        "workgroups/<int:workgroup_pk>/calendar.ics",
        views.workgroup_calendar,
        name="agenda_workgroup_calendar",
    ),
    path("proposals/<int:pk>/", views.proposal_detail, name="agenda_proposal"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="agenda_proposal_support"),
    path("proposals/<int:pk>/comment/", views.proposal_comment, name="agenda_proposal_comment"),
    path("proposals/<int:pk>/triage/", views.proposal_triage, name="agenda_proposal_triage"),
    path("meetings/<int:pk>/agenda/", views.agenda_item_add, name="agenda_item_add"),
    path("meetings/<int:pk>/agenda/order/", views.agenda_reorder, name="agenda_reorder"),
    path("meetings/<int:pk>/agenda/<int:item_pk>/up/", views.agenda_item_move, name="agenda_item_move"),
    path("meetings/<int:pk>/meeting.ics", views.meeting_ics, name="agenda_meeting_ics"),
]
