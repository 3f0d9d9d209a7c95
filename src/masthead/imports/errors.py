"""The one error that stops an import before anything is written (exit status 2)."""


class UnusableInput(Exception):
    """The input is not the format, is hostile, or cannot be read. Its message is one line
    that names the problem; the CLI prints it on stderr, without a traceback."""
