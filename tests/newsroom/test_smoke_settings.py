"""The suite runs on tests/settings.py: production settings plus test-only overrides."""

import os
import tempfile
from pathlib import Path

from django.conf import settings

import masthead.settings as production


def test_tests_run_on_the_test_settings_with_a_private_data_dir():
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "tests.settings"
    assert Path(settings.DATA_DIR).is_relative_to(Path(tempfile.gettempdir()).resolve())
    assert "masthead-test-" in str(settings.DATA_DIR)
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_production_settings_know_nothing_of_tests():
    source = Path(production.__file__).read_text()
    for word in ("PYTEST", "TESTING", "testserver", "MD5PasswordHasher"):
        assert word not in source
    assert not hasattr(production, "TESTING")
