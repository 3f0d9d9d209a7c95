"""The comment endpoints' part of the OpenAPI description (``openapi``)."""

from .openapi_schemas import ANYONE, ERRORS, SIGNED_IN, UNSUPPORTED_MEDIA_TYPE, json_response, ref

_FIELDS = {
    "id": {"type": "integer"},
    "author": {"type": ["string", "null"], "description": "Display name; null once deleted"},
    "staff": {"type": "boolean", "description": "Written by a member of staff"},
    "body": {"type": "string", "description": "Plain text; empty once deleted"},
    "created_at": {"type": "string", "format": "date-time"},
    "edited_at": {"type": ["string", "null"], "format": "date-time"},
    "likes": {"type": "integer"},
    "status": {"type": "string", "enum": ["published", "pending", "held", "rejected"]},
    "featured": {"type": "boolean"},
    "deleted": {"type": "boolean"},
    "parent": {"type": ["integer", "null"]},
}
_REQUIRED = ["id", "author", "body", "created_at", "likes", "status", "replies"]
REPLY = {"type": "object", "required": _REQUIRED[:-1], "properties": _FIELDS}
COMMENT = {
    "type": "object",
    "required": _REQUIRED,
    "properties": {
        **_FIELDS,
        "replies": {"type": "array", "items": REPLY, "description": "Empty for a reply"},
    },
}
THREAD = {
    "type": "object",
    "required": ["count", "gated", "results"],
    "properties": {
        "count": {"type": "integer", "description": "Published comments and replies"},
        "gated": {
            "type": "boolean",
            "description": "True when the caller may not read the whole article: no results",
        },
        "open": {"type": "boolean", "description": "New comments are accepted"},
        "sort": {"type": "string", "enum": ["newest", "oldest", "liked"]},
        "results": {"type": "array", "items": COMMENT},
    },
}
NEW_COMMENT = {
    "type": "object",
    "required": ["body"],
    "properties": {
        "body": {"type": "string", "minLength": 1, "maxLength": 10000},
        "parent": {"type": ["integer", "null"], "description": "The comment replied to"},
    },
}


def _id(description):
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "integer", "minimum": 1},
    }


REPORT = {
    "type": "object",
    "required": ["reason"],
    "properties": {
        "reason": {
            "type": "string",
            "enum": ["abuse", "spam", "off-topic", "misinformation", "other"],
        },
        "note": {"type": "string", "maxLength": 500},
    },
}
LIKES = {
    "type": "object",
    "required": ["id", "likes", "liked"],
    "properties": {
        "id": {"type": "integer"},
        "likes": {"type": "integer"},
        "liked": {"type": "boolean"},
    },
}
_REFUSED = {
    "403": json_response(ref("Error"), "Refused (your own comment, no CSRF token...)"),
    "429": json_response(ref("Error"), "Too fast"),
}


def _comment_actions() -> dict:
    comment = _id("The comment's id")
    return {
        "/api/v1/comments/{id}/": {
            "delete": {
                "summary": "The author deletes their comment",
                "security": SIGNED_IN,
                "parameters": [comment],
                "responses": {"204": {"description": "Deleted"}, **ERRORS, **_REFUSED},
            }
        },
        "/api/v1/comments/{id}/likes/": {
            "post": {
                "summary": "Like a comment (once)",
                "security": SIGNED_IN,
                "parameters": [comment],
                "responses": {"200": json_response(LIKES), **ERRORS, **_REFUSED},
            },
            "delete": {
                "summary": "Take a like back",
                "security": SIGNED_IN,
                "parameters": [comment],
                "responses": {"200": json_response(LIKES), **ERRORS, **_REFUSED},
            },
        },
        "/api/v1/comments/{id}/reports/": {
            "post": {
                "summary": "Report a comment to the moderators, with a reason",
                "security": SIGNED_IN,
                "parameters": [comment],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": REPORT}},
                },
                "responses": {
                    "201": json_response(
                        {
                            "type": "object",
                            "required": ["id", "reported"],
                            "properties": {
                                "id": {"type": "integer"},
                                "reported": {"type": "boolean"},
                            },
                        },
                        "Reported",
                    ),
                    **ERRORS,
                    **_REFUSED,
                    **UNSUPPORTED_MEDIA_TYPE,
                },
            }
        },
    }


def comment_paths() -> dict:
    article = _id("The article's id")
    sort = {
        "name": "sort",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": ["newest", "oldest", "liked"]},
    }
    return {
        "/api/v1/articles/{id}/comments/": {
            "get": {
                "summary": "The article's comments, for a caller who may read all of it; never "
                "counts on the meter",
                "security": ANYONE,
                "parameters": [article, sort],
                "responses": {"200": json_response(THREAD), **ERRORS},
            },
            "post": {
                "summary": "Comment on the article, or reply to a comment",
                "security": SIGNED_IN,
                "parameters": [article],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": NEW_COMMENT},
                        "application/x-www-form-urlencoded": {"schema": NEW_COMMENT},
                    },
                },
                "responses": {
                    "201": json_response(COMMENT, "Created (status published or pending)"),
                    **ERRORS,
                    "400": json_response(ref("Error"), "Empty, over 10,000 characters, refused"),
                    "403": json_response(
                        ref("Error"), "Not allowed to comment here (gated, closed, suspended...)"
                    ),
                    **UNSUPPORTED_MEDIA_TYPE,
                    "429": json_response(ref("Error"), "Commenting too fast"),
                },
            },
        },
        **_comment_actions(),
    }
