"""Reading the package's own YAML data files (vocabularies, tables).

One place for the path, the safe loader and the error, so that a damaged
installation gives the same one-line :class:`~normalize.errors.DataError`
whichever file is hit.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from .errors import DataError

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str) -> Any:
    """The parsed contents of ``normalize/data/<name>``."""
    path = f"normalize/data/{name}"
    try:
        text = (resources.files("normalize") / "data" / name).read_text("utf-8")
        return yaml.load(text, Loader=_Loader)
    except FileNotFoundError:
        raise DataError("missing; the installation is incomplete", path=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(f"invalid YAML: {getattr(exc, 'problem', exc)}", path=path,
                        line=mark.line + 1 if mark is not None else None) from None
