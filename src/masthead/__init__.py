"""Masthead: a self-hosted platform for a reader-funded news publication."""

__version__ = "0.1.0"
