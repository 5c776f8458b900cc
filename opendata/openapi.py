"""The OpenAPI 3.0 description of the read API, served at /api/v2/openapi.json.

Written by hand, kept honest by tests/opendata/test_openapi.py, which validates this
document and checks real responses of every endpoint against its schemas.
"""

from django.http import JsonResponse
from django.views.decorators.cache import cache_control

NULLABLE_STR = {"type": "string", "nullable": True}
NULLABLE_DT = {"type": "string", "format": "date-time", "nullable": True}
NULLABLE_NUM = {"type": "string", "nullable": True, "description": "A decimal, as text."}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _page_of(name: str) -> dict:
    return {
        "type": "object",
        "required": ["count", "next", "previous", "results"],
        "properties": {
            "count": {"type": "integer"},
            "next": {"type": "string", "nullable": True},
            "previous": {"type": "string", "nullable": True},
            "results": {"type": "array", "items": _ref(name)},
        },
    }


def _obj(properties: dict, required=None) -> dict:
    return {"type": "object", "required": required or list(properties), "properties": properties}


CELL = _obj(
    {
        "count": {"type": "integer", "nullable": True, "description": "Null when suppressed."},
        "display": {"type": "string", "description": 'The number, or "fewer than N" / "hidden".'},
        "suppressed": {"type": "boolean"},
    }
)
OPTION = {
    "allOf": [
        _ref("Cell"),
        _obj({"label": {"type": "string"}, "percent": {"type": "number", "nullable": True}}),
    ]
}
SCHEMAS = {
    "Error": {
        "type": "object",
        "additionalProperties": True,
        "description": "Field name (or `detail`) to a message or list of messages.",
    },
    "PlanItem": _obj(
        {
            "id": {"type": "integer"},
            "workgroup_id": {"type": "integer"},
            "workgroup": {"type": "string"},
            "parent_id": {"type": "integer", "nullable": True},
            "level": {"type": "string", "enum": ["goal", "strategy", "action"]},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "owner": {"type": "string"},
            "status": {"type": "string", "enum": ["not_started", "on_track", "at_risk", "delayed", "done"]},
            "start_date": {"type": "string", "format": "date", "nullable": True},
            "due_date": {"type": "string", "format": "date", "nullable": True},
            "measure": {"type": "string"},
            "unit": {"type": "string"},
            "baseline": NULLABLE_NUM,
            "target": NULLABLE_NUM,
            "current": NULLABLE_NUM,
            "progress_percent": {"type": "integer", "nullable": True},
            "cfsr_terms": {"type": "array", "items": {"type": "string"}},
            "updated_at": {"type": "string", "format": "date-time"},
        }
    ),
    "Topic": _obj(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "workgroup_id": {"type": "integer"},
            "question": {"type": "string"},
            "opens_at": NULLABLE_DT,
            "closes_at": NULLABLE_DT,
            "state": {"type": "string", "enum": ["upcoming", "open", "closed"]},
            "comments": {"type": "integer", "description": "Published top-level comments."},
            "questions": {"type": "integer", "description": "Published questions."},
            "replies": {"type": "integer"},
            "official_answers": {"type": "integer"},
            "cfsr_terms": {"type": "array", "items": {"type": "string"}},
            "last_published_at": NULLABLE_DT,
        }
    ),
    "Event": _obj(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "start": {"type": "string", "format": "date-time"},
            "end": {"type": "string", "format": "date-time"},
            "time_zone": {"type": "string"},
            "location_name": {"type": "string"},
            "address": {"type": "string"},
            "online_url": {"type": "string"},
        }
    ),
    "Survey": _obj(
        {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "summary_url": {"type": "string"},
            "opens_at": NULLABLE_DT,
            "closes_at": NULLABLE_DT,
            "is_anonymous": {"type": "boolean"},
        }
    ),
    "Cell": CELL,
    "Option": OPTION,
    "SurveySummary": {
        "allOf": [
            _ref("Survey"),
            _obj(
                {
                    "summary": _obj(
                        {
                            "threshold": {"type": "integer"},
                            "responses": _ref("Cell"),
                            "enough_responses": {"type": "boolean"},
                            "questions": {
                                "type": "array",
                                "items": _obj(
                                    {
                                        "id": {"type": "string"},
                                        "label": {"type": "string"},
                                        "type": {"type": "string"},
                                        "answered": _ref("Cell"),
                                        "options": {"type": "array", "items": _ref("Option")},
                                        "statements": {
                                            "type": "array",
                                            "items": _obj(
                                                {
                                                    "statement": {"type": "string"},
                                                    "answered": _ref("Cell"),
                                                    "options": {"type": "array", "items": _ref("Option")},
                                                }
                                            ),
                                        },
                                        "mean": NULLABLE_STR,
                                    }
                                ),
                            },
                        }
                    )
                }
            ),
        ]
    },
    "WagtailListing": _obj(
        {
            "meta": _obj({"total_count": {"type": "integer"}}),
            "items": {
                "type": "array",
                "items": _obj({"id": {"type": "integer"}, "meta": {"type": "object"}}),
            },
        }
    ),
}
PAGE_PARAMS = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
    {"name": "page_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
]
ERRORS = {
    "400": {
        "description": "A parameter that is not valid.",
        "content": {"application/json": {"schema": _ref("Error")}},
    },
    "429": {
        "description": "Too many requests from this address; see Retry-After.",
        "content": {"application/json": {"schema": _ref("Error")}},
    },
}


def _choice(name: str, values: list[str]) -> dict:
    return {"name": name, "in": "query", "schema": {"type": "string", "enum": values}}


def _list(summary: str, schema: str, params: list) -> dict:
    ok = {"description": "A page of results.", "content": {"application/json": {"schema": _page_of(schema)}}}
    return {
        "get": {"summary": summary, "parameters": [*params, *PAGE_PARAMS], "responses": {"200": ok, **ERRORS}}
    }


def _wagtail(summary: str) -> dict:
    ok = {
        "description": "Wagtail API v2 listing.",
        "content": {"application/json": {"schema": _ref("WagtailListing")}},
    }
    params = [
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
        {"name": "offset", "in": "query", "schema": {"type": "integer"}},
        {"name": "search", "in": "query", "schema": {"type": "string"}},
    ]
    return {"get": {"summary": summary, "parameters": params, "responses": {"200": ok, **ERRORS}}}


def build_spec() -> dict:
    statuses = ["not_started", "on_track", "at_risk", "delayed", "done"]
    survey_ok = {
        "description": "The survey with its suppressed summary.",
        "content": {"application/json": {"schema": _ref("SurveySummary")}},
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Family Partnership Portal open data API",
            "version": "1.0",
            "description": "Read-only public content: nothing of private workgroups, drafts, people "
            "or raw survey responses. Counts below the suppression threshold are withheld.",
        },
        "paths": {
            "/api/v2/pages/": _wagtail("Public pages (Wagtail API v2)."),
            "/api/v2/images/": _wagtail("Images outside restricted collections (Wagtail API v2)."),
            "/api/v2/documents/": _wagtail("Documents outside restricted collections (Wagtail API v2)."),
            "/api/v2/plan-items/": _list(
                "Plan items of public workgroups.",
                "PlanItem",
                [
                    _choice("status", statuses),
                    _choice("level", ["goal", "strategy", "action"]),
                    {"name": "workgroup", "in": "query", "schema": {"type": "integer"}},
                    {"name": "cfsr", "in": "query", "schema": {"type": "string"}},
                ],
            ),
            "/api/v2/topics/": _list(
                "Topics of public workgroups with public comment counts.",
                "Topic",
                [_choice("state", ["open", "closed", "upcoming"])],
            ),
            "/api/v2/events/": _list("Public events.", "Event", [_choice("when", ["upcoming", "past"])]),
            "/api/v2/surveys/": _list("Closed surveys with a published summary.", "Survey", []),
            "/api/v2/surveys/{survey_id}/": {
                "get": {
                    "summary": "One published survey summary.",
                    "parameters": [
                        {"name": "survey_id", "in": "path", "required": True, "schema": {"type": "integer"}}
                    ],
                    "responses": {
                        "200": survey_ok,
                        "404": {"description": "No published summary."},
                        **ERRORS,
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


@cache_control(public=True, max_age=3600)
def openapi_view(request):
    response = JsonResponse(build_spec())
    response["Access-Control-Allow-Origin"] = "*"
    return response
