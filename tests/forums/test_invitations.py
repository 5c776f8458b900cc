"""Invitations by e-mail: the service, the e-mail, and the link for every kind of visitor."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from forums.factories import WorkgroupPageFactory
from forums.invitations import services
from forums.invitations.views import SESSION_KEY
from forums.models import Follow, MembershipRole, MembershipStatus, WorkgroupInvitation, WorkgroupMembership
from forums.services import NotAllowed, membership_set
from portal.accounts.factories import UserFactory
from portal.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation_only(index_page):
    return WorkgroupPageFactory(
        parent=index_page,
        title="Tribal consultation",
        slug="tribal",
        membership_mode="invitation",
        is_private=True,
    )


@pytest.fixture
def fran(make_staff, invitation_only):
    person = make_staff("Facilitators", display_name="Fran")
    membership_set(user=person, workgroup=invitation_only, role=MembershipRole.FACILITATOR)
    return person


def _invite(callbacks, by, workgroup, *emails, **kwargs):
    with callbacks(execute=True):
        return services.invitations_create(by=by, workgroup=workgroup, emails=list(emails), **kwargs)


def _token_from_mail(message) -> str:
    return re.search(r"/workgroups/-/invitation/#t=([A-Za-z0-9_-]+)", message.body).group(1)


def test_invite_stores_a_hash_sends_one_mail_each_and_logs(
    fran, invitation_only, django_capture_on_commit_callbacks
):
    issued = _invite(
        django_capture_on_commit_callbacks,
        fran,
        invitation_only,
        "Ana@Example.org",
        "ben@example.org",
        message="Welcome",
    )
    assert [i.invitation.email for i in issued] == ["ana@example.org", "ben@example.org"]
    row = WorkgroupInvitation.objects.get(email="ana@example.org")
    assert row.token_hash == services.token_hash(issued[0].token) and issued[0].token not in row.token_hash
    assert row.invited_by == fran and row.expires_at > timezone.now() + timedelta(days=13)
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "ben@example.org"]
    body = next(m for m in mail.outbox if m.to == ["ana@example.org"]).body
    assert "Tribal consultation" in body and "Welcome" in body and "Fran" in body
    assert _token_from_mail(mail.outbox[0]) in {i.token for i in issued}  # the token after "#"
    assert ModelLogEntry.objects.filter(action="forums.invitation_send", object_id=str(row.pk)).exists()


def test_mail_in_the_accounts_language_else_the_chosen_one(
    fran, invitation_only, django_capture_on_commit_callbacks
):
    UserFactory(email="rosa@example.org", language="es")
    _invite(
        django_capture_on_commit_callbacks,
        fran,
        invitation_only,
        "rosa@example.org",
        "new@example.org",
        language="en",
    )
    _invite(django_capture_on_commit_callbacks, fran, invitation_only, "nuevo@example.org", language="es")
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "/es/workgroups/-/invitation/#t=" in by_address["rosa@example.org"].body
    assert "Hola" in by_address["rosa@example.org"].body
    assert "Hello," in by_address["new@example.org"].body
    assert "/es/workgroups/-/invitation/#t=" in by_address["nuevo@example.org"].body


def test_bad_lists_are_refused_whole_with_a_message_per_address(
    fran, invitation_only, django_capture_on_commit_callbacks
):
    member = UserFactory(email="member@example.org")
    membership_set(user=member, workgroup=invitation_only)
    _invite(django_capture_on_commit_callbacks, fran, invitation_only, "waiting@example.org")
    mail.outbox.clear()
    with pytest.raises(services.InvitationRefused) as refused:
        _invite(
            django_capture_on_commit_callbacks,
            fran,
            invitation_only,
            "fine@example.org",
            "not-an-address",
            "MEMBER@example.org",
            "waiting@example.org",
        )
    problems = refused.value.problems
    assert any("not-an-address" in p and "not an e-mail" in p for p in problems)
    assert any("member@example.org is already a member" in p for p in problems)
    assert any("waiting@example.org is already invited" in p for p in problems)
    assert not WorkgroupInvitation.objects.filter(email="fine@example.org").exists()  # nothing half-saved
    assert mail.outbox == []


def test_one_open_invitation_per_address_is_a_database_rule(fran, invitation_only):
    WorkgroupInvitation.objects.create(
        workgroup=invitation_only, email="a@example.org", token_hash="1", expires_at=timezone.now()
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkgroupInvitation.objects.create(
            workgroup=invitation_only, email="A@example.org", token_hash="2", expires_at=timezone.now()
        )


def test_an_expired_invitation_is_renewed_not_doubled(
    fran, invitation_only, django_capture_on_commit_callbacks
):
    first = _invite(django_capture_on_commit_callbacks, fran, invitation_only, "late@example.org")[0]
    WorkgroupInvitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    again = _invite(django_capture_on_commit_callbacks, fran, invitation_only, "late@example.org")[0]
    assert again.invitation.pk == first.invitation.pk and again.invitation.send_count == 2
    assert services.invitation_lookup(token=first.token) is None  # the old link stops working


def test_only_facilitators_of_this_workgroup_and_administrators_invite(
    invitation_only, index_page, make_staff, fran, django_capture_on_commit_callbacks
):
    other = WorkgroupPageFactory(parent=index_page, slug="other", title="Other")
    elsewhere = make_staff("Facilitators")
    membership_set(user=elsewhere, workgroup=other, role=MembershipRole.FACILITATOR)
    for person in (UserFactory(), make_staff("Moderators"), elsewhere):
        with pytest.raises(NotAllowed):
            services.invitations_create(by=person, workgroup=invitation_only, emails=["x@example.org"])
    admin = make_staff("Administrators")
    assert _invite(django_capture_on_commit_callbacks, admin, invitation_only, "x@example.org")


def test_accept_makes_a_member_through_the_membership_service(
    fran, invitation_only, django_capture_on_commit_callbacks
):
    issued = _invite(django_capture_on_commit_callbacks, fran, invitation_only, "new@example.org")[0]
    person = UserFactory(email="new@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.invitation_accept(user=person, token=issued.token)
    assert membership.status == MembershipStatus.ACTIVE and membership.decided_by == fran
    assert membership.decided_at is not None
    assert Follow.objects.filter(user=person, workgroup=invitation_only).exists()
    assert ModelLogEntry.objects.filter(
        action="forums.membership_accept", object_id=str(membership.pk)
    ).exists()
    joined = Notification.objects.get(recipient=fran, kind=NotificationKind.MEMBER_JOINED)
    assert "accepted the invitation" in joined.text
    with translation.override("es"):
        assert "aceptó la invitación" in joined.sentence  # read in the facilitator's language
    issued.invitation.refresh_from_db()
    assert issued.invitation.accepted_by == person
    with pytest.raises(services.InvitationUnusable):
        services.invitation_accept(user=person, token=issued.token)


def test_accept_refuses_another_address_an_unverified_one_and_a_revoked_link(
    fran, invitation_only, django_capture_on_commit_callbacks
):
    issued = _invite(django_capture_on_commit_callbacks, fran, invitation_only, "new@example.org")[0]
    with pytest.raises(services.InvitationForAnother):
        services.invitation_accept(user=UserFactory(email="someone@example.org"), token=issued.token)
    with pytest.raises(services.EmailNotVerified):
        services.invitation_accept(
            user=UserFactory(email="new@example.org", email_address__verified=False), token=issued.token
        )
    services.invitation_revoke(by=fran, invitation=issued.invitation)
    with pytest.raises(services.InvitationUnusable) as unusable:
        services.invitation_accept(user=UserFactory(email="x@example.org"), token=issued.token)
    assert unusable.value.state == "revoked"
    assert not WorkgroupMembership.objects.filter(workgroup=invitation_only, role="member").exists()


# --- The link, for each kind of visitor -------------------------------------------------------


@pytest.fixture
def link(fran, invitation_only, django_capture_on_commit_callbacks):
    return _invite(django_capture_on_commit_callbacks, fran, invitation_only, "new@example.org")[0]


def _open(client, token):
    response = client.post(
        "/workgroups/-/invitation/", {"token": f"http://testserver/workgroups/-/invitation/#t={token}"}
    )
    assert response.status_code == 302 and response["Location"].endswith("/workgroups/-/invitation/accept/")
    return client.get("/workgroups/-/invitation/accept/")


def test_the_landing_page_takes_the_token_from_after_the_hash(client):
    page = client.get("/workgroups/-/invitation/")
    assert page.status_code == 200 and b"survey-invitation.js" in page.content
    assert client.post("/workgroups/-/invitation/", {"token": "nope"}).status_code == 400
    assert client.get("/workgroups/-/invitation/accept/")["Location"].endswith("/workgroups/-/invitation/")


def test_signed_out_visitor_is_sent_to_sign_up_and_the_private_title_stays_hidden(client, link):
    page = _open(client, link.token)
    html = page.content.decode()
    assert "Tribal consultation" not in html  # whoever holds the link is not yet the addressee
    assert "n•••@example.org" in html and "new@example.org" not in html
    assert "/accounts/signup/?next=%2Fworkgroups%2F-%2Finvitation%2Faccept%2F" in html
    assert "/accounts/login/?next=" in html
    assert link.token not in html


def test_the_addressee_accepts_and_lands_in_the_workgroup(client, link, invitation_only):
    person = UserFactory(email="new@example.org")
    client.force_login(person)
    page = _open(client, link.token)
    assert "Join Tribal consultation" in page.content.decode()
    response = client.post("/workgroups/-/invitation/accept/")
    assert response.status_code == 302 and response["Location"] == invitation_only.url
    assert WorkgroupMembership.objects.filter(
        user=person, workgroup=invitation_only, status="active"
    ).exists()
    assert SESSION_KEY not in client.session


def test_another_account_sees_a_clear_page_without_the_title(client, link):
    client.force_login(UserFactory(email="other@example.org"))
    page = _open(client, link.token)
    html = page.content.decode()
    assert "This invitation is for another e-mail address" in html and "Tribal consultation" not in html
    assert client.post("/workgroups/-/invitation/accept/").status_code == 200
    assert not WorkgroupMembership.objects.filter(user__email="other@example.org").exists()


@pytest.mark.parametrize(
    "spoil, status, text",
    [
        (
            lambda i: WorkgroupInvitation.objects.filter(pk=i.pk).update(expires_at=timezone.now()),
            410,
            "expired",
        ),
        (
            lambda i: WorkgroupInvitation.objects.filter(pk=i.pk).update(revoked_at=timezone.now()),
            410,
            "withdrawn",
        ),
        (
            lambda i: WorkgroupInvitation.objects.filter(pk=i.pk).update(accepted_at=timezone.now()),
            410,
            "already used",
        ),
        (lambda i: WorkgroupInvitation.objects.filter(pk=i.pk).delete(), 404, "not valid"),
    ],
)
def test_unusable_links_get_a_clear_page(client, link, spoil, status, text):
    spoil(link.invitation)
    page = _open(client, link.token)
    assert page.status_code == status and text in page.content.decode()
    assert "Tribal consultation" not in page.content.decode()


def test_a_public_workgroup_may_be_named_to_the_link_holder(
    client, index_page, make_staff, django_capture_on_commit_callbacks
):
    public = WorkgroupPageFactory(
        parent=index_page, title="Youth voice", slug="youth", membership_mode="invitation"
    )
    fac = make_staff("Facilitators")
    membership_set(user=fac, workgroup=public, role=MembershipRole.FACILITATOR)
    token = _invite(django_capture_on_commit_callbacks, fac, public, "kid@example.org")[0].token
    assert "Join Youth voice" in _open(client, token).content.decode()


def test_accepting_retires_the_cached_public_page(
    settings, index_page, make_staff, django_capture_on_commit_callbacks
):
    from django.core.cache import caches
    from django.test import Client

    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "invitations-test"},
    }
    settings.ALLOWED_HOSTS = ["testserver"]
    caches["pages"].clear()
    public = WorkgroupPageFactory(
        parent=index_page, title="Youth voice", slug="youth", membership_mode="invitation"
    )
    fac = make_staff("Facilitators")
    membership_set(user=fac, workgroup=public, role=MembershipRole.FACILITATOR)
    token = _invite(django_capture_on_commit_callbacks, fac, public, "kid@example.org")[0].token
    anonymous = Client()
    assert "1 member." in anonymous.get(public.url).content.decode()
    assert anonymous.get(public.url)["X-Page-Cache"] == "HIT"
    services.invitation_accept(user=UserFactory(email="kid@example.org"), token=token)
    anonymous.cookies.clear()
    assert "2 members." in anonymous.get(public.url).content.decode()
