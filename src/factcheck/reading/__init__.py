"""Reading: bytes from a file, stdin or a corpus become a Document.

Decoding, format readers (plain text, Markdown, HTML) that strip markup while
keeping a map back to the source, mojibake repair, and factcheck's own comments.
Nothing here knows about language, claims or rules.
"""
