"""The OpenAPI description is valid, and real responses of every endpoint match it."""

import pytest
from jsonschema import Draft4Validator
from openapi_spec_validator import validate

from opendata.openapi import build_spec


def _nullable_to_jsonschema(node):
    """OpenAPI 3.0's `nullable` as JSON Schema (enough for these documents)."""
    if isinstance(node, list):
        return [_nullable_to_jsonschema(n) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _nullable_to_jsonschema(v) for k, v in node.items()}
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def _check(spec: dict, path: str, status: str, body) -> None:
    schema = spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]
    root = _nullable_to_jsonschema({**schema, "components": spec["components"]})
    errors = list(Draft4Validator(root).iter_errors(body))
    assert not errors, [e.message for e in errors[:3]]


def test_the_description_is_valid_openapi(client, db):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    validate(response.json())


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/plan-items/",
        "/api/v2/topics/",
        "/api/v2/events/",
        "/api/v2/surveys/",
        "/api/v2/pages/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ],
)
def test_real_responses_match_the_description(client, public_data, path):
    spec = build_spec()
    response = client.get(path)
    assert response.status_code == 200
    body = response.json()
    assert body.get("results") or body.get("items") or path in ("/api/v2/images/", "/api/v2/documents/")
    _check(spec, path, "200", body)
    bad = client.get(path, {"page": "x"} if "pages" not in path else {"limit": "x"})
    assert bad.status_code == 400
    _check(spec, path, "400", bad.json())


def test_survey_summary_matches_the_description(client, public_data):
    spec = build_spec()
    body = client.get(f"/api/v2/surveys/{public_data['survey'].pk}/").json()
    _check(spec, "/api/v2/surveys/{survey_id}/", "200", body)


def test_a_wrong_response_would_fail(public_data):
    spec = build_spec()
    with pytest.raises(AssertionError):
        _check(
            spec,
            "/api/v2/topics/",
            "200",
            {"count": 1, "next": None, "previous": None, "results": [{"id": "one"}]},
        )
