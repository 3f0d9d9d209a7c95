"""The layer cake holds in templates and URL-name strings too, not only in imports.

An app's templates load template-tag libraries of, and reverse URL names (``{% url %}``;
``reverse()``/``reverse_lazy()``/``redirect()`` with a literal name in its modules) from, only
itself or the layers below it, as ``pyproject.toml``'s layers contract orders them. Siblings
of one layer are independent here as in imports. Libraries and URLs that are not an app's
(Django's, Wagtail's, allauth's, ``masthead.parts``) are open to every layer. A higher layer
that has something to show on a lower layer's page registers a part (``masthead/parts.py``).
"""

import ast
import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse

import masthead

SRC = Path(masthead.__file__).parent
PYPROJECT = SRC.parent.parent / "pyproject.toml"
LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL_TAG = re.compile(r"""{%\s*url\s+["']([^"']+)["']""")
STATIC_TAG = re.compile(r"""{%\s*static\s+["']([a-z_]+)/""")
REVERSERS = {"reverse", "reverse_lazy", "redirect", "resolve_url"}


def _ranks() -> dict[str, int]:
    """Each app's height in the layer cake (higher imports lower)."""
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    return {
        app.strip().strip("()"): len(layers) - height
        for height, layer in enumerate(layers)
        for app in layer.split("|")
    }


RANKS = _ranks()


def app_of(module: str) -> str | None:
    """The app a dotted module belongs to, ``None`` outside the layer cake."""
    parts = module.split(".")
    if parts[0] == "masthead" and len(parts) > 1 and parts[1] in RANKS:
        return parts[1]
    return None


def may_use(app: str, other: str | None) -> bool:
    return other is None or other == app or RANKS[other] < RANKS[app]


def _url_apps() -> dict[str, set[str | None]]:
    names: dict[str, set[str | None]] = {}

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = [*namespace, pattern.namespace] if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                view = getattr(pattern.callback, "view_class", pattern.callback)
                names.setdefault(":".join([*namespace, pattern.name]), set()).add(
                    app_of(view.__module__)
                )

    walk(get_resolver().url_patterns, [])
    return names


def _owner(apps: set[str | None]) -> str | None:
    """The lowest app serving a name (a name served by several is usable from the lowest)."""
    ranked = [a for a in apps if a is not None]
    return min(ranked, key=RANKS.__getitem__) if len(ranked) == len(apps) else None


TEMPLATES = sorted(p for p in SRC.glob("*/templates/**/*.html") if p.parts[-1])
MODULES = sorted(p for p in SRC.glob("*/**/*.py") if "migrations" not in p.parts)


def _app_of_path(path: Path) -> str | None:
    return app_of("masthead." + path.relative_to(SRC).parts[0])


def template_uses(source: str) -> tuple[list[str], list[str]]:
    """The tag libraries a template loads and the URL names it reverses."""
    libraries = [lib for group in LOAD.findall(source) for lib in group.split()]
    return libraries, URL_TAG.findall(source)


def module_url_names(source: str) -> list[str]:
    """URL names passed as literals to ``reverse()`` and friends."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            value = getattr(node.args[0], "value", None)
            if name in REVERSERS and isinstance(value, str) and not value.startswith(("/", "http")):
                found.append(value)
    return found


@pytest.fixture(scope="module")
def url_apps():
    return _url_apps()


def _rel(path: Path) -> str:
    return str(path.relative_to(SRC))


@pytest.mark.parametrize("path", [p for p in TEMPLATES if _app_of_path(p)], ids=_rel)
def test_templates_use_only_their_layer_and_below(path, url_apps):
    app = _app_of_path(path)
    libraries, names = template_uses(path.read_text())
    known = engines["django"].engine.libraries
    wrong = [f"{{% load {lib} %}}" for lib in libraries if not may_use(app, app_of(known[lib]))]
    wrong += [
        f"{{% static '{prefix}/...' %}}"
        for prefix in STATIC_TAG.findall(path.read_text())
        if prefix in RANKS and not may_use(app, prefix)
    ]
    for name in names:
        assert name in url_apps, f"{{% url {name!r} %}} names no route"
        if not may_use(app, _owner(url_apps[name])):
            wrong.append(f"{{% url {name!r} %}}")
    assert wrong == []


@pytest.mark.parametrize("path", [p for p in MODULES if _app_of_path(p)], ids=_rel)
def test_modules_reverse_only_their_layer_and_below(path, url_apps):
    app = _app_of_path(path)
    wrong = [
        name
        for name in module_url_names(path.read_text())
        if name in url_apps and not may_use(app, _owner(url_apps[name]))
    ]
    assert wrong == []


def module_paths(source: str) -> list[str]:
    """String literals that look like a site path (``"/account/#gifts"``), without query or
    fragment: a hard-coded path to another app's page is a reversed URL name in disguise."""
    found = []
    for node in ast.walk(ast.parse(source)):
        value = getattr(node, "value", None) if isinstance(node, ast.Constant) else None
        if isinstance(value, str) and re.fullmatch(r"/[a-z0-9][a-z0-9/_-]*/([?#].*)?", value):
            found.append(re.split(r"[?#]", value)[0])
    return found


def _path_app(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    view = getattr(match.func, "view_class", match.func)
    return app_of(view.__module__)


@pytest.mark.parametrize("path", [p for p in MODULES if _app_of_path(p)], ids=_rel)
def test_modules_hard_code_no_path_of_a_higher_layer(path):
    app = _app_of_path(path)
    wrong = [p for p in module_paths(path.read_text()) if not may_use(app, _path_app(p))]
    assert wrong == []


def test_the_account_page_setting_is_members_account_url():
    assert reverse("members:account") == settings.READER_ACCOUNT_URL
    assert settings.LOGIN_REDIRECT_URL == settings.READER_ACCOUNT_URL


def test_the_scan_sees_what_it_checks(url_apps):
    assert module_paths('x = "/account/#gifts"\ny = "/accounts/login/?next=/n/"\nz = "a/b"') == [
        "/account/",
        "/accounts/login/",
    ]
    assert _path_app("/account/") == "members" and not may_use("newsroom", "members")
    assert _path_app("/accounts/login/") is None  # allauth's: open to every layer
    assert template_uses('{% load static parts %}{% url "comments:thread" 1 %}') == (
        ["static", "parts"],
        ["comments:thread"],
    )
    assert module_url_names('reverse("billing:subscribe")\nredirect("/x/")') == [
        "billing:subscribe"
    ]
    assert STATIC_TAG.findall("{% static 'comments/thread.js' %}{% static 'css/a.css' %}") == [
        "comments",
        "css",
    ]
    assert _owner(url_apps["comments:thread"]) == "comments"
    assert not may_use("newsroom", "comments") and may_use("comments", "newsroom")
    assert not may_use("newsletters", "comments")  # siblings are independent
    assert app_of(engines["django"].engine.libraries["newsletter_tags"]) == "newsletters"
    assert app_of(engines["django"].engine.libraries["parts"]) is None
