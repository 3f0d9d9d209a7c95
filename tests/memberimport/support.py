"""Running ``masthead import members`` / ``export members`` in-process, as the CLI does."""

import json
from pathlib import Path

from masthead.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "members"
GHOST = FIXTURES / "ghost"


def write_csv(tmp_path: Path, text: str, name: str = "members.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def import_members(path: Path, *options: str, tmp_path: Path) -> tuple[int, dict]:
    """(exit status, report) of ``masthead import members PATH OPTIONS... --report``."""
    report = tmp_path / "report.json"
    report.unlink(missing_ok=True)
    code = main(["import", "members", str(path), *options, "--report", str(report)])
    return code, (json.loads(report.read_text()) if report.exists() else {})


def export_members(path: Path) -> int:
    return main(["export", "members", str(path)])


def rejected_lines(report: dict) -> dict[str, str]:
    return {item["where"]: item["reason"] for item in report["rejected"]}
