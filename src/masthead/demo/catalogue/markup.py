"""The body of a showcase article: plain text blocks turned into the article's StreamField blocks.

Blocks are separated by blank lines. A block is one of:

- ``## A crosshead`` (one line) -> ``("crosshead", "A crosshead")``;
- lines opening with ``>``, the last one ``> — Name, role`` ->
  ``("quote", {"text": "the quoted words", "attribution": "Name, role"})``;
- any other lines -> ``("paragraph", "<p>the lines joined by spaces</p>")``.

Paragraph text is HTML-escaped (``&``, ``<``, ``>``) before ``*emphasis*`` and ``**bold**`` become
``<em>`` and ``<strong>``; nothing else is markup, so the files stay readable prose.

>>> parse_blocks(["Rates *rose* & fell."], 1)
[('paragraph', '<p>Rates <em>rose</em> &amp; fell.</p>')]
"""

import re
from html import escape

Block = tuple[str, object]

BOLD = re.compile(r"\*\*(.+?)\*\*")
EMPHASIS = re.compile(r"\*(.+?)\*")
DASHES = ("— ", "-- ")  # an attribution line opens with an em dash (or two hyphens)


class MarkupError(ValueError):
    """A body block that cannot be read; ``line`` is its first line in the file (1-based)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def inline(text: str) -> str:
    """Escape ``text`` for HTML and turn ``**bold**`` and ``*emphasis*`` into tags."""
    html = escape(text, quote=False)
    html = BOLD.sub(r"<strong>\1</strong>", html)
    html = EMPHASIS.sub(r"<em>\1</em>", html)
    if "*" in html:
        raise ValueError("an unmatched '*' (emphasis is *like this*, bold **like this**)")
    return html


def parse_blocks(lines: list[str], first_line: int) -> list[Block]:
    """The blocks of a body whose first line is line ``first_line`` of its file."""
    blocks: list[Block] = []
    chunk: list[str] = []
    start = first_line
    for number, line in enumerate([*lines, ""], start=first_line):
        if line.strip():
            if not chunk:
                start = number
            chunk.append(line.strip())
        elif chunk:
            blocks.append(_block(chunk, start))
            chunk = []
    return blocks


def _block(chunk: list[str], line: int) -> Block:
    head = chunk[0]
    if head.startswith("## "):
        if len(chunk) > 1:
            raise MarkupError(line, "a crosshead is a single line; leave a blank line after it")
        return ("crosshead", head[3:].strip())
    if head.startswith(">"):
        return _quote(chunk, line)
    if any(text.startswith(("## ", ">")) for text in chunk):
        raise MarkupError(line, "a crosshead or quotation must be separated by blank lines")
    try:
        return ("paragraph", f"<p>{inline(' '.join(chunk))}</p>")
    except ValueError as error:
        raise MarkupError(line, str(error)) from None


def _quote(chunk: list[str], line: int) -> Block:
    if not all(text.startswith(">") for text in chunk):
        raise MarkupError(line, "every line of a quotation starts with '>'")
    texts = [text[1:].strip() for text in chunk]
    attribution = ""
    if texts[-1].startswith(DASHES):
        attribution = texts.pop()[2:].strip()
    if not texts or not attribution:
        raise MarkupError(line, "a quotation needs its words and a last line '> — Name, role'")
    return ("quote", {"text": " ".join(texts), "attribution": attribution})
