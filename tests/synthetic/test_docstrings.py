"""Every worked example in the synthetic traffic's module docstrings runs as written, and the
package, like the engine it drives, imports only the standard library and the engine."""

import ast
import doctest
import importlib
import sys
from pathlib import Path

import pytest

import masthead.synthetic as synthetic


@pytest.mark.parametrize("name", ["model", "lifecycle", "history", "population", "engagement"])
def test_worked_examples(name: str) -> None:
    module = importlib.import_module(f"masthead.synthetic.{name}")
    assert module.__doc__ and ">>>" in module.__doc__
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


def test_imports_only_the_standard_library_and_the_engine() -> None:
    for path in Path(synthetic.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                ok = name.split(".")[0] in sys.stdlib_module_names or name == "__future__"
                assert ok or name.startswith("masthead.metering"), (path, name)
