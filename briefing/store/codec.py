"""Extraction results to JSON and back, exactly: the store must give back what extraction gave.

Documents, events, quotes and statements are frozen dataclasses of strings, numbers, booleans and
tuples. JSON turns tuples into lists, so decoding converts every field annotated as a tuple back;
a field added to one of these types later is carried along without changes here (and a store
written before the change is never decoded, since the tool fingerprint changed with the code).
JSON rather than pickle because a shared store (PostgreSQL) is read by every analyst's machine:
loading it must never run code.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def encode(items: Any) -> Any:
    """Return a JSON-ready form of a dataclass, or a list/tuple/dict of them."""
    if dataclasses.is_dataclass(items) and not isinstance(items, type):
        return {f.name: encode(getattr(items, f.name)) for f in dataclasses.fields(items)}
    if isinstance(items, list | tuple):
        return [encode(x) for x in items]
    if isinstance(items, dict):
        return {k: encode(v) for k, v in items.items()}
    return items


@lru_cache(maxsize=64)
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        inner = args[0] if args else Any
        return tuple(_convert(inner, v) for v in value)
    if origin is list:
        args = typing.get_args(hint)
        return [_convert(args[0] if args else Any, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is not type(None):
                return _convert(arg, value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return decode(hint, value)
    return value


def decode(cls: type[T], data: dict) -> T:
    """Return `cls(**data)` with tuple fields (and nested dataclasses) restored."""
    hints = _hints(typing.cast(Any, cls))
    return cls(**{k: _convert(hints.get(k, Any), v) for k, v in data.items()})  # type: ignore[call-arg]


def dumps(payload: Any) -> str:
    return json.dumps(encode(payload), ensure_ascii=False, separators=(",", ":"))
