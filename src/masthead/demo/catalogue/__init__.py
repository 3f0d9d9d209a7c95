"""The demo catalogue as data: the showcase articles, written by hand, loaded from text files
(``showcase``); the plans and offers (``billing``), the banner and the promotion (``notices``),
the accounts (``accounts``); the sections, authors and topics live in ``masthead.demo.world``.

Nothing in this package writes to the database: the build steps (``masthead.demo.steps``) read
these lists and create each item through the services and Wagtail's actions.
"""
