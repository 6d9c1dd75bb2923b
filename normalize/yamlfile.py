"""Strict YAML reading with line numbers, for data files written by people.

``yaml.safe_load`` silently turns ``no`` into ``False``, ``03147`` into 1639
and a repeated key into the last value, and forgets where anything was.
Here a file is *composed* (parsed into nodes, nothing constructed, so no
tag can run code) and converted by hand: every scalar must be a plain
string, keys must be unique, and each mapping and list remembers the line
of each of its items, so that later checks can say ``file:line: ...``.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import DataError

_STR = "tag:yaml.org,2002:str"
_Composer: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    lines: dict[str, int]


class LList(list[Any]):
    """A list that knows its own line and the line of each item."""

    line: int
    lines: list[int]


def read_yaml(text: str, path: str) -> Any:
    """Parse *text* (the contents of *path*) into LDict / LList / str."""
    try:
        node = yaml.compose(text, Loader=_Composer)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(f"invalid YAML: {problem}", path=path, line=line) from None
    if node is None:
        raise DataError("the file is empty", path=path)
    return _convert(node, path)


def _convert(node: yaml.Node, path: str) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _STR:
            shown = node.value if node.value else "an empty value"
            raise DataError(f"{shown!s} is not a string; quote it", path=path, line=line)
        return node.value
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_convert(item, path) for item in node.value)
        seq.line = line
        seq.lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    if isinstance(node, yaml.MappingNode):
        out = LDict()
        out.line = line
        out.lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path)
            if not isinstance(key, str):
                raise DataError("a key must be a string", path=path,
                                line=key_node.start_mark.line + 1)
            if key in out:
                raise DataError(f"key {key!r} repeated", path=path,
                                line=key_node.start_mark.line + 1)
            out[key] = _convert(value_node, path)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    raise DataError("unsupported YAML node", path=path, line=line)  # pragma: no cover
