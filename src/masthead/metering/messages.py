"""Meter and wall messages: editable templates with variables and plural forms.

The syntax is deliberately tiny, so staff can edit copy without being able to run code:

- ``{{name}}`` is replaced by the variable ``name``;
- ``{{name|singular|plural}}`` is ``singular`` when ``name`` equals 1, else ``plural``;
- ``{{name-plural}}`` (the reference site's form) is ``""`` when ``name`` equals 1, else ``"s"``.

Names are letters, digits and underscores. Spaces inside the braces are ignored, and so are
spaces around each form. An unknown variable renders as an empty string. Anything else between
``{{`` and ``}}`` - an attribute, an index, a call, a stray brace - is left as it is, so a typo
shows up in the preview instead of breaking the page. Values are inserted once and never read as
templates themselves. The result is plain text: the HTML template escapes it.

Variables the site provides: ``remaining``, ``limit``, ``used``, ``month`` (e.g. "November"),
and ``numberArticlesLeft``, the reference's name for ``remaining`` (see ``meter_variables``).

Worked example::

    >>> template = "You have {{ remaining }} free {{remaining|article|articles}} left in {{month}}"
    >>> render_message(template, remaining=1, month="November")
    'You have 1 free article left in November'
    >>> render_message("{{numberArticlesLeft}} article{{numberArticlesLeft-plural}}",
    ...                numberArticlesLeft=2)
    '2 articles'
    >>> render_message("{{nobody}}|{{user.password}}")
    '|{{user.password}}'
"""

from __future__ import annotations

import re

from .decision import Decision

_PLACEHOLDER = re.compile(
    r"""\{\{\s*
    (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    \s*
    (?:
        (?P<legacy>-plural)\s*
      | \|(?P<singular>[^|{}]*)\|(?P<plural>[^|{}]*)
    )?
    \}\}""",
    re.VERBOSE,
)


def _is_one(value: int | str) -> bool:
    return str(value).strip() == "1"


def _substitute(match: re.Match[str], variables: dict[str, int | str]) -> str:
    name = match["name"]
    if name not in variables:
        return ""
    value = variables[name]
    if match["legacy"]:
        return "" if _is_one(value) else "s"
    if match["singular"] is not None:
        return (match["singular"] if _is_one(value) else match["plural"]).strip()
    return str(value)


def render_message(template: str, **variables: int | str) -> str:
    """Fill ``template`` with ``variables``; never raises on any template text."""
    return _PLACEHOLDER.sub(lambda match: _substitute(match, variables), template)


def meter_variables(decision: Decision, month: str) -> dict[str, int | str]:
    """The variables a meter message can use for a metered decision."""
    remaining = decision.remaining if decision.remaining is not None else 0
    return {
        "remaining": remaining,
        "limit": decision.limit if decision.limit is not None else 0,
        "used": decision.used if decision.used is not None else 0,
        "month": month,
        "numberArticlesLeft": remaining,
    }
