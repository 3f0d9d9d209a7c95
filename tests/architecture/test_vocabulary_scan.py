"""What the reader vocabulary's one home promises, checked over every module in ``src/``:

* no reader-key prefix (``"d:"``, ``"u:"``) is typed outside ``metering/keys.py``: code asks
  ``is_device_key`` / ``is_account_key`` or builds keys with ``device_key`` / ``user_key``;
* no code compares a decision's ``reason`` or a reader's ``status`` with a string: it asks the
  decision's properties (``gifted``, ``promoted``...) or the status's (``entitled``...).
"""

import ast
import re
from pathlib import Path

import pytest

import masthead
from masthead.metering import ReaderStatus, Reason

SRC = Path(masthead.__file__).parent
MODULES = sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)
TEMPLATES = sorted(SRC.rglob("templates/**/*.html"))
KEYS = SRC / "metering" / "keys.py"
PREFIXES = ("d:", "u:")
WORDS = {str(r) for r in Reason} | {str(s) for s in ReaderStatus}
NAMES = {"reason", "status", "reader_status"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _leading_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        return _leading_text(node.values[0])
    return None


def key_prefixes(source: str) -> list[int]:
    """Lines of string literals (docstrings aside) that start with a reader-key prefix."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = _leading_text(node)
        elif isinstance(node, ast.Constant) and id(node) not in docs:
            text = node.value if isinstance(node.value, str) else None
        else:
            continue
        if text is not None and text.startswith(PREFIXES):
            lines.append(node.lineno)
    return sorted(set(lines))


def _named(node: ast.AST) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
    return name in NAMES


def _words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in WORDS
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_words(e) for e in node.elts)
    return False


def string_branches(source: str) -> list[int]:
    """Lines comparing a ``reason``/``status`` with one of the vocabulary's words."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_named(s) for s in sides) and any(_words(s) for s in sides):
                lines.append(node.lineno)
    return sorted(lines)


TEMPLATE_BRANCH = re.compile(
    r"\b(?:reason|status|reader_status)\s*[!=]=\s*[\"'](" + "|".join(map(re.escape, WORDS)) + ")"
)


def _rel(path: Path) -> str:
    return str(path.relative_to(SRC))


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_no_reader_key_prefix_outside_keys(path):
    if path == KEYS:
        return
    assert key_prefixes(path.read_text()) == []


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_code_branches_on_properties_not_reason_or_status_strings(path):
    assert string_branches(path.read_text()) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=_rel)
def test_templates_branch_on_properties_not_status_strings(path):
    assert TEMPLATE_BRANCH.findall(path.read_text()) == []


def test_the_scans_find_what_they_look_for():
    assert key_prefixes('x = "d:" + y\nz = f"u:{pk}"\n') == [1, 2]
    assert key_prefixes('def f():\n    """d:5b0f in a docstring"""\n') == []
    assert string_branches('a = d.reason == "gift"\nb = ctx.status != "subscriber"\n') == [1, 2]
    assert string_branches('c = reason in ("free", "promotion")\nd = s.status == "active"\n') == [1]
    assert TEMPLATE_BRANCH.findall('{% if gated.reader_status == "anonymous" %}')
