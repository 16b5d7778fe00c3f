"""Message marker for text produced in shared/ and translated at the edge.

shared/ does not import Flask, so it cannot translate; it marks its user-facing messages
with N_() (extracted by Babel) and the side that shows them calls gettext on the msgid.
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    return message
