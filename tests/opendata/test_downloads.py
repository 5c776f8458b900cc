import csv
import io
import json

import pytest


def test_page_lists_each_dataset_with_its_dictionary(client, public_data):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in ("plan-items", "topic-feedback", "survey-summaries"):
        assert f"/open-data/{slug}.csv" in html and f"/open-data/{slug}.json" in html
    assert "Data dictionary" in html and "<code>due_date</code>" in html
    assert not response.cookies
    assert "public" in response["Cache-Control"]


def test_footer_links_to_open_data(client, public_data):
    assert 'href="/open-data/"' in client.get("/").content.decode()


@pytest.mark.parametrize("slug", ["plan-items", "topic-feedback", "survey-summaries"])
def test_downloads_are_public_data_only(client, public_data, slug):
    csv_response = client.get(f"/open-data/{slug}.csv")
    assert csv_response.status_code == 200
    assert "attachment" in csv_response["Content-Disposition"]
    text = csv_response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    assert "SECRET" not in text
    data = json.loads(client.get(f"/open-data/{slug}.json").content)
    assert data["made_at"] and data["fields"] and len(data["rows"]) == len(rows)
    assert {f["name"] for f in data["fields"]} == set(rows[0])


def test_survey_download_suppresses_small_counts(client, public_data, settings):
    rows = json.loads(client.get("/open-data/survey-summaries.json").content)["rows"]
    threshold = max(5, settings.SUPPRESSION_THRESHOLD)
    for row in rows:
        if row["suppressed"]:
            assert row["count"] is None
        else:
            assert row["count"] == 0 or row["count"] >= threshold


def test_feedback_download_has_what_we_did(client, public_data):
    rows = json.loads(client.get("/open-data/topic-feedback.json").content)["rows"]
    assert [(r["topic"], r["what_we_did"]) for r in rows] == [("Closed visiting policy", "We added them.")]


@pytest.mark.parametrize("url", ["/open-data/nothing.csv", "/open-data/plan-items.xml"])
def test_unknown_downloads_are_404(client, db, url):
    assert client.get(url).status_code == 404
