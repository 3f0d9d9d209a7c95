"""The newsletter endpoints' part of the OpenAPI description."""


def _json(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


SLUGS = {
    "type": "object",
    "required": ["subscribed"],
    "properties": {"subscribed": {"type": "array", "items": {"type": "string"}}},
}
NEWSLETTER = {
    "type": "object",
    "required": ["slug", "name", "description", "visibility"],
    "properties": {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "description": {"type": "string"},
        "visibility": {"type": "string", "enum": ["registered", "subscribers"]},
    },
}


def newsletter_paths(errors: dict, signed_in: list, unsupported_media_type: dict) -> dict:
    refused = _json({"$ref": "#/components/schemas/Error"}, "Refused (subscribers only)")
    return {
        "/api/v1/newsletters/": {
            "get": {
                "summary": "Every active newsletter",
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["results"],
                            "properties": {"results": {"type": "array", "items": NEWSLETTER}},
                        }
                    ),
                    **errors,
                },
            }
        },
        "/api/v1/me/newsletters/": {
            "get": {
                "summary": "The caller's newsletter subscriptions (signed in only)",
                "security": signed_in,
                "responses": {"200": _json(SLUGS), **errors},
            },
            "put": {
                "summary": "Replace the caller's newsletter subscriptions",
                "security": signed_in,
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": SLUGS}},
                },
                "responses": {
                    "200": _json(SLUGS),
                    "403": refused,
                    **errors,
                    **unsupported_media_type,
                },
            },
        },
    }
