"""Plain language in the browser: CFSR areas by name, a Spanish notification for a Spanish reader,
the portal's own sign-in labels."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from home.models import InitiativePage
from portal.accounts.factories import UserFactory
from portal.notifications.models import NotificationKind
from portal.notifications.services import notify

pytestmark = pytest.mark.django_db(transaction=True)


def test_public_page_names_cfsr_areas_plainly(phone_page, live_server, screenshot_dir):
    call_command("load_demo", stdout=StringIO(), stderr=StringIO())
    initiative = InitiativePage.objects.live().filter(cfsr_terms__isnull=False).first()
    phone_page.goto("/es" + initiative.url)
    tags = phone_page.locator(".portal-cfsr")
    expect(tags).to_be_visible()
    for code in ("P1", "P2", "S2", "WB1", "SF-FP", "SF-SA"):
        expect(tags).not_to_contain_text(code)
    phone_page.screenshot(path=os.path.join(screenshot_dir, "plain-cfsr-es.png"), full_page=True)


def test_spanish_reader_sees_a_spanish_notification(phone_page, live_server, password, screenshot_dir):
    person = UserFactory(language="es", password=password)
    notify(
        recipient=person,
        kind=NotificationKind.REPLY,
        message="%(person)s replied to your comment on “%(topic)s”.",
        params={"person": "Dana R.", "topic": "Respiro"},
        url="/",
    )
    phone_page.goto("/es/accounts/login/")
    expect(phone_page.get_by_label("Recordarme")).to_be_visible()
    expect(phone_page.get_by_label("Dirección de correo electrónico")).to_be_visible()
    phone_page.screenshot(path=os.path.join(screenshot_dir, "plain-login-es.png"), full_page=True)
    phone_page.fill("#id_login", person.email)
    phone_page.fill("#id_password", password)
    phone_page.get_by_role("button", name="Iniciar sesión").last.click()
    phone_page.goto("/es/notifications/")
    expect(phone_page.get_by_text("Dana R. respondió a su comentario sobre “Respiro”.")).to_be_visible()
    phone_page.screenshot(path=os.path.join(screenshot_dir, "plain-notification-es.png"), full_page=True)
