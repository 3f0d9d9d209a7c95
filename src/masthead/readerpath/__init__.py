"""The reader path: article pages answered ahead of Django, inline on the event loop.

``masthead serve``'s ASGI application (``masthead.asgi``) sends each GET and HEAD first to
``readerpath.app.ReaderPath``. For a live public article (or its print view) it runs the same
gate, meter store, cookies and session reading as Django's view, joins the page's cached shell
with pre-rendered per-reader fragments, and answers with the headers of
``masthead.responserules``. Anything it cannot answer exactly goes to Django unchanged.
"""
