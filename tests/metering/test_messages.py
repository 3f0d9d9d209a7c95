"""Meter message templates: variables, plural forms, and never an exception."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.metering import Decision, Outcome, meter_variables, render_message

REFERENCE = (
    "You have {{numberArticlesLeft}} free article{{numberArticlesLeft-plural}} left this month"
)


@pytest.mark.parametrize(
    ("left", "expected"),
    [
        (0, "You have 0 free articles left this month"),
        (1, "You have 1 free article left this month"),
        (2, "You have 2 free articles left this month"),
    ],
)
def test_the_reference_template_renders(left: int, expected: str) -> None:
    assert render_message(REFERENCE, numberArticlesLeft=left) == expected


@pytest.mark.parametrize(
    ("remaining", "expected"),
    [(0, "0 articles"), (1, "1 article"), (2, "2 articles"), ("1", "1 article")],
)
def test_singular_and_plural_forms(remaining: int | str, expected: str) -> None:
    template = "{{remaining}} {{remaining|article|articles}}"
    assert render_message(template, remaining=remaining) == expected


def test_whitespace_inside_braces_is_allowed() -> None:
    template = "{{ remaining }} {{ remaining | article | articles }} in {{  month  }}"
    assert render_message(template, remaining=3, month="November") == "3 articles in November"
    assert render_message("{{ used -plural }}", used=1) == ""
    assert render_message("{{ used-plural }}", used=2) == "s"


def test_all_site_variables() -> None:
    template = "{{used}} of {{limit}} used, {{remaining}} left in {{month}}"
    rendered = render_message(template, used=7, limit=10, remaining=3, month="November")
    assert rendered == "7 of 10 used, 3 left in November"


def test_unknown_variables_render_empty() -> None:
    assert render_message("[{{nope}}]") == "[]"
    assert render_message("[{{nope|one|many}}]") == "[]"
    assert render_message("[{{nope-plural}}]") == "[]"


@pytest.mark.parametrize(
    "template",
    [
        "{{",
        "}}",
        "{{}}",
        "{{ }}",
        "{{remaining",
        "remaining}}",
        "{remaining}",
        "{{remaining|one}}",
        "{{remaining|a|b|c}}",
        "{{user.password}}",
        "{{remaining.__class__}}",
        "{{remaining[0]}}",
        "{{__import__('os')}}",
        "{{1abc}}",
        "{{remaining-singular}}",
    ],
)
def test_malformed_placeholders_are_left_as_text(template: str) -> None:
    assert render_message(template, remaining=2) == template


def test_malformed_text_around_good_placeholders() -> None:
    assert render_message("{{x.y}} {{remaining}} {{", remaining=2) == "{{x.y}} 2 {{"
    assert render_message("{{{remaining}}}", remaining=2) == "{2}"


def test_values_are_not_templates_themselves() -> None:
    assert render_message("{{month}}", month="{{remaining}}", remaining=5) == "{{remaining}}"


def test_meter_variables_from_a_decision() -> None:
    decision = Decision(Outcome.METERED, None, 1, 3, 2, True, "metered")
    variables = meter_variables(decision, "November")
    assert variables == {
        "remaining": 1,
        "limit": 3,
        "used": 2,
        "month": "November",
        "numberArticlesLeft": 1,
    }
    assert render_message(REFERENCE, **variables) == "You have 1 free article left this month"


@settings(max_examples=300)
@given(
    template=st.text(alphabet=st.sampled_from("{}|- abrmeingt_.1"), max_size=40) | st.text(),
    remaining=st.integers(-5, 20) | st.text(max_size=5),
)
def test_rendering_never_raises(template: str, remaining: int | str) -> None:
    assert isinstance(render_message(template, remaining=remaining, month="May"), str)


@given(text=st.text().filter(lambda t: "{{" not in t))
def test_text_without_placeholders_is_unchanged(text: str) -> None:
    assert render_message(text, remaining=1) == text
