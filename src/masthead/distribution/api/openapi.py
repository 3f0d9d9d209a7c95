"""The OpenAPI 3 description of ``/api/v1/``, served at ``/api/v1/openapi.json``."""

from django.conf import settings

from .newsletters_openapi import newsletter_paths


def _error():
    return {"$ref": "#/components/schemas/Error"}


def _json(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": _json(_error(), "Bad request"),
    "401": _json(_error(), "Not authenticated"),
    "404": _json(_error(), "Not found"),
}


def openapi_document() -> dict:
    article = {
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
            "section": {
                "type": ["object", "null"],
                "properties": {"slug": {"type": "string"}, "title": {"type": "string"}},
            },
            "authors": {
                "type": "array",
                "items": {
                    "type": "object",
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
        },
    }
    detail = {
        "allOf": [
            {"$ref": "#/components/schemas/Article"},
            {
                "type": "object",
                "required": ["body", "gated"],
                "properties": {
                    "body": {"type": "string", "description": "HTML; the preview only when gated"},
                    "gated": {"type": "boolean"},
                    "wall": {
                        "type": ["string", "null"],
                        "enum": [
                            "registration",
                            "subscription",
                            "trial-expired",
                            "access-expired",
                            "subscribers-only",
                            None,
                        ],
                    },
                },
            },
        ]
    }
    meter = {
        "type": "object",
        "properties": {
            "limit": {"type": ["integer", "null"]},
            "used": {"type": "integer"},
            "remaining": {"type": ["integer", "null"]},
            "resets_at": {"type": "string", "format": "date-time"},
        },
    }
    page_param = {
        "name": "page",
        "in": "query",
        "required": False,
        "schema": {"type": "integer", "minimum": 1, "maximum": 1000000},
    }
    document = {
        "openapi": "3.1.0",
        "info": {"title": f"{settings.WAGTAIL_SITE_NAME} API", "version": "1"},
        "servers": [{"url": settings.SITE_URL}],
        "paths": {
            "/api/v1/articles/": {
                "get": {
                    "summary": "Published articles, newest first",
                    "parameters": [
                        {
                            "name": "section",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "topic",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string"},
                        },
                        page_param,
                    ],
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["results", "next"],
                                "properties": {
                                    "results": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Article"},
                                    },
                                    "next": {"type": ["string", "null"]},
                                    "count": {"type": "integer"},
                                },
                            }
                        ),
                        **ERRORS,
                    },
                }
            },
            "/api/v1/articles/{id}/": {
                "get": {
                    "summary": "One article, through the paywall; counts on the meter",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    ],
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/ArticleDetail"}),
                        **ERRORS,
                    },
                }
            },
            "/api/v1/me/": {
                "get": {
                    "summary": "The caller's entitlement and meter",
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["status", "meter"],
                                "properties": {
                                    "status": {
                                        "type": "string",
                                        "enum": ["anonymous", "registered", "subscriber"],
                                    },
                                    "meter": meter,
                                },
                            }
                        ),
                        **ERRORS,
                    },
                }
            },
            "/api/v1/tokens/": {
                "post": {
                    "summary": "Issue an API token with e-mail and password",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["email", "password"],
                                    "properties": {
                                        "email": {"type": "string"},
                                        "password": {"type": "string"},
                                        "name": {"type": "string"},
                                    },
                                }
                            }
                        },
                    },
                    "responses": {
                        "201": _json(
                            {
                                "type": "object",
                                "properties": {
                                    "token": {"type": "string"},
                                    "id": {"type": "integer"},
                                },
                            },
                            "Created",
                        ),
                        **ERRORS,
                        "409": _json(_error(), "The reader already holds 20 active tokens"),
                        "429": _json(_error(), "Too many failed sign-in attempts"),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Article": article,
                "ArticleDetail": detail,
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string"},
                                "message": {"type": "string"},
                            },
                        }
                    },
                },
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
    document["paths"].update(newsletter_paths(ERRORS))
    return document
