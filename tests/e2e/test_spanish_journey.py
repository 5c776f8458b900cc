"""Issue 12, "Done when": a Spanish-speaking foster parent, on a 375 px phone, in Spanish, signs
up, confirms by the Spanish e-mail, reads the Theory of Change, comments on a topic, answers
the foster-parent survey and gets a Spanish notification."""

import os
import re

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale

from forums.factories import TopicPageFactory, WorkgroupIndexPageFactory, WorkgroupPageFactory
from forums.models import Comment
from forums.moderation.services import comment_approve
from forums.services import comment_post
from home.models import HomePage, TheoryOfChangePage
from portal.accounts.factories import UserFactory
from portal.accounts.models import StakeholderGroup, User
from portal.notifications.models import NotificationKind
from surveys.demo_caregivers import sections as caregiver_sections
from surveys.factories import SurveyPageFactory, survey_index
from surveys.models import Answer, Response

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "lantern-orchard-91"
PHONE_375 = {"width": 375, "height": 812}


def _spanish(page, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code="es"))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def _world():
    home = HomePage.objects.get()
    _spanish(home, title="Trabajamos juntos por los niños")
    theory = TheoryOfChangePage(
        title="Our Theory of Change",
        slug="theory-of-change",
        intro="How the partnership believes its work leads to safer children.",
        impact=[("item", {"text": "Children grow up safe.", "detail": ""})],
    )
    home.add_child(instance=theory)
    theory.save_revision().publish()
    _spanish(
        TheoryOfChangePage.objects.get(pk=theory.pk),
        title="Nuestra teoría del cambio",
        intro="Cómo creemos que el trabajo de la alianza lleva a niños más seguros.",
        impact=[("item", {"text": "Los niños crecen seguros.", "detail": ""})],
    )
    index = WorkgroupIndexPageFactory(
        parent=HomePage.objects.get(locale__language_code="en"), slug="workgroups"
    )
    workgroup = WorkgroupPageFactory(parent=index, slug="kin", title="Kinship workgroup")
    topic = TopicPageFactory(parent=workgroup, slug="respite", title="Draft: respite days")
    group = StakeholderGroup.objects.get(slug="foster-parents-and-kin")
    survey_index()
    survey = SurveyPageFactory(
        title="Foster parent and kinship caregiver survey",
        title_es="Encuesta para familias de crianza y familiares cuidadores",
        slug="foster-caregivers",
        sections=caregiver_sections(),
        thank_you_es="Gracias. La agencia comparte en este portal lo que escuchó.",
        target_groups=[group],
    )
    facilitator = UserFactory(
        username="staff", email="staff@example.org", roles=["Moderators", "Facilitators"]
    )
    return topic, survey, group, facilitator


def _shot(page, screenshot_dir, name):
    page.screenshot(path=os.path.join(screenshot_dir, f"spanish-{name}.png"), full_page=True)


def _is_spanish(page):
    expect(page.locator("html")).to_have_attribute("lang", "es")


def test_a_spanish_speaking_foster_parent_takes_part_in_spanish(
    browser, live_server, browser_errors, screenshot_dir
):
    topic, survey, group, facilitator = _world()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE_375, locale="es-MX")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("console", browser_errors.console)
    page.on("pageerror", browser_errors.page_error)

    # Sign up in Spanish.
    page.goto("/es/accounts/signup/")
    _is_spanish(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Únase al Portal de Colaboración con las Familias"
    )
    page.fill("#id_email", "rosa@example.org")
    page.fill("#id_display_name", "Rosa")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.select_option("#id_age_band", "25+")
    box = page.locator(f"input[name=groups][value='{group.pk}']").get_attribute("id")
    page.locator(f"label[for={box}]").click()
    _shot(page, screenshot_dir, "signup-375")
    page.get_by_role("button", name="Crear mi cuenta").click()
    page.wait_for_url("**/es/accounts/confirm-email/")
    _is_spanish(page)

    # Confirm by the Spanish e-mail.
    [message] = mail.outbox
    assert message.to == ["rosa@example.org"]
    assert "Confirme" in message.subject or "confirm" in message.subject.lower()
    assert "correo" in message.body.lower()
    link = re.search(r"https?://[^/\s]+(/es/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(link)
    _is_spanish(page)
    page.get_by_role("button", name="Confirmar").click()
    page.wait_for_url("**/es/me/")
    user = User.objects.get(email="rosa@example.org")
    assert user.language == "es"

    # Read the Theory of Change, in its Spanish copy.
    page.goto("/es/theory-of-change/")
    _is_spanish(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Nuestra teoría del cambio")
    expect(page.get_by_text("Los niños crecen seguros.")).to_be_visible()
    expect(page.locator(".portal-fallback-note")).to_have_count(0)
    _shot(page, screenshot_dir, "theory-375")

    # Comment on a topic (an English topic: shown in English with the Spanish note).
    page.goto("/es" + topic.url)
    _is_spanish(page)
    expect(page.locator(".portal-fallback-note")).to_contain_text("Esta página aún no está traducida")
    page.fill("#comment-body-new", "¿Los días de relevo incluyen a las familias de parientes?")
    page.click("label[for=kind-question-new]")
    page.get_by_role("button", name="Publicar", exact=True).click()
    page.wait_for_load_state()
    _is_spanish(page)
    expect(page.get_by_text(re.compile("Su comentario está publicado|Gracias"))).to_be_visible()
    question = Comment.objects.get(author=user)
    _shot(page, screenshot_dir, "comment-375")

    # Answer the foster-parent survey, in Spanish.
    page.goto("/es" + survey.url)
    _is_spanish(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Encuesta para familias de crianza y familiares cuidadores"
    )
    page.get_by_role("link", name="Empezar la encuesta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apoyo para su familia")
    expect(page.get_by_text("¿Cómo cuida usted a un niño en este momento?")).to_be_visible()
    page.get_by_text("Familiar cuidador", exact=True).click()
    page.get_by_text("De acuerdo", exact=True).click()
    page.get_by_text("Cuidado de relevo", exact=True).click()
    _shot(page, screenshot_dir, "survey-375")
    page.get_by_role("button", name="Siguiente").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lo que le ayudaría")
    page.get_by_text("Sí", exact=True).click()
    page.get_by_role("button", name="Enviar mis respuestas").click()
    page.wait_for_url(f"**/es/surveys/-/{survey.pk}/thank-you/")
    _is_spanish(page)
    expect(page.get_by_text("Gracias. La agencia comparte en este portal lo que escuchó.")).to_be_visible()
    _shot(page, screenshot_dir, "survey-done-375")
    response = Response.objects.get(survey=survey, user=user)
    assert response.language == "es"
    stored = set(Answer.objects.filter(response=response).values_list("choice", flat=True))
    assert {"Relative or kin caregiver", "4", "Respite care", "Yes"} <= stored  # the English values

    # The agency answers; she is told in Spanish (in the portal and by e-mail).
    mail.outbox.clear()
    if question.state != "published":
        comment_approve(comment=question, by=facilitator)
    comment_post(
        topic=topic,
        author=facilitator,
        body="Sí: los días de relevo son para todas las familias cuidadoras.",
        parent=Comment.objects.get(pk=question.pk),
        official=True,
    )
    answered = next(m for m in mail.outbox if m.to == ["rosa@example.org"])
    with translation.override("es"):
        assert answered.subject.endswith(str(NotificationKind.OFFICIAL_ANSWER.label))
    assert "An official answer to my question" not in answered.subject
    page.goto("/es/notifications/")
    _is_spanish(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Notificaciones")
    expect(
        page.locator("main").get_by_role("link", name=re.compile("respite|relevo", re.I)).first
    ).to_be_visible()
    _shot(page, screenshot_dir, "notifications-375")
    context.close()
    assert not browser_errors.messages, "\n".join(browser_errors.messages)
