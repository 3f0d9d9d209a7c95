"""`masthead check` runs Django's deployment checks in production mode."""

import subprocess

import pytest

from tests.operations.processes import MASTHEAD, production_env


def _check(tmp_path, **env):
    return subprocess.run(
        [MASTHEAD, "check"],
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000", "https://news.example.org"])
def test_check_is_clean_in_production_mode(tmp_path, site_url):
    result = _check(
        tmp_path,
        MASTHEAD_SITE_URL=site_url,
        STRIPE_SECRET_KEY="sk_test_x",
        STRIPE_WEBHOOK_SECRET="whsec_x",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Configuration check passed." in result.stdout


def test_check_warns_about_the_demo_provider_on_a_public_site(tmp_path):
    result = _check(tmp_path, MASTHEAD_SITE_URL="https://news.example.org")
    assert result.returncode == 1
    assert "masthead.W001" in result.stderr + result.stdout


@pytest.mark.parametrize("site_url", ["http://127.0.0.1:8000", "https://news.example.org"])
def test_check_fails_with_a_stripe_key_but_no_webhook_secret(tmp_path, site_url):
    result = _check(tmp_path, MASTHEAD_SITE_URL=site_url, STRIPE_SECRET_KEY="sk_test_x")
    assert result.returncode == 1
    assert "masthead.E002" in result.stderr + result.stdout
    assert "STRIPE_WEBHOOK_SECRET" in result.stderr + result.stdout


def test_check_fails_when_a_response_rules_middleware_is_missing(settings):
    # Django's security.W001-W003 are silenced because these adapters replace its middleware;
    # masthead.E003 says so when one of them is gone.
    from masthead.responserules import response_rules_in_middleware

    assert response_rules_in_middleware(None) == []
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != "masthead.responserules.Csrf"]
    errors = response_rules_in_middleware(None)
    assert [e.id for e in errors] == ["masthead.E003"]
    assert "CsrfViewMiddleware" in errors[0].msg


def test_manage_on_a_fresh_data_directory_creates_it(tmp_path):
    # `masthead manage migrate` is the first command of a new site (README, Operations).
    fresh = tmp_path / "new-site"
    result = subprocess.run(
        [MASTHEAD, "manage", "check"],
        env=production_env(fresh),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (fresh / "secret_key").is_file()
