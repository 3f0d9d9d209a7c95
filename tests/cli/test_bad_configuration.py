"""A bad environment variable stops `masthead serve` and `masthead manage` at start with one
line naming the variable (no traceback, no server)."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.operations.processes import production_env

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def _run(tmp_path, args, **env):
    base = production_env(tmp_path, **env)
    return subprocess.run([MASTHEAD, *args], env=base, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "args, name, value",
    [
        (["serve", "--port", "1"], "MASTHEAD_METER_FAILURE", "sometimes"),
        (["manage", "check"], "MASTHEAD_DEBUG", "perhaps"),
        (["serve", "--port", "1"], "MASTHEAD_PAST_DUE_GRACE_DAYS", "a week"),
        (["manage", "check"], "REDIS_URL", "localhost:6379"),
        (["manage", "check"], "MASTHEAD_NEWSLETTER_BATCH", "0"),
    ],
)
def test_a_bad_value_stops_the_command_with_one_line_naming_it(tmp_path, args, name, value):
    result = _run(tmp_path, args, **{name: value})
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"masthead: {name}: ") and repr(value) in lines[0]
    assert "Serving" not in result.stdout
