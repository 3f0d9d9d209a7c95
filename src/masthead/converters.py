"""URL converters shared by every app: ``<id:...>`` is a database id that fits 64 bits."""

from django.urls import register_converter


class IdConverter:
    """At most 18 digits, so a path like /articles/99999999999999999999/ is a 404, never an
    integer overflow in the database driver."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
