"""The demo catalogue as data: the showcase articles, written by hand, loaded from text files."""
