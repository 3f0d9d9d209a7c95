"""Import a publication from WordPress (WXR), Ghost (JSON) or Substack (posts.csv + HTML).

One reader per source format streams ``Item`` records (``items.py``); one run (``run.py``)
hands each item to the writer (``writer.py``) inside its own transaction, keyed by
``(source, kind, source id)`` in ``ImportedItem``. That key is what makes a second run create
nothing, and what makes a killed run resumable: every item already committed is found again
and left alone, the one in flight was rolled back with its transaction.

Example::

    $ masthead import wordpress export.xml --media wp-content/uploads --report report.json
    $ masthead import wordpress export.xml     # again: created 0 everywhere, exit 0

Hostile or unusable input (``errors.UnusableInput``) is found before anything is written:
the WordPress file is read once in full to check it (streamed, never loaded whole) before
the second pass writes.
"""
