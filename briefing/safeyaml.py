"""Load the user's YAML (config.yaml, sources.yaml) without letting the file hurt the tool.

`yaml.safe_load` already refuses arbitrary Python objects, but on its own it still lets a
hand-edited or hostile file

- expand a few hundred bytes of aliases into gigabytes (the "billion laughs"),
- nest so deep that composing or walking it raises RecursionError,
- repeat a key and silently keep only the last one (a second `themes:` loses the first),
- carry an impossible date (`2026-02-30`) that crashes the constructor with a traceback,
- carry a lone surrogate (`"\\ud800"`) that later aborts the JSON writer.

All of these are refused here, before any value is used, as one message naming the file and
the line, so config and sidecar loading share one set of rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefing.errors import BriefingError

MAX_DEPTH = 64  # nesting levels; a config needs about 4
MAX_ALIAS_EXPANSION = 10_000  # extra nodes that aliases may add on top of what the file spells out
_SURROGATES = range(0xD800, 0xE000)


class _Refused(Exception):
    """A problem found while composing or constructing: line (1-based) and message."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


class _Loader(yaml.SafeLoader):
    """SafeLoader that counts nesting while composing and turns constructor crashes into _Refused."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _Refused(mark.line + 1, f"nested more than {MAX_DEPTH} levels deep; flatten it")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (_Refused, yaml.YAMLError):
            raise
        except (ValueError, OverflowError, TypeError) as exc:
            shown = str(node.value)[:60] if isinstance(node, yaml.ScalarNode) else node.tag
            raise _Refused(
                node.start_mark.line + 1, f"'{shown}' is not a valid value ({exc}); correct it or quote it"
            ) from None


def _check_graph(root: yaml.Node) -> None:
    """Refuse duplicate keys, lone surrogates, alias bombs and deep alias chains, walking each node once.

    Aliases make the node tree a graph; its expanded size and depth are computed with one
    memo per node (iteratively, so the walk itself cannot overflow the stack), which also
    finds an alias that contains itself.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            on_path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in children)
            depth[key] = 1 + max((depth[id(c)] for c in children), default=0)
            continue
        if key in size:
            continue
        if key in on_path:
            raise _Refused(node.start_mark.line + 1, "an alias refers to the node that contains it")
        on_path.add(key)
        _check_node(node)
        stack.append((node, True))
        for child in children:
            if id(child) in on_path:
                raise _Refused(child.start_mark.line + 1, "an alias refers to the node that contains it")
            if id(child) not in size:
                stack.append((child, False))
    if depth[id(root)] > MAX_DEPTH:
        raise _Refused(root.start_mark.line + 1, f"aliases nest it more than {MAX_DEPTH} levels deep")
    extra = size[id(root)] - len(size)
    if extra > MAX_ALIAS_EXPANSION:
        raise _Refused(
            root.start_mark.line + 1,
            f"its aliases (*name) expand to {size[id(root)]:,} values from {len(size):,} written; "
            f"at most {MAX_ALIAS_EXPANSION:,} repeated values are allowed, write them out instead",
        )


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_node(node: yaml.Node) -> None:
    if isinstance(node, yaml.ScalarNode):
        bad = next((c for c in str(node.value) if ord(c) in _SURROGATES), None)
        if bad is not None:
            raise _Refused(
                node.start_mark.line + 1,
                f"contains a lone surrogate (\\u{ord(bad):04x}), which is not a character; remove that escape",
            )
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for k, _ in node.value:
            if not isinstance(k, yaml.ScalarNode) or k.value == "<<":
                continue
            line = k.start_mark.line + 1
            if k.value in seen:
                raise _Refused(
                    line,
                    f"key '{k.value}' appears twice, on lines {seen[k.value]} and {line}; "
                    "YAML would silently keep only the second, so merge them into one",
                )
            seen[k.value] = line


def load_yaml(text: str, path: Path, error: type[BriefingError]) -> tuple[Any, yaml.Node | None]:
    """Return (data, root node for line numbers); raise `error("FILE:LINE: ...")` on any problem."""
    try:
        loader = _Loader(text)  # the reader refuses control characters here, before parsing
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise error(
            f"{path}:{line}: not valid YAML (character {exc.character!r} is not allowed; remove it)"
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_graph(node)
        return loader.construct_document(node), node
    except _Refused as exc:
        raise error(f"{path}:{exc.line}: {exc.message}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise error(f"{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    except RecursionError:  # belt and braces: the depth check should make this unreachable
        raise error(f"{path}: nested too deeply to read; flatten it") from None
    finally:
        loader.dispose()
