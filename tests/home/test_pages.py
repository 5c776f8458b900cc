import pytest
from wagtail.models import Site
from wagtail.test.utils import WagtailTestUtils  # noqa: F401  (documents where helpers live)

from home import factories
from home.models import CfsrTerm, HomePage, UpdatePage


@pytest.mark.django_db
def test_the_site_root_is_the_portal_home_page(client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    assert b"Skip to main content" in response.content


@pytest.mark.django_db
def test_cfsr_vocabulary_has_seven_outcomes_and_seven_systemic_factors():
    kinds = list(CfsrTerm.objects.values_list("kind", flat=True))
    assert kinds.count("outcome") == 7
    assert kinds.count("systemic") == 7


@pytest.mark.django_db
def test_home_page_shows_featured_initiatives_and_latest_updates(client, initiative, make_updates):
    make_updates(2, title="Evening meetings start")
    response = client.get("/")
    html = response.content.decode()
    assert "Kin first" in html
    assert "Evening meetings start" in html
    assert 'aria-label="Breadcrumbs"' not in html


@pytest.mark.django_db
def test_page_meta_has_description_open_graph_and_canonical(client, initiative):
    initiative.search_description = "Relatives first when a child cannot stay home."
    initiative.save_revision().publish()
    html = client.get("/initiatives/kin-first/").content.decode()
    assert '<meta name="description" content="Relatives first when a child cannot stay home.">' in html
    assert '<meta property="og:title" content="Kin first">' in html
    assert 'rel="canonical" href="http://localhost/initiatives/kin-first/"' in html
    assert 'property="og:url"' in html


@pytest.mark.django_db
def test_breadcrumbs_follow_the_page_ancestors(client, initiative):
    html = client.get("/initiatives/kin-first/").content.decode()
    nav = html[html.index('aria-label="Breadcrumbs"') :]
    nav = nav[: nav.index("</nav>")]
    assert nav.index("Home") < nav.index("Initiatives") < nav.index("Kin first")
    assert 'aria-current="page"' in nav


@pytest.mark.django_db
def test_theory_of_change_diagram_reads_left_to_right_and_links_initiatives(client, theory, initiative):
    html = client.get("/theory-of-change/").content.decode()
    headings = [
        "Need",
        "Who",
        "Strategies and activities",
        "Outputs",
        "Short-term outcomes",
        "Intermediate outcomes",
        "Long-term outcomes",
        "Impact",
    ]
    positions = [html.index(f"</span> {h}</h2>") for h in headings]
    assert positions == sorted(positions)
    assert "Too many moves" in html and "Children thrive" in html
    assert 'href="/initiatives/kin-first/"' in html
    assert 'href="/theory-of-change/text/"' in html


@pytest.mark.django_db
def test_theory_of_change_text_view_includes_details(client, theory):
    response = client.get("/theory-of-change/text/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "text-only version" in html
    assert "Long term" in html  # an item's detail, shown only in the text view
    assert 'class="toc-diagram"' not in html


@pytest.mark.django_db
def test_initiative_links_to_the_theory_of_change_and_its_updates(client, initiative, make_updates, theory):
    initiative.cfsr_terms.set(CfsrTerm.objects.filter(code__in=["P1", "SF-FP"]))
    initiative.save_revision().publish()
    make_updates(1, title="Navigator hired")
    html = client.get("/initiatives/kin-first/").content.decode()
    assert 'href="/theory-of-change/"' in html
    assert "Navigator hired" in html
    assert "Stable, lasting homes for children" in html and "Permanency 1" not in html
    assert "/updates/?initiative=kin-first" in html


@pytest.mark.django_db
def test_update_shows_the_role_not_a_personal_name_unless_chosen(client, make_updates):
    [update] = make_updates(1, title="Role only", author_role="Communications team")
    html = client.get(update.url).content.decode()
    assert "By Communications team" in html
    update.byline_name = "Dana Reyes"
    update.save_revision().publish()
    html = client.get(update.url).content.decode()
    assert "By Dana Reyes, Communications team" in html
    assert 'href="/initiatives/kin-first/"' in html


@pytest.mark.django_db
def test_every_page_type_renders(client, home_page, theory, initiative, update_index, event_index):
    factories.UpdatePageFactory(parent=update_index, slug="one-update")
    factories.EventPageFactory(parent=event_index, slug="one-event")
    factories.AudiencePageFactory(
        parent=home_page, slug="youth", featured=[("page", {"page": theory, "blurb": "Start"})]
    )
    factories.StandardPageFactory(parent=home_page, slug="about")
    factories.ResourceIndexPageFactory(parent=home_page, slug="resources")
    for url in [
        "/",
        "/theory-of-change/",
        "/initiatives/",
        "/initiatives/kin-first/",
        "/updates/",
        "/updates/one-update/",
        "/events/",
        "/events/past/",
        "/events/one-event/",
        "/youth/",
        "/about/",
        "/resources/",
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_update_pages_only_live_under_the_update_index(home_page):
    assert not UpdatePage.can_create_at(home_page)
