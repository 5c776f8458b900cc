import io

import pytest
from django.core.management import call_command

from home.models import AudiencePage, HomePage, TheoryOfChangePage, UpdatePage
from portal.accounts.models import User
from surveys.models import Response, SurveyPage


@pytest.mark.django_db
def test_demo_has_spanish_pages_people_and_answers(client):
    for _ in range(2):  # idempotent
        out = io.StringIO()
        call_command("load_demo", seed=1, stdout=out)
    assert "rosa@demo.portal.example.org" in out.getvalue() and "speaks Spanish" in out.getvalue()
    spanish = {"locale__language_code": "es"}
    assert HomePage.objects.live().filter(**spanish).count() == 1
    assert TheoryOfChangePage.objects.live().filter(**spanish).count() == 1
    assert AudiencePage.objects.live().filter(slug="foster-parents-and-supporters", **spanish).count() == 1
    assert UpdatePage.objects.live().filter(**spanish).count() == 2
    pages = {
        "/es/": "Trabajamos juntos por los niños",
        "/es/theory-of-change/": "Nuestra teoría del cambio",
        "/es/foster-parents-and-supporters/": "Para familias de crianza",
        "/es/updates/evening-meetings/": "por la tarde y la noche",
        "/es/surveys/foster-caregivers-2026/": "Encuesta para familias de crianza y familiares cuidadores",
    }
    for url, text in pages.items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert text in html, url
        assert '<html lang="es"' in html and "portal-fallback-note" not in html, url
    speakers = User.objects.filter(language="es")
    assert speakers.count() == 3
    survey = SurveyPage.objects.get(slug="foster-caregivers-2026")
    assert Response.objects.filter(survey=survey, user__in=speakers, language="es").count() == 2
