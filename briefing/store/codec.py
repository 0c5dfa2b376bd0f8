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
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from briefing.model import plain_values

try:
    import orjson
except ImportError:  # a venv made before orjson was a dependency: slower, same values
    orjson = None  # type: ignore[assignment]

T = TypeVar("T")


# the JSON-ready form of extraction results (what `dumps` writes when orjson cannot)
encode = plain_values


Convert = Callable[[Any], Any]


@lru_cache(maxsize=64)
def _plan(cls: Any) -> dict[str, Convert | None]:
    """Return, per field of a dataclass, how to restore a JSON value (None: as it is), worked out
    once per class: a build decodes every stored event and quote of the corpus."""
    return {name: _converter(hint) for name, hint in typing.get_type_hints(cls).items()}


@lru_cache(maxsize=64)
def _plain(cls: Any) -> bool:
    """True when no field of the dataclass needs restoring."""
    return not any(_plan(cls).values())


def _converter(hint: Any) -> Convert | None:
    origin = typing.get_origin(hint)
    if origin is tuple or origin is list:
        args = typing.get_args(hint)
        inner = _converter(args[0]) if args else None
        make: Callable[[Any], Any] = tuple if origin is tuple else list
        if inner is None:
            return lambda v: None if v is None else make(v)
        return lambda v: None if v is None else make(inner(x) for x in v)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is not type(None):
                return _converter(arg)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        cls = hint
        return lambda v: None if v is None else decode(cls, v)
    return None


def decode(cls: type[T], data: dict) -> T:
    """Return `cls(**data)` with tuple fields (and nested dataclasses) restored.

    A build decodes every event and quote of the files a theme reads; a frozen dataclass's
    `__init__` sets each field through `object.__setattr__`, so an instance whose stored fields are
    exactly the class's (what `encode` writes) is made by filling its `__dict__` instead: the same
    object, several times faster (`_direct` says when that is safe)."""
    make = _MAKERS.get(cls)
    if make is None:
        make = _MAKERS[cls] = _maker(cls)
    return make(data)


# per dataclass, how `decode` makes one from its JSON object, worked out on first use
_MAKERS: dict[Any, Callable[[dict], Any]] = {}


def _maker(cls: Any) -> Callable[[dict], Any]:
    plan = _plan(cls)
    plain = _plain(cls)
    names = _direct(cls)
    new = object.__new__

    def make(data: dict) -> Any:
        if not plain:
            data = {k: (v if (convert := plan.get(k)) is None else convert(v)) for k, v in data.items()}
        if names is None or data.keys() != names:
            return cls(**data)
        obj = new(cls)
        obj.__dict__.update(data)
        return obj

    return make


@lru_cache(maxsize=64)
def _direct(cls: Any) -> frozenset[str] | None:
    """The field names of a dataclass whose instances are exactly their `__dict__` of fields (no
    `__slots__`, no `__post_init__`, no validating `__init__` of its own); None for any other."""
    params = getattr(cls, "__dataclass_params__", None)  # only dataclasses have it
    if params is None or not params.init:
        return None
    if "__slots__" in vars(cls) or hasattr(cls, "__post_init__"):
        return None
    return frozenset(f.name for f in dataclasses.fields(cls))


def loads(text: str) -> Any:
    """Return the value of a stored JSON text: `json.loads`, parsed by orjson (a build parses every
    file a theme reads, and orjson does it in a fraction of the time). A text orjson refuses that
    Python's parser accepts (NaN) goes to Python's parser. orjson would read an integer past 64
    bits as a float; the store holds none (its integers are character offsets and counts)."""
    if orjson is None:
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def dumps(payload: Any) -> str:
    """Return the stored JSON text of extraction results. orjson writes dataclasses itself, in the
    same text as `encode` then `json.dumps` (checked on every payload of a 300-file sample) and
    25 times faster: walking each file's events and quotes in Python took 5% of extraction. What
    orjson refuses (a lone surrogate, an integer past 64 bits) is written the slow way. The types
    stored hold no floats, so orjson's other ways (NaN as null) never arise."""
    if orjson is not None:
        try:
            return orjson.dumps(payload).decode()
        except TypeError:
            pass
    return json.dumps(encode(payload), ensure_ascii=False, separators=(",", ":"))
