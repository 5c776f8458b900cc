from django.urls import path

from . import paragraph_views, views
from .invitations import views as invitation_views

app_name = "forums"

urlpatterns = [
    path("topics/<int:topic_id>/comments/", views.comment_create, name="comment_create"),
    path(
        "topics/<int:topic_id>/paragraphs/<str:paragraph_id>/",
        paragraph_views.paragraph_detail,
        name="paragraph",
    ),
    path(
        "topics/<int:topic_id>/paragraphs/<str:paragraph_id>/comments/",
        paragraph_views.paragraph_comment_create,
        name="paragraph_comment_create",
    ),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/history/", views.comment_history, name="comment_history"),
    path("follow/", views.follow_toggle, name="follow"),
    path("workgroups/<int:workgroup_id>/join/", views.membership_join, name="join"),
    path("workgroups/<int:workgroup_id>/leave/", views.membership_leave, name="leave"),
    path("invitation/", invitation_views.invitation_landing, name="invitation"),
    path("invitation/accept/", invitation_views.invitation_accept, name="invitation_accept"),
]
