"""Resuming is idempotence: each batch of items is committed in one transaction with their
source keys, so a second run after a partial or killed one finishes the job with no
duplicate and no half-written article."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from masthead.imports import run as import_run
from masthead.imports.command import run_command
from masthead.imports.models import ImportedItem
from masthead.newsroom.models import ArticlePage

from .support import run_import
from .wxr import item, wxr

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def _file(tmp_path, n: int) -> Path:
    path = tmp_path / "many.xml"
    body = "<p>One paragraph.</p><p>Two paragraphs.</p>"
    path.write_text(wxr("".join(item(k, f"Story {k}", body) for k in range(1, n + 1))))
    return path


@pytest.mark.django_db
def test_a_second_run_after_a_partial_one_finishes_the_job(site, capsys, tmp_path, monkeypatch):
    path = _file(tmp_path, 12)
    from masthead.imports.sources import wordpress

    real = wordpress.read

    def cut_short(*args, **kwargs):  # the run dies after the fifth item
        for k, found in enumerate(real(*args, **kwargs)):
            if k == 5:
                raise KeyboardInterrupt
            yield found

    monkeypatch.setattr(wordpress, "read", cut_short)
    monkeypatch.setattr(import_run, "BATCH", 2)  # batches of two: the fifth is in flight
    opts = type("Opts", (), {"source": "wordpress", "file": str(path), "dry_run": False,
                             "report": None, "media": None, "fetch_media": False,
                             "access_tag": None})()  # fmt: skip
    with pytest.raises(KeyboardInterrupt):
        run_command(opts)
    assert ArticlePage.objects.count() == 4  # two batches committed, the third never began
    monkeypatch.setattr(wordpress, "read", real)
    code, report, _ = run_import(capsys, tmp_path, "wordpress", path)
    assert code == 0
    assert report["counts"]["articles"] == {
        "created": 8, "updated": 0, "unchanged": 4, "rejected": 0
    }  # fmt: skip
    assert ArticlePage.objects.count() == 12
    assert ImportedItem.objects.filter(kind="articles").count() == 12


def _env(data_dir: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MASTHEAD_", "PYTEST_", "DATABASE_URL", "REDIS_URL"))
        and k != "DJANGO_SETTINGS_MODULE"
    }
    env["MASTHEAD_DATA_DIR"] = str(data_dir)
    return env


def test_a_killed_run_started_again_has_no_duplicate_and_no_half_article(tmp_path):
    """A real ``masthead import`` process, SIGKILLed mid-run on its own SQLite database."""
    data = tmp_path / "site"
    env = _env(data)
    subprocess.run([MASTHEAD, "manage", "migrate", "-v0"], env=env, check=True, timeout=300)
    total = 400  # four batches: killed once the first is in
    path = _file(tmp_path, total)
    proc = subprocess.Popen(
        [MASTHEAD, "import", "wordpress", str(path)], env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    db = data / "masthead.sqlite3"
    done = 0
    errors: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                done = conn.execute(
                    "select count(*) from imports_importeditem where kind='articles'"
                ).fetchone()[0]
        except sqlite3.OperationalError as exc:
            errors.append(str(exc))
            continue
        if done >= 20:
            break
    assert proc.poll() is None, f"the import ended before it was killed ({done}, {errors[-3:]})"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    report = tmp_path / "again.json"
    result = subprocess.run(
        [MASTHEAD, "import", "wordpress", str(path), "--report", str(report)],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    counts = json.loads(report.read_text())["counts"]["articles"]
    assert counts["created"] + counts["unchanged"] == total
    assert 20 <= counts["unchanged"] < total
    with sqlite3.connect(db) as conn:
        pages = conn.execute("select count(*) from newsroom_articlepage").fetchone()[0]
        keys = conn.execute(
            "select count(*), count(distinct object_id) from imports_importeditem"
            " where kind='articles'"
        ).fetchone()
        slugs = conn.execute(
            "select count(*) from wagtailcore_page p join newsroom_articlepage a"
            " on a.page_ptr_id = p.id where p.live"
        ).fetchone()[0]
    assert pages == total and keys == (total, total) and slugs == total
