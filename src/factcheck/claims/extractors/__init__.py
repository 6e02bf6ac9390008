"""Claim extractors, one module per family of claim kinds, found by file.

Each module defines ``KINDS`` (the ClaimKinds it produces) and
``extract(context) -> Iterable[Claim]``.
"""
