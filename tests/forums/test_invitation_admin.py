"""Admin screens for invitations and the person picker, per role; bad input keeps what was typed."""

import pytest
from django.core import mail

from forums.factories import WorkgroupPageFactory
from forums.invitations import services
from forums.models import MembershipRole, WorkgroupInvitation
from forums.services import membership_set
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
INDEX = "/admin/workgroups/invitations/"
NEW = "/admin/workgroups/invitations/new/"
CHOOSER = "/admin/people/choose/results/"


@pytest.fixture
def groups(index_page):
    this = WorkgroupPageFactory(
        parent=index_page, title="Tribal consultation", slug="tribal", membership_mode="invitation"
    )
    other = WorkgroupPageFactory(parent=index_page, title="Youth voice", slug="youth")
    return this, other


@pytest.fixture
def people(groups, make_staff):
    this, other = groups
    member = UserFactory(display_name="Mina Member")
    membership_set(user=member, workgroup=this)
    facilitator = make_staff("Facilitators", display_name="Fran")
    membership_set(user=facilitator, workgroup=this, role=MembershipRole.FACILITATOR)
    elsewhere = make_staff("Facilitators", display_name="Otto")
    membership_set(user=elsewhere, workgroup=other, role=MembershipRole.FACILITATOR)
    result = {
        "anonymous": None,
        "participant": UserFactory(),
        "member": member,
        "facilitator": facilitator,
        "facilitator_elsewhere": elsewhere,
        "moderator": make_staff("Moderators"),
        "admin": make_staff("Administrators"),
    }
    for person in result.values():
        if person is not None and person.groups.exists():
            totp_activate(user=person, secret=SECRET)
    return result


@pytest.fixture
def waiting(groups, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.invitations_create(
            by=people["facilitator"], workgroup=groups[0], emails=["guest@example.org"]
        )[0].invitation


def _as(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


# role -> (sees the list and the form, may act on this workgroup's invitations)
MATRIX = {
    "anonymous": (False, False),
    "participant": (False, False),
    "member": (False, False),
    "facilitator": (True, True),
    "facilitator_elsewhere": (True, False),
    "moderator": (False, False),
    "admin": (True, True),
}


@pytest.mark.parametrize("role", MATRIX)
def test_invitation_screens_per_role(
    client, people, groups, waiting, role, django_capture_on_commit_callbacks
):
    sees, acts = MATRIX[role]
    client = _as(client, people, role)
    listing = client.get(INDEX)
    assert (listing.status_code == 200) is sees
    if sees:
        assert ("guest@example.org" in listing.content.decode()) is acts  # only their own workgroups
    assert (client.get(NEW).status_code == 200) is sees
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(NEW, {"workgroup": groups[0].pk, "emails": "new@example.org", "language": "en"})
    assert WorkgroupInvitation.objects.filter(email="new@example.org").exists() is acts
    if sees and not acts:
        assert posted.status_code == 200 and "Select a valid choice" in posted.content.decode()
    resend = client.post(f"{INDEX}{waiting.pk}/resend/")
    revoke = client.post(f"{INDEX}{waiting.pk}/revoke/")
    waiting.refresh_from_db()
    assert (waiting.revoked_at is not None) is acts
    if not acts:  # refused: Wagtail answers a refusal in the admin with a redirect and a message
        assert resend.status_code in (302, 403) and revoke.status_code in (302, 403)
        assert waiting.send_count == 1


def test_bad_addresses_keep_the_typed_text_and_save_nothing(client, people, groups, waiting):
    client.force_login(people["facilitator"])
    typed = "ok@example.org, nope, mina-member@example.org\nguest@example.org"
    people["member"].email = "mina-member@example.org"
    people["member"].save()
    people["member"].emailaddress_set.update(email="mina-member@example.org")
    response = client.post(
        NEW, {"workgroup": groups[0].pk, "emails": typed, "message": "Hi", "language": "en"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "“nope” is not an e-mail address." in html
    assert "mina-member@example.org is already a member." in html
    assert "guest@example.org is already invited" in html
    assert "ok@example.org, nope" in html  # what was typed stays in the box
    assert not WorkgroupInvitation.objects.filter(email="ok@example.org").exists()


def test_resend_makes_a_new_link_and_mails_it(client, people, waiting, django_capture_on_commit_callbacks):
    client.force_login(people["facilitator"])
    mail.outbox.clear()
    old_hash = waiting.token_hash
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{INDEX}{waiting.pk}/resend/")
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.send_count == 2 and waiting.token_hash != old_hash
    assert [m.to for m in mail.outbox] == [["guest@example.org"]]


def test_menu_shows_invitations_to_facilitators_only(client, people):
    client.force_login(people["facilitator"])
    assert INDEX in client.get("/admin/").content.decode()
    client.force_login(people["moderator"])
    assert INDEX not in client.get("/admin/").content.decode()


# --- The person picker -----------------------------------------------------------------------


@pytest.fixture
def crowd(db):
    return [UserFactory(display_name=f"Dana {n}", email=f"dana{n}@example.org") for n in range(3)] + [
        UserFactory(display_name="Gone", email="gone@example.org", is_active=False)
    ]


def test_picker_searches_name_and_email_active_accounts_only(client, people, crowd):
    client.force_login(people["admin"])
    html = client.get(CHOOSER, {"q": "dana"}).content.decode()
    assert all(f"dana{n}@example.org" in html for n in range(3))
    assert "Gone" not in client.get(CHOOSER, {"q": "gone"}).content.decode()
    assert "Dana 1" in client.get(CHOOSER, {"q": "dana1@"}).content.decode()
    browse = client.get(CHOOSER).content.decode()  # administrators may browse
    assert "Dana 0" in browse


def test_facilitators_must_search_and_see_masked_addresses(client, people, crowd):
    client.force_login(people["facilitator"])
    assert "Dana" not in client.get(CHOOSER).content.decode()
    assert "Dana" not in client.get(CHOOSER, {"q": "da"}).content.decode()
    found = client.get(CHOOSER, {"q": "dana"}).content.decode()
    assert "Dana 0" in found and "dana0@example.org" not in found and "d•••@example.org" in found
    exact = client.get(CHOOSER, {"q": "dana2@example.org"}).content.decode()
    assert "dana2@example.org" in exact


@pytest.mark.parametrize("role", ["moderator", "participant"])
def test_people_without_a_reason_to_pick_get_nobody(client, people, crowd, role):
    client.force_login(people[role])
    response = client.get(CHOOSER, {"q": "dana"})
    assert response.status_code in (200, 302, 403)
    assert "Dana" not in response.content.decode()


def test_membership_form_uses_the_picker_not_a_dropdown(client, people, groups, crowd):
    client.force_login(people["facilitator"])
    html = client.get("/admin/workgroups/memberships/new/").content.decode()
    assert "/admin/people/choose/" in html
    assert "Dana 0" not in html  # no list of every account in the page


def test_workgroup_page_links_its_facilitators_to_the_invitation_form(client, people, groups):
    link = f"/admin/workgroups/invitations/new/?workgroup={groups[0].pk}"
    client.force_login(people["facilitator"])
    assert link in client.get(groups[0].url).content.decode()
    client.force_login(people["member"])
    assert link not in client.get(groups[0].url).content.decode()
    response = client.get(NEW, {"workgroup": groups[0].pk})
    assert response.status_code in (302, 403)  # a member does not reach the form


def _queries(client, url, **params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_invitation_list_queries_do_not_grow_with_invitations(client, people, groups):
    client.force_login(people["facilitator"])

    def add(count, start):
        services.invitations_create(
            by=people["facilitator"],
            workgroup=groups[0],
            emails=[f"guest{n}@example.org" for n in range(start, start + count)],
        )

    add(2, 0)
    _queries(client, INDEX)  # the first admin request of a session loads its caches
    few = _queries(client, INDEX)
    add(15, 100)
    assert _queries(client, INDEX) == few


def test_person_picker_queries_do_not_grow_with_people(client, people):
    client.force_login(people["admin"])
    UserFactory.create_batch(2, display_name="Sam")
    _queries(client, CHOOSER, q="sam")  # the first admin request of a session loads its caches
    few = _queries(client, CHOOSER, q="sam")
    UserFactory.create_batch(15, display_name="Sam")
    assert _queries(client, CHOOSER, q="sam") == few
