"""The sign-in and sign-up pages are valid HTML where it matters to assistive technology: no
block element (a list of password rules, a group of checkboxes) inside an element that may only
hold phrasing content (a <span>, a <p>, a <label>), and every help text is the target of its
field's aria-describedby.

BeautifulSoup's ``html.parser`` keeps elements nested as written (a browser would silently
close the <p> and move things around), so the test sees the markup the server sent.
"""

import pytest
from bs4 import BeautifulSoup

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
}
PHRASING_ONLY = {"span", "p", "label", "a", "button", "legend", "small", "strong", "em"}


def misnested(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(BLOCK):
        parent = element.find_parent(PHRASING_ONLY)
        if parent is not None:
            found.append(f"<{element.name}> inside <{parent.name} {parent.attrs}>")
    return found


def test_misnested_finds_what_allauth_rendered_before():
    """The check itself: allauth's as_p output (the old sign-up page) fails it."""
    old = (
        '<p><label for="id_password1">Password:</label><input id="id_password1">'
        '<span class="helptext"><ul><li>At least 8 characters.</li></ul></span></p>'
        '<p><label>Newsletters:</label><div id="id_newsletters"></div></p>'
    )
    assert misnested(old) == [
        "<ul> inside <span {'class': ['helptext']}>",
        "<div> inside <p {}>",
    ]


@pytest.mark.parametrize(
    "path",
    ["/accounts/signup/", "/accounts/login/", "/accounts/login/code/", "/accounts/password/reset/"],
)
def test_account_pages_nest_block_elements_validly(client, site, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<form" in html
    assert misnested(html) == []


def test_sign_up_with_errors_nests_validly(client, site):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": PASSWORD, "password2": "different"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html
    assert misnested(html) == []


def test_password_rules_are_the_description_of_the_password_field(client, site):
    soup = BeautifulSoup(client.get("/accounts/signup/").content, "html.parser")
    field = soup.find("input", id="id_password1")
    help_text = soup.find(id=field["aria-describedby"])
    assert help_text is not None and help_text.name == "div"
    assert help_text.find("ul") is not None and "8 characters" in help_text.get_text()
    login = BeautifulSoup(client.get("/accounts/login/").content, "html.parser")
    password = login.find("input", id="id_password")
    assert login.find(id=password["aria-describedby"]).find("a", href="/accounts/password/reset/")
