"""The settings, imported alone, load no app and create no directory: the data directory is
made by the entry points (``datadir.prepare``), and the settings read only the environment and
the site-level modules (``config``, ``datadir``, ``mailsettings``, ``ratelimits``...)."""

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from masthead import datadir
from masthead.config import ConfigError

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
import masthead.settings as s
print(json.dumps({"modules": sorted(m for m in sys.modules if m.startswith("masthead.")),
                  "data_dir": str(s.DATA_DIR)}))
"""
APPS = {
    "access", "billing", "comments", "demo", "distribution", "engagement", "events", "imports",
    "memberimport", "members", "metering", "newsletters", "newsroom", "revenue", "backups",
}  # fmt: skip


def _import_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MASTHEAD_", "DJANGO_"))}
    clean |= {"PYTHONPATH": f"{ROOT / 'src'}:{ROOT}", **env}
    clean.pop("DATABASE_URL", None)
    clean.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, cwd=tmp_path, capture_output=True, text=True
    )


def test_settings_import_no_app_and_create_no_directory(tmp_path):
    missing = tmp_path / "not-yet"
    done = _import_settings(tmp_path, MASTHEAD_DATA_DIR=str(missing), MASTHEAD_SECRET_KEY="k" * 50)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    apps = {name.split(".")[1] for name in loaded["modules"]} & APPS
    assert apps == set()
    assert loaded["data_dir"] == str(missing)
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == [], "nothing may appear in the working directory either"


def test_without_a_key_or_a_data_dir_the_variable_is_named(tmp_path):
    done = _import_settings(tmp_path, MASTHEAD_DATA_DIR=str(tmp_path / "nowhere"))
    assert done.returncode != 0
    assert "MASTHEAD_DATA_DIR: does not exist" in done.stderr
    assert not (tmp_path / "nowhere").exists()


def test_prepare_makes_the_dir_and_the_key_is_written_once(tmp_path, monkeypatch):
    monkeypatch.delenv("MASTHEAD_SECRET_KEY", raising=False)
    target = tmp_path / "data"
    with pytest.raises(ConfigError):
        datadir.secret_key(target)
    assert datadir.prepare(target) == target
    assert (target / "static").is_dir()
    key = datadir.secret_key(target)
    assert len(key) > 40 and datadir.secret_key(target) == key
    assert (target / "secret_key").stat().st_mode & 0o777 == 0o600


def test_an_empty_key_file_is_refused_never_used(tmp_path, monkeypatch):
    # What a second process read when it raced the first between O_EXCL and write(): an empty
    # SECRET_KEY, and `masthead worker` died with "The SECRET_KEY setting must not be empty".
    monkeypatch.delenv("MASTHEAD_SECRET_KEY", raising=False)
    (tmp_path / "secret_key").write_text("")
    with pytest.raises(ConfigError, match="secret_key is empty"):
        datadir.secret_key(tmp_path)


def _key_in_a_new_process(directory: str) -> str:
    os.environ.pop("MASTHEAD_SECRET_KEY", None)
    return datadir.secret_key(Path(directory))


def test_processes_starting_at_once_agree_on_one_whole_key(tmp_path):
    context = multiprocessing.get_context("fork")
    with context.Pool(12) as pool:
        for round_ in range(15):
            directory = tmp_path / str(round_)
            directory.mkdir()
            keys = pool.map(_key_in_a_new_process, [str(directory)] * 24, chunksize=1)
            assert len(set(keys)) == 1 and len(keys[0]) > 40, keys
            assert sorted(p.name for p in directory.iterdir()) == ["secret_key"]
