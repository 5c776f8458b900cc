"""A notification is written in its reader's language, not in the language of whoever caused it."""

from datetime import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from forums.factories import WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole
from forums.services import membership_join, membership_set
from home.models import HomePage
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from portal.notifications.messages import moment, render, words
from portal.notifications.models import Notification, NotificationKind
from portal.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def workgroup_and_facilitator(make_staff):
    index_page = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(
        parent=index_page, slug="kin", title="Kinship", membership_mode="request"
    )
    facilitator = make_staff("Facilitators", display_name="Fran Facilitator", language="en")
    totp_activate(user=facilitator, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    return workgroup, facilitator


def test_spanish_participant_reads_an_english_staff_decision_in_spanish(
    workgroup_and_facilitator, client, django_capture_on_commit_callbacks
):
    workgroup, facilitator = workgroup_and_facilitator
    person = UserFactory(language="es", display_name="Rosa")
    with django_capture_on_commit_callbacks(execute=True):
        membership = membership_join(user=person, workgroup=workgroup)
    mail.outbox.clear()
    client.force_login(facilitator)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/workgroups/requests/{membership.pk}/decide/",
            {"decision": "decline", "reason": "Solo para familias de parentesco."},
        )
    told = Notification.objects.get(recipient=person, kind=NotificationKind.MEMBERSHIP_DECISION)
    assert told.text == "Your request to join Kinship was declined. Reason: Solo para familias de parentesco."

    spanish = "Se rechazó su solicitud para unirse a Kinship. Motivo: Solo para familias de parentesco."
    message = mail.outbox[-1]
    assert message.to == [person.email]
    assert spanish in message.body and "Your request" not in message.body

    client.force_login(person)
    page = client.get("/es/notifications/").content.decode()
    assert spanish in page and "Your request" not in page


def test_english_reader_of_the_same_kind_reads_english(django_capture_on_commit_callbacks):
    person = UserFactory(language="en")
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        notify(
            recipient=person,
            kind=NotificationKind.REPLY,
            message="%(person)s replied to your comment on “%(topic)s”.",
            params={"person": "Dana R.", "topic": "Respite care"},
            url="/x/",
        )
    assert "Dana R. replied to your comment on “Respite care”." in mail.outbox[0].body


def test_translated_words_and_moments_follow_the_reader():
    params = {
        "topic": "Respite",
        "reason": words("Off topic", lower=True),
        "date": moment(timezone.make_aware(datetime(2027, 3, 15, 18, 0))),
    }
    message = "Your comment on “%(topic)s” was not published. Reason: %(reason)s."
    with translation.override("es"):
        assert (
            render(message, params) == "Su comentario sobre “Respite” no se publicó. Motivo: fuera de tema."
        )
        assert render("Comments on “%(topic)s” close on %(date)s.", params) == (
            "Los comentarios sobre “Respite” se cierran el 15 de marzo de 2027, 6:00 p. m., hora del centro."
        )
    with translation.override("en"):
        assert render("Comments on “%(topic)s” close on %(date)s.", params) == (
            "Comments on “Respite” close on March 15, 2027, 6:00 p.m. Central time."
        )


def test_rows_from_before_messages_show_their_stored_text(user):
    old = Notification.objects.create(recipient=user, kind=NotificationKind.REPLY, text="Old sentence.")
    with translation.override("es"):
        assert old.sentence == "Old sentence."


def test_a_notification_needs_a_message_or_a_text(user):
    from portal.notifications.services import NotificationError

    with pytest.raises(NotificationError):
        notify(recipient=user, kind=NotificationKind.REPLY)
