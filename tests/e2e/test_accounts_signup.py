"""A newcomer signs up in Chromium, confirms the e-mail, picks groups, downloads their data."""

import json
import os
import re

import pytest
from django.core import mail

from portal.accounts.factories import RegionFactory
from portal.accounts.models import Membership, User

PASSWORD = "lantern-orchard-91"


def _shot(page, screenshot_dir, name):
    page.screenshot(path=os.path.join(screenshot_dir, f"accounts-{name}.png"), full_page=True)


@pytest.mark.django_db(transaction=True)
def test_sign_up_verify_pick_groups_and_download_data(page, phone_page, live_server, screenshot_dir):
    RegionFactory(name="Riverbend County", slug="riverbend-county")

    page.goto("/accounts/signup/")
    page.fill("#id_email", "newcomer@example.org")
    page.fill("#id_display_name", "Avery")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.select_option("#id_age_band", "25+")
    page.locator("label", has_text="Foster parents and kinship caregivers").click()
    page.select_option("#id_region", label="Riverbend County")
    _shot(page, screenshot_dir, "signup-desktop")
    page.get_by_role("button", name="Create my account").click()

    page.wait_for_url("**/accounts/confirm-email/")
    assert "Verify Your Email Address" in page.content() or "verification" in page.content().lower()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["newcomer@example.org"]
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)

    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/me/")
    assert page.get_by_role("heading", name="My portal", level=1).is_visible()
    assert "Please confirm your e-mail" not in page.content()

    page.get_by_role("link", name="Change my profile and groups").click()
    page.locator("label", has_text="Education").click()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/me/")
    groups = page.locator(".portal-groups").inner_text()
    assert "Foster parents and kinship caregivers" in groups and "Education" in groups
    _shot(page, screenshot_dir, "my-portal-desktop")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my data").click()
    download = download_info.value
    assert download.suggested_filename.startswith("my-portal-data-")
    with open(download.path(), encoding="utf-8") as handle:
        data = json.load(handle)
    assert data["account"]["email"] == "newcomer@example.org"
    assert data["account"]["display_name"] == "Avery"
    assert data["account"]["region"] == "Riverbend County"
    assert data["email_addresses"] == [{"email": "newcomer@example.org", "verified": True, "primary": True}]
    assert {g["group"] for g in data["stakeholder_groups"]} == {
        "Foster parents and kinship caregivers",
        "Education",
    }
    user = User.objects.get(email="newcomer@example.org")
    assert Membership.objects.filter(user=user).count() == 2

    # The same person on a phone: the login page, then My portal.
    page.goto("/accounts/logout/")
    _shot(page, screenshot_dir, "logout-desktop")
    page.goto("/accounts/login/")
    _shot(page, screenshot_dir, "login-desktop")
    phone_page.goto("/accounts/signup/")
    _shot(phone_page, screenshot_dir, "signup-phone")
    phone_page.goto("/accounts/login/")
    phone_page.fill("#id_login", "newcomer@example.org")
    phone_page.fill("#id_password", PASSWORD)
    _shot(phone_page, screenshot_dir, "login-phone")
    phone_page.get_by_role("button", name="Sign In").click()
    phone_page.wait_for_url("**/me/")
    _shot(phone_page, screenshot_dir, "my-portal-phone")
