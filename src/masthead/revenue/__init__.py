"""Revenue intelligence: the funnel from free views to walls, sign-ups and subscriptions, for
the audience and revenue team, in the Wagtail admin at ``/admin/revenue/``.

Layer: the top (``revenue | distribution``). It reads the reader-event log
(``masthead.events``) only through daily rollups (``models``, ``rollups``), and billing's
subscription rows for MRR and active subscribers (``subscribers``); ``selectors`` turns them
into figures, ``charts`` draws them as SVG, ``views`` and ``wagtail_hooks`` put them in the
admin, ``exports`` writes the tables as CSV.
"""
