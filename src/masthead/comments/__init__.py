"""Readers' comments under articles: threads with one level of replies, likes, reports, and
moderation in the Wagtail admin.

Layer: beside ``newsletters`` (above ``members``, ``newsroom`` and ``access``): a thread asks
the gate whether the reader may read the whole article (``visibility``) and never the other way
round; the JSON API (``distribution``) sits above and calls ``services`` and ``selectors``.
"""
