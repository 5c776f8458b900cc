"""Public pages name CFSR areas in plain words and never show internal codes (issue 12, item 3).

Codes stay in staff screens, filter query strings and the machine-readable exports; what a
reader sees (text outside tags, scripts and styles) must not contain "P1", "SF-FP" or a
survey question code like "M1".
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from agenda.models import Proposal
from agenda.services import proposal_url
from forums.models import WorkgroupIndexPage
from home.cfsr import CFSR_TERMS, plain_name
from surveys.models import SurveyPage

pytestmark = pytest.mark.django_db

CFSR_CODES = [code for code, *_rest in CFSR_TERMS]
SURVEY_CODES = ["M1", "M2", "M3", "M4"]
CODE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(c) for c in CFSR_CODES + SURVEY_CODES) + r")(?![\w-])")


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO(), stderr=StringIO())


def _public_urls() -> list[str]:
    urls = [page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()]
    urls += [f"{index.url}plan/" for index in WorkgroupIndexPage.objects.live()]
    urls += [proposal_url(p) for p in Proposal.objects.all()[:5]]
    for survey in SurveyPage.objects.live():
        urls += [f"/surveys/{survey.pk}/summary/", f"/surveys/{survey.pk}/answer/"]
    return [url for url in urls if url]


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_no_internal_code_is_visible_on_public_pages(demo, client, prefix):
    checked = 0
    for url in _public_urls():
        response = client.get(prefix + url if not url.startswith("/es/") else url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        checked += 1
        found = CODE.findall(visible_text(response.content.decode()))
        assert not found, f"{url} shows {sorted(set(found))}"
    assert checked >= 20  # the demo's public pages were really looked at


def test_tagged_update_shows_the_plain_name_in_each_language(demo, client):
    from home.models import UpdatePage

    update = UpdatePage.objects.live().filter(cfsr_terms__isnull=False).first()
    term = update.cfsr_terms.first()
    page = visible_text(client.get(update.url).content.decode())
    with translation.override("en"):
        assert plain_name(term.code) in page
    with translation.override("es"):
        spanish = plain_name(term.code)
    assert spanish != plain_name(term.code)
    assert spanish in visible_text(client.get("/es" + update.url).content.decode())


def test_analysts_still_see_question_codes(demo):
    from django.template.loader import render_to_string

    from surveys.models import SurveyPage
    from surveys.results.aggregate import survey_results

    for survey in SurveyPage.objects.live():
        results = survey_results(survey)
        codes = {q.question.display_code for q in results.questions} & set(SURVEY_CODES)
        if codes:
            break
    assert codes  # a demo survey's questions carry analysts' codes
    public = render_to_string("surveys/includes/results_body.html", {"results": results})
    staff = render_to_string("surveys/includes/results_body.html", {"results": results, "show_codes": True})
    for code in codes:
        assert not re.search(rf"(?<![\w-]){code}(?![\w-])", visible_text(public))
        assert re.search(rf"(?<![\w-]){code}(?![\w-])", visible_text(staff))
