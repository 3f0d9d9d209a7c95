"""The demo's build steps, one module per concern, each with ``build(demo)`` and ``reset(demo)``.

``masthead.demo.builder.STEPS`` runs them in order; ``reset`` undoes them in reverse.
"""
