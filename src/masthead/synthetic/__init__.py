"""Synthetic reader traffic: the generated history behind the demo, the replay tests and the
benchmarks. Standard library only, on top of the meter engine (``masthead.metering``), whose
rules decide every generated view exactly as the gate decides a real one.

Modules: ``model`` (the generative model's numbers), ``lifecycle`` (the readers: views,
sign-ups, subscriptions, lapses), ``history`` (``generate``: the time-ordered events).
"""
