"""An engagement lead (two-step sign-in) marks a partner red with a reason and plans a PIP
development action; the eco-map shows the red link with its label, the gap list updates, and
the public summary shows no colour."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from engagement.factories import PartnerFactory
from engagement.models import EngagementAction
from portal.accounts.factories import DEFAULT_PASSWORD, UserFactory
from portal.accounts.mfa import totp_activate, totp_current_code

SECRET = "JBSWY3DPEHPK3PXP"


def _sign_in(page, email, next_url):
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form:has(input[name=login]) button[type=submit]").first.click()
    page.wait_for_selector("input[name=code]")
    page.fill("input[name=code]", totp_current_code(secret=SECRET))
    page.locator("form:has(input[name=code]) button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the roles' groups
def test_lead_marks_partner_red_and_plans_an_action(page, browser, live_server, screenshot_dir):
    lead = UserFactory(email="lead@example.org", display_name="Lead", roles=["Engagement leads"])
    totp_activate(user=lead, secret=SECRET)
    partner = PartnerFactory(name="Red Cedar Band ICWA Office", kind="tribe", listed_publicly=True)
    for index, kind in enumerate(["court", "youth", "parents", "provider", "education", "health"]):
        PartnerFactory(name=f"Partner {index}", kind=kind)

    _sign_in(page, lead.email, "/admin/engagement/")
    # The admin header's title is an h1 (a context variable named `heading` used to replace it).
    expect(page.get_by_role("heading", name="Stakeholder engagement", level=1)).to_be_visible()
    page.screenshot(path=os.path.join(screenshot_dir, "engagement-dashboard.png"), full_page=True)

    page.goto(f"/admin/engagement/partners/{partner.pk}/status/")
    page.get_by_label("Red").check()
    page.get_by_role("button", name="Save the new status").click()
    expect(page.locator(".error-message")).to_contain_text("required")  # no reason: refused, nothing saved
    page.get_by_label("Red").check()
    page.fill("textarea[name=reason]", "Meetings stopped after the placement policy change.")
    page.get_by_role("button", name="Save the new status").click()
    expect(page.get_by_text("is now marked Red")).to_be_visible()

    page.goto("/admin/engagement/eco-map/")
    link = page.locator(f"line[data-partner='{partner.pk}']")
    expect(link).to_have_attribute("data-status", "red")
    expect(page.locator(f"g.ecomap-node[data-partner='{partner.pk}'] .ecomap-status-label")).to_have_text(
        "✕ Red"
    )
    expect(page.locator("#gap-unplanned")).to_contain_text(partner.name)

    page.goto("/admin/engagement/actions/new/")
    page.select_option("select[name=partner]", str(partner.pk))
    page.select_option("select[name=method]", "meeting")
    page.fill("input[name=description]", "Listening session with the ICWA office")
    page.select_option("select[name=phase]", "pip-development")
    page.fill("input[name=due_on]", (timezone.localdate() + timedelta(days=30)).isoformat())
    # Wagtail's date picker stays open after typing and can cover the submit button, so
    # submit from a text field with Enter, as a keyboard user would.
    page.locator("input[name=description]").press("Enter")
    expect(page.get_by_text("created")).to_be_visible()
    assert EngagementAction.objects.filter(partner=partner, phase="pip-development").exists()

    page.goto("/admin/engagement/eco-map/")
    expect(page.locator("#gap-unplanned")).not_to_contain_text(partner.name)
    page.screenshot(path=os.path.join(screenshot_dir, "engagement-ecomap-1280.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=os.path.join(screenshot_dir, "engagement-ecomap-375.png"), full_page=True)

    page.goto("/engagement/")
    expect(page.get_by_role("heading", name="Working with our partners")).to_be_visible()
    expect(page.get_by_text(partner.name)).to_be_visible()
    body = page.locator("main").inner_text()
    assert "Red" not in body.replace("Red Cedar", "") and "Green" not in body and "Yellow" not in body
