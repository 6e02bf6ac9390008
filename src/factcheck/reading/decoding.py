"""Bytes to text: UTF-8 (a byte order mark is fine) or UTF-16 with a byte order mark.

Anything else is refused with a message that says where it went wrong, so an
editor can find the bad byte; nothing is guessed.
"""

from __future__ import annotations

import codecs


class InputError(Exception):
    """A document that cannot be read; the message is shown to the user as is."""


def decode(data: bytes) -> str:
    """Decode UTF-8 (BOM optional) or BOM-marked UTF-16; refuse everything else."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"invalid UTF-16 at byte {error.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes); expected UTF-8 or UTF-16 text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "expected UTF-8 or UTF-16 with a byte order mark"
        ) from None
