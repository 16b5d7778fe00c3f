"""Where the non-Python parts live: beside the packages in a checkout, inside the
`tertulia` package in an installed wheel (see pyproject.toml's package-dir mapping)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def resource(name: str) -> Path:
    """templates, static, config, migrations or translations."""
    installed = _PACKAGE / name
    if installed.is_dir():
        return installed
    return _CHECKOUT / name
