"""A facilitator invites an e-mail address; the person (new to the portal) signs up from the
link, confirms the e-mail, lands on the invitation, accepts, is a member and can post."""

import os
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import MembershipRole, WorkgroupMembership
from forums.services import membership_set
from home.models import HomePage
from portal.accounts.factories import UserFactory
from portal.accounts.mfa import totp_activate
from tests.e2e.test_moderation_queue import SECRET, _sign_in

PASSWORD = "lantern-orchard-91"


def _shot(page, screenshot_dir, name):
    page.screenshot(path=os.path.join(screenshot_dir, f"invitation-{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_invited_newcomer_signs_up_accepts_and_posts(page, browser, live_server, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(
        parent=index,
        title="Tribal consultation",
        slug="tribal",
        membership_mode="invitation",
        is_private=True,
    )
    topic = TopicPageFactory(parent=workgroup, title="Draft ICWA notice letter", slug="icwa")
    facilitator = UserFactory(email="fran@example.org", display_name="Fran", roles=["Facilitators"])
    totp_activate(user=facilitator, secret=SECRET)
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)

    # The facilitator invites from Workgroups → Invitations.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    _sign_in(admin, facilitator.email, code_secret=SECRET, next_url="/admin/")
    admin.goto("/admin/workgroups/invitations/")
    admin.get_by_role("link", name="Invite people").click()
    admin.locator("#id_workgroup").select_option(label="Tribal consultation")
    admin.locator("#id_emails").fill("lena@example.org")
    admin.locator("#id_message").fill("We would value your voice on the notice letter.")
    _shot(admin, screenshot_dir, "admin-form")
    admin.get_by_role("button", name="Send the invitations").click()
    expect(admin.get_by_text("Invitations sent to lena@example.org.")).to_be_visible()
    expect(admin.get_by_test_id("invitation").filter(has_text="lena@example.org")).to_be_visible()
    _shot(admin, screenshot_dir, "admin-list")
    context.close()

    invitation_mail = next(m for m in mail.outbox if m.to == ["lena@example.org"])
    path = re.search(r"https?://[^/\s]+(/workgroups/-/invitation/#t=\S+)", invitation_mail.body).group(1)
    mail.outbox.clear()

    # The newcomer opens the link: the script posts the token, the page asks them to sign up.
    page.goto(path)
    expect(page.get_by_role("link", name="Create an account")).to_be_visible()
    assert "#t=" not in page.url and "Tribal consultation" not in page.content()  # private until accepted
    _shot(page, screenshot_dir, "signed-out")
    page.get_by_role("link", name="Create an account").click()
    page.fill("#id_email", "lena@example.org")
    page.fill("#id_display_name", "Lena")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.select_option("#id_age_band", "25+")
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/accounts/confirm-email/")

    confirmation = next(m for m in mail.outbox if m.to == ["lena@example.org"])
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", confirmation.body).group(1)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    # Back on the invitation, now as its addressee: the title shows, and they accept.
    page.wait_for_url("**/workgroups/-/invitation/accept/")
    expect(page.get_by_role("heading", name="Join Tribal consultation")).to_be_visible()
    expect(page.get_by_text("We would value your voice on the notice letter.")).to_be_visible()
    _shot(page, screenshot_dir, "accept")
    page.get_by_role("button", name="Accept and join").click()
    expect(page.get_by_text("Welcome! You are now a member of Tribal consultation.")).to_be_visible()
    membership = WorkgroupMembership.objects.get(user__email="lena@example.org", workgroup=workgroup)
    assert membership.status == "active" and membership.decided_by == facilitator

    page.goto(topic.url)
    page.fill("#comment-body-new", "Please send the letter in our language too.")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.get_by_text("Please send the letter in our language too.").first).to_be_visible()
    _shot(page, screenshot_dir, "posted")


@pytest.mark.django_db(transaction=True)
def test_facilitator_picks_a_person_by_searching(browser, live_server, screenshot_dir):
    index = WorkgroupIndexPageFactory(parent=HomePage.objects.first(), slug="workgroups")
    workgroup = WorkgroupPageFactory(parent=index, title="Kinship care", slug="kinship")
    facilitator = UserFactory(email="fran@example.org", display_name="Fran", roles=["Facilitators"])
    totp_activate(user=facilitator, secret=SECRET)
    membership_set(user=facilitator, workgroup=workgroup, role=MembershipRole.FACILITATOR)
    UserFactory(email="rosa.rivera@example.org", display_name="Rosa Rivera")
    UserFactory(email="other@example.org", display_name="Someone Else")

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    admin = context.new_page()
    _sign_in(admin, facilitator.email, code_secret=SECRET, next_url="/admin/")
    admin.goto("/admin/workgroups/memberships/new/")
    # The workgroup is a page chooser; this test is about the person picker.
    admin.locator("#id_workgroup").evaluate("(el, value) => { el.value = value; }", str(workgroup.pk))
    admin.get_by_role("button", name="Choose a person").click()
    modal = admin.locator(".modal-content")
    expect(modal.get_by_text("Rosa Rivera")).to_have_count(0)  # no list of everyone
    modal.get_by_placeholder("Search by name or e-mail").fill("rosa")
    expect(modal.get_by_role("link", name="Rosa Rivera")).to_be_visible()
    expect(modal.get_by_text("r•••@example.org")).to_be_visible()
    expect(modal.get_by_text("Someone Else")).to_have_count(0)
    admin.screenshot(path=os.path.join(screenshot_dir, "invitation-person-picker.png"), full_page=True)
    modal.get_by_role("link", name="Rosa Rivera").click()
    expect(admin.locator("[data-chooser-title]").filter(has_text="Rosa Rivera")).to_be_visible()
    admin.get_by_role("button", name="Create").click()
    expect(admin.get_by_text("created").first).to_be_visible()
    assert WorkgroupMembership.objects.filter(
        user__email="rosa.rivera@example.org", workgroup=workgroup
    ).exists()
    context.close()
