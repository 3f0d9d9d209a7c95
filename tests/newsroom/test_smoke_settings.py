from django.conf import settings


def test_tests_run_in_test_mode_with_a_private_data_dir():
    assert settings.TESTING is True
    assert "masthead-test-" in str(settings.DATA_DIR)
