"""Every worked example in the engine's module docstrings runs as written."""

import doctest
import importlib

import pytest

import masthead.metering as metering

MODULES = [
    "",
    ".policy",
    ".channels",
    ".keys",
    ".months",
    ".meter",
    ".decision",
    ".outcomes",
    ".rules",
    ".readings",
    ".ledger",
    ".messages",
    ".replays",
    ".estimate",
    ".assignment",
]


@pytest.mark.parametrize("suffix", MODULES)
def test_worked_examples(suffix: str) -> None:
    module = importlib.import_module("masthead.metering" + suffix)
    assert module.__doc__ and ">>>" in module.__doc__
    result = doctest.testmod(module, extraglobs=vars(metering), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_engine_imports_only_the_standard_library() -> None:
    import ast
    import sys
    from pathlib import Path

    package = Path(metering.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", (path, name)
