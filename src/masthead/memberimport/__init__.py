"""Readers moving in and out: ``masthead import members FILE.csv`` and ``export members``.

A member CSV (Ghost's export, Substack's subscriber export, or Masthead's own) is read as a
stream, one row at a time, each row one transaction that upserts by normalised e-mail::

    run = MemberImport(path, fmt="ghost", newsletters=["daily"], prices={"price_1": monthly})
    report = run.execute()        # {"source": "members", "counts": {...}, "rejected": [...]}

Layer: above ``newsletters`` (it writes newsletter subscriptions, grants and subscriptions
through those apps' services) and below ``revenue | distribution``.
"""
