import pytest
from django.test import override_settings

from forums.factories import CommentFactory, PlanItemFactory, TopicPageFactory
from forums.models import MembershipRole
from forums.services import membership_set

ENDPOINTS = [
    "/api/v2/plan-items/",
    "/api/v2/topics/",
    "/api/v2/events/",
    "/api/v2/surveys/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
]


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_plan_items_are_those_of_public_workgroups(client, public_data):
    data = _get(client, "/api/v2/plan-items/")
    assert [row["title"] for row in data["results"]] == ["Faster permanency"]
    assert data["results"][0]["workgroup"] == "Adoption"


def test_topics_carry_public_counts_only(client, public_data):
    data = _get(client, "/api/v2/topics/")
    topics = {row["title"]: row for row in data["results"]}
    assert set(topics) == {"Draft subsidy policy", "Closed visiting policy"}
    subsidy = topics["Draft subsidy policy"]
    assert (subsidy["comments"], subsidy["questions"], subsidy["replies"], subsidy["official_answers"]) == (
        2,
        1,
        1,
        1,
    )  # the held comment is not counted
    assert subsidy["workgroup_id"] == public_data["public"].pk
    assert [t["title"] for t in _get(client, "/api/v2/topics/", state="closed")["results"]] == [
        "Closed visiting policy"
    ]


def test_events_leave_out_drafts(client, public_data):
    assert [e["title"] for e in _get(client, "/api/v2/events/")["results"]] == ["Town hall"]


def test_surveys_only_closed_with_a_published_summary(client, public_data):
    data = _get(client, "/api/v2/surveys/")
    assert [s["title"] for s in data["results"]] == ["Family survey"]
    detail = _get(client, data["results"][0]["summary_url"])
    summary = detail["summary"]
    assert summary["responses"] == {"count": 30, "display": "30", "suppressed": False}
    cells = [o for q in summary["questions"] for o in q["options"]]
    cells += [o for q in summary["questions"] for s in q["statements"] for o in s["options"]]
    assert cells, "the summary has distributions"
    for cell in cells:
        if cell["suppressed"]:
            assert cell["count"] is None and cell["percent"] is None
        else:
            assert cell["count"] == 0 or cell["count"] >= summary["threshold"]
    assert all(
        set(q) == {"id", "label", "type", "answered", "options", "statements", "mean"}
        for q in summary["questions"]
    )  # never free text or breakdowns


def test_unpublished_survey_summary_is_404(client, public_data):
    from surveys.models import SurveyPage

    for survey in SurveyPage.objects.exclude(pk=public_data["survey"].pk):
        assert client.get(f"/api/v2/surveys/{survey.pk}/").status_code == 404


def test_wagtail_pages_leave_out_private_restricted_and_drafts(client, public_data):
    titles = {p["title"] for p in _get(client, "/api/v2/pages/", limit=100)["items"]}
    assert "Adoption" in titles and "Draft subsidy policy" in titles and "Town hall" in titles
    assert not any("SECRET" in t for t in titles)
    assert client.get(f"/api/v2/pages/{public_data['secret_topic'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{public_data['private'].pk}/").status_code == 404
    typed = _get(client, "/api/v2/pages/", type="forums.TopicPage")
    assert {p["title"] for p in typed["items"]} == {"Draft subsidy policy", "Closed visiting policy"}


def test_documents_in_restricted_collections_are_left_out(client, db):
    from wagtail.models import Collection, CollectionViewRestriction
    from wagtail_factories import DocumentFactory

    root = Collection.get_first_root_node()
    private = root.add_child(name="Partners only")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    inner = private.add_child(name="Inner")
    DocumentFactory(title="Public guide")
    DocumentFactory(title="Partner memo SECRET", collection=inner)
    titles = {d["title"] for d in _get(client, "/api/v2/documents/")["items"]}
    assert titles == {"Public guide"}


@pytest.mark.parametrize("role", ["anonymous", "member", "facilitator", "admin"])
def test_nothing_private_whoever_asks(client, public_data, role, make_staff, user):
    """Privacy as a property: the API answers everyone the same, and never with private data."""
    people = {
        "member": user,
        "facilitator": make_staff("Facilitators"),
        "admin": make_staff("Administrators"),
    }
    if role != "anonymous":
        person = people[role]
        membership_set(
            user=person,
            workgroup=public_data["private"],
            role=MembershipRole.FACILITATOR if role == "facilitator" else MembershipRole.MEMBER,
        )
        client.force_login(person)
    for url in ENDPOINTS:
        body = client.get(url, {"limit": 100} if "pages" in url else {}).content.decode()
        assert "SECRET" not in body, url
        assert "@" not in body.replace("@context", ""), url  # no e-mail address


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v2/plan-items/", {"page": "0"}),
        ("/api/v2/plan-items/", {"page": "abc"}),
        ("/api/v2/plan-items/", {"page": "99"}),
        ("/api/v2/plan-items/", {"page_size": "1000"}),
        ("/api/v2/plan-items/", {"status": "nonsense"}),
        ("/api/v2/plan-items/", {"colour": "red"}),
        ("/api/v2/topics/", {"state": "sideways"}),
        ("/api/v2/events/", {"when": "someday"}),
        ("/api/v2/pages/", {"limit": "many"}),
    ],
)
def test_bad_parameters_are_a_400_with_a_json_body(client, public_data, url, params):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()


def test_headers_are_cacheable_and_cross_origin(client, public_data):
    response = client.get("/api/v2/topics/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert not response.cookies
    pages = client.get("/api/v2/pages/")
    assert pages["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v2/topics/", {"state": "x"})["Cache-Control"] == "no-store"


@override_settings(OPENDATA_API_RATE="3/min")
def test_rate_limited_per_address(client, public_data):
    for _ in range(3):
        assert client.get("/api/v2/events/").status_code == 200
    limited = client.get("/api/v2/events/")
    assert limited.status_code == 429
    assert "Retry-After" in limited
    other = client.get("/api/v2/events/", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


@pytest.mark.parametrize("size", [1, 12])
def test_query_counts_do_not_grow(client, public_data, size, django_assert_max_num_queries):
    for i in range(size):
        topic = TopicPageFactory(parent=public_data["public"], slug=f"more-{i}")
        CommentFactory.create_batch(2, topic=topic)
        PlanItemFactory(workgroup=public_data["public"])
    for url, most in [
        ("/api/v2/plan-items/", 8),
        ("/api/v2/topics/", 10),
        ("/api/v2/events/", 8),
        ("/api/v2/surveys/", 8),
        ("/api/v2/pages/", 15),  # the locale filter asks for the default locale once
    ]:
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200
