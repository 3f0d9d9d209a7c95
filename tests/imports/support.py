"""Shared helpers of the import tests: run ``masthead import`` in-process, read the report."""

import json
from pathlib import Path

from masthead.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
THEME_DATA = FIXTURES / "themeunittestdata.wordpress.xml"


def run_import(capsys, tmp_path, *args) -> tuple[int, dict | None, str]:
    """``(exit status, report or None, stderr)`` of ``masthead import ARGS --report``."""
    report = tmp_path / "report.json"
    report.unlink(missing_ok=True)
    code = main(["import", *map(str, args), "--report", str(report)])
    err = capsys.readouterr().err
    return code, (json.loads(report.read_text()) if report.exists() else None), err


def created(report: dict) -> dict[str, int]:
    return {kind: c["created"] for kind, c in report["counts"].items()}
