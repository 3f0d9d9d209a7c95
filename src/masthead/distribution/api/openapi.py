"""The OpenAPI 3 description of ``/api/v1/``, served at ``/api/v1/openapi.json``.

Every route of ``urls`` is here, with every status its view answers (405 on a method the path
does not take, 415 on a body in another media type) and who may call it (``security``: a bearer
token from ``POST /api/v1/tokens/``, the session cookie, or anybody). The schemas are in
``openapi_schemas``; ``tests/distribution/test_openapi.py`` validates real answers against them.
"""

from django.conf import settings

from .comments_openapi import comment_paths
from .newsletters_openapi import newsletter_paths
from .openapi_schemas import (
    ANYONE,
    COMPONENTS,
    ERRORS,
    SIGNED_IN,
    UNSUPPORTED_MEDIA_TYPE,
    json_response,
    ref,
)


def _id_param(description):
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "description": description,
        "schema": {"type": "integer", "minimum": 1},
    }


def _query(name, schema):
    return {"name": name, "in": "query", "required": False, "schema": schema}


def _article_paths() -> dict:
    listing = {
        "type": "object",
        "required": ["results", "next", "count"],
        "properties": {
            "results": {"type": "array", "items": ref("Article")},
            "next": {"type": ["string", "null"], "format": "uri"},
            "count": {"type": "integer"},
        },
    }
    gift = {
        "type": "object",
        "required": ["url", "expires_at", "remaining_this_month"],
        "properties": {
            "url": {"type": "string", "format": "uri"},
            "expires_at": {"type": "string", "format": "date-time"},
            "remaining_this_month": {"type": "integer"},
        },
    }
    return {
        "/api/v1/articles/": {
            "get": {
                "summary": "Published articles, newest first",
                "parameters": [
                    _query("section", {"type": "string"}),
                    _query("topic", {"type": "string"}),
                    _query("page", {"type": "integer", "minimum": 1, "maximum": 1000000}),
                ],
                "responses": {"200": json_response(listing), **ERRORS},
            }
        },
        "/api/v1/articles/{id}/": {
            "get": {
                "summary": "One article, through the paywall; counts on the meter",
                "security": ANYONE,
                "parameters": [
                    _id_param("The article's id"),
                    _query("gift", {"type": "string", "maxLength": 64}),
                ],
                "responses": {"200": json_response(ref("ArticleDetail")), **ERRORS},
            }
        },
        "/api/v1/articles/{id}/gifts/": {
            "post": {
                "summary": "A subscriber creates a gift link to the article",
                "security": SIGNED_IN,
                "parameters": [_id_param("The article's id")],
                "responses": {
                    "201": json_response(gift, "Created"),
                    **ERRORS,
                    "403": json_response(ref("Error"), "Not a subscriber, or no CSRF token"),
                    "429": json_response(ref("Error"), "No gift links left this month"),
                },
            }
        },
    }


def _account_paths() -> dict:
    credentials = {
        "type": "object",
        "required": ["email", "password"],
        "properties": {
            "email": {"type": "string"},
            "password": {"type": "string"},
            "name": {"type": "string"},
        },
    }
    issued = {
        "type": "object",
        "required": ["token", "id", "created_at"],
        "properties": {
            "token": {"type": "string", "description": "Send as 'Authorization: Bearer <token>'"},
            "id": {"type": "integer"},
            "created_at": {"type": "string", "format": "date-time"},
        },
    }
    return {
        "/api/v1/me/": {
            "get": {
                "summary": "The caller's entitlement and meter",
                "security": ANYONE,
                "responses": {"200": json_response(ref("Me")), **ERRORS},
            }
        },
        "/api/v1/tokens/": {
            "post": {
                "summary": "Issue an API token with e-mail and password",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": credentials},
                        "application/x-www-form-urlencoded": {"schema": credentials},
                    },
                },
                "responses": {
                    "201": json_response(issued, "Created"),
                    **ERRORS,
                    "403": json_response(ref("Error"), "The account's e-mail is not confirmed"),
                    "409": json_response(ref("Error"), "The reader already holds 20 active tokens"),
                    **UNSUPPORTED_MEDIA_TYPE,
                    "429": json_response(ref("Error"), "Too many failed sign-in attempts"),
                },
            }
        },
        "/api/v1/tokens/{id}/": {
            "delete": {
                "summary": "Revoke one of the caller's tokens",
                "security": SIGNED_IN,
                "parameters": [_id_param("The token's id")],
                "responses": {
                    "204": {"description": "Revoked"},
                    **ERRORS,
                    "403": json_response(ref("Error"), "No CSRF token with a session"),
                },
            }
        },
    }


def openapi_document() -> dict:
    document = {
        "openapi": "3.1.0",
        "info": {"title": f"{settings.WAGTAIL_SITE_NAME} API", "version": "1"},
        "servers": [{"url": settings.SITE_URL}],
        "paths": {**_article_paths(), **_account_paths()},
        "components": COMPONENTS,
    }
    document["paths"].update(newsletter_paths(ERRORS, SIGNED_IN, UNSUPPORTED_MEDIA_TYPE))
    document["paths"].update(comment_paths())
    return document
