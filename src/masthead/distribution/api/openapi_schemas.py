"""The component schemas and shared responses of the OpenAPI description (``openapi``):
the shapes ``serializers`` produces, field for field."""

from masthead.metering import ReaderStatus, Wall

# The statuses a reader is told (``ReaderStatus.account``: a lapsed reader is registered).
TOLD_STATUSES = list(dict.fromkeys(str(status.account) for status in ReaderStatus))


def json_response(schema, description="OK", headers=None):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema):
    return {**schema, "type": [schema["type"], "null"]}


ERRORS = {
    "400": json_response(ref("Error"), "Bad request"),
    "401": json_response(ref("Error"), "Not authenticated, or the bearer token is not valid"),
    "404": json_response(ref("Error"), "Not found"),
    "405": json_response(
        ref("Error"),
        "Method not allowed",
        headers={
            "Allow": {
                "description": "The methods this path answers",
                "required": True,
                "schema": {"type": "string"},
            }
        },
    ),
}
UNSUPPORTED_MEDIA_TYPE = {
    "415": json_response(ref("Error"), "The request body is not in a media type listed here")
}

# Who may call an operation: a bearer token, the session cookie, or (where listed) anybody.
SIGNED_IN = [{"bearer": []}, {"session": []}]
ANYONE = [*SIGNED_IN, {}]

SLUG_TITLE = {
    "type": "object",
    "required": ["slug", "title"],
    "properties": {"slug": {"type": "string"}, "title": {"type": "string"}},
}
TOPIC = {
    "type": "object",
    "required": ["slug", "name"],
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
}
METER = {
    "type": "object",
    "required": ["limit", "used", "remaining", "resets_at"],
    "properties": {
        "limit": {"type": ["integer", "null"]},
        "used": {"type": "integer"},
        "remaining": {"type": ["integer", "null"]},
        "resets_at": {"type": "string", "format": "date-time"},
    },
}
ARTICLE = {
    "type": "object",
    "required": [
        "id",
        "url",
        "headline",
        "standfirst",
        "section",
        "authors",
        "published_at",
        "access",
        "sponsored",
    ],
    "properties": {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri"},
        "headline": {"type": "string"},
        "standfirst": {"type": "string"},
        "section": _nullable(SLUG_TITLE),
        "authors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "role", "slug"],
                "properties": {
                    "name": {"type": "string"},
                    "role": {"type": "string"},
                    "slug": {"type": "string"},
                },
            },
        },
        "published_at": {"type": ["string", "null"], "format": "date-time"},
        "access": {"type": "string", "enum": ["metered", "free", "subscribers"]},
        "sponsored": {"type": "boolean"},
        "comment_count": {
            "type": "integer",
            "minimum": 0,
            "description": "Published comments (in the list; the thread is "
            "/api/v1/articles/{id}/comments/).",
        },
    },
}
LEAD_IMAGE = {
    "type": ["object", "null"],
    "required": ["url", "width", "height", "alt", "caption", "credit"],
    "properties": {
        "url": {"type": "string", "format": "uri"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": {"type": "string"},
        "caption": {"type": "string"},
        "credit": {"type": "string"},
    },
}
ARTICLE_DETAIL = {
    "allOf": [
        ref("Article"),
        {
            "type": "object",
            "required": [
                "dateline",
                "topics",
                "primary_topic",
                "lead_image",
                "body",
                "contributor_note",
                "gated",
                "wall",
                "meter",
            ],
            "properties": {
                "dateline": {"type": "string", "description": "Where the story was filed"},
                "topics": {"type": "array", "items": TOPIC},
                "primary_topic": _nullable(TOPIC),
                "lead_image": LEAD_IMAGE,
                "body": {"type": "string", "description": "HTML; the preview only when gated"},
                "contributor_note": {
                    "type": "string",
                    "description": "Empty unless the caller may read the full text",
                },
                "gated": {"type": "boolean"},
                "wall": {
                    "type": ["string", "null"],
                    "enum": [*(str(wall) for wall in Wall), None],
                },
                "meter": {
                    "description": "This read on the meter; null when no meter applies or the "
                    "read was not counted (HEAD, prefetch)",
                    "type": ["object", "null"],
                    "required": [*METER["required"], "message"],
                    "properties": {
                        **METER["properties"],
                        "message": {"type": ["string", "null"]},
                    },
                },
                "sponsor": {
                    "description": "Only on a sponsored article",
                    "type": "object",
                    "required": ["name", "label"],
                    "properties": {"name": {"type": "string"}, "label": {"type": "string"}},
                },
            },
        },
    ]
}
ME = {
    "type": "object",
    "required": ["status", "meter"],
    "properties": {
        "status": {"type": "string", "enum": TOLD_STATUSES},
        "meter": METER,
        "email": {"type": "string", "description": "Only when the caller is signed in"},
    },
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
COMPONENTS = {
    "schemas": {"Article": ARTICLE, "ArticleDetail": ARTICLE_DETAIL, "Me": ME, "Error": ERROR},
    "securitySchemes": {
        "bearer": {"type": "http", "scheme": "bearer"},
        "session": {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "The web site's session; writes also need the CSRF token "
            "(X-CSRFToken header)",
        },
    },
}
