"""Where the package's bundled data lives, in a wheel and in a checkout.

The top-level ``gazetteer/`` folder of the repository is mapped into the
wheel as ``normalize/gazetteer/``; a checkout or editable install reads it
in place.
"""

from __future__ import annotations

from pathlib import Path

from .errors import DataError

_HERE = Path(__file__).resolve().parent


def gazetteer_dir() -> Path:
    """The folder of the bundled gazetteer files.

    >>> gazetteer_dir().name
    'gazetteer'
    """
    for candidate in (_HERE / "gazetteer", _HERE.parent / "gazetteer"):
        if candidate.is_dir():
            return candidate
    raise DataError("bundled gazetteer folder not found; the installation is incomplete",
                    path=str(_HERE / "gazetteer"))
