"""Exact distinct counts that add up across days: sets of dense reader numbers as bitmaps.

blob = encode({0, 5, 9})        # zlib-compressed little-endian bitmap
count(union([blob, encode({5, 12})]))   # 4
"""

import zlib
from collections.abc import Iterable


def encode(numbers: Iterable[int]) -> bytes:
    numbers = list(numbers)
    if not numbers:
        return zlib.compress(b"")
    bits = bytearray(max(numbers) // 8 + 1)
    for n in numbers:
        bits[n >> 3] |= 1 << (n & 7)
    return zlib.compress(bytes(bits), 1)


def decode(blob: bytes) -> int:
    return int.from_bytes(zlib.decompress(bytes(blob)), "little")


def union(blobs: Iterable[bytes]) -> int:
    value = 0
    for blob in blobs:
        value |= decode(blob)
    return value


def count(value: int) -> int:
    return value.bit_count()


def encode_value(value: int) -> bytes:
    """A bitmap already OR-ed as an int (``union``), compressed as ``encode`` does."""
    return zlib.compress(value.to_bytes((value.bit_length() + 7) // 8, "little"), 1)
