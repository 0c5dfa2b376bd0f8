"""Load and validate `config.yaml`: themes, the people registry, output and schedule settings.

Every problem is collected and reported at once as `FILE:LINE: KEY: message`
(MkDocs style), so a user fixes all mistakes in one round instead of one per run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, is_dataclass
from pathlib import Path
from typing import Any, get_type_hints

import yaml

from briefing.delivery.loading import load_delivery
from briefing.delivery.settings import Delivery
from briefing.errors import ConfigError
from briefing.ingest.settings import Feed, load_feeds
from briefing.model import OutputSettings, Person, Theme
from briefing.model.setting import Rules, declared, setting
from briefing.safeio import describe_os_error, read_regular_text
from briefing.safeyaml import load_yaml
from briefing.text.calendar import WEEKDAY_NAMES

MAX_CONFIG_BYTES = 1 << 20  # a config is a few KB; anything near this is not one


@dataclass(frozen=True)
class Schedule:
    every: str = setting("week", "how often the scheduled job runs", choices=("week", "day"))
    day: str = setting(
        "monday", "weekday of a weekly run", choices=tuple(d.lower() for d in WEEKDAY_NAMES), lower=True
    )
    time: str = setting(
        "07:00",
        "local time of the run; quote it in YAML",
        pattern=r"(?:[01]?\d|2[0-3]):[0-5]\d",
        pattern_doc="HH:MM in 24-hour time",
        advice="quote it in YAML",
    )


# The sections of config.yaml; their options are declared on the types they load into.
SECTIONS: dict[str, str] = {
    "themes": "the themes, one briefing each (required); options under themes[]",
    "people": "the people registry: quotes are attributed to these names; options under people[]",
    "output": "where and what to write; options under output.",
    "schedule": "when `briefing schedule` runs the build; options under schedule.",
    "delivery": "who receives each edition (see Delivery)",
    "feeds": "RSS/Atom feeds `briefing ingest` saves into the corpus; options under feeds[]",
}

THEME_DELIVERY = "who receives this theme's editions, in place of the top-level delivery: (see Delivery)"


@dataclass(frozen=True)
class Config:
    path: Path
    themes: tuple[Theme, ...]
    people: tuple[Person, ...] = ()
    output: OutputSettings = field(default_factory=OutputSettings)
    schedule: Schedule = field(default_factory=Schedule)
    author: str | None = setting(None, "who issues the briefings, written into document metadata")
    delivery: dict[str, Delivery] = field(default_factory=dict)  # theme id -> who gets its editions
    # None: SQLite in the output folder; "none": no store
    store: str | None = setting(
        None, "corpus store: a file path, sqlite:///PATH, postgresql://... or none (default: OUTPUT/.store.sqlite)"
    )
    feeds: tuple[Feed, ...] = ()  # RSS/Atom feeds `briefing ingest` saves into the corpus

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        known = ", ".join(t.id for t in self.themes)
        raise ConfigError(f"unknown theme '{theme_id}'. Known themes: {known}")

    def person(self, name: str) -> Person | None:
        for p in self.people:
            if p.name == name:
                return p
        return None


def documented_options() -> list[tuple[str, str, str, str]]:
    """Return (key, type, default, meaning) for every option, as the README's table lists them."""
    rows = [(name, _kind_name(Config, name), "", doc) for name, doc in SECTIONS.items()]
    for prefix, cls in (
        ("", Config),
        ("output.", OutputSettings),
        ("schedule.", Schedule),
        ("themes[].", Theme),
        ("people[].", Person),
        ("feeds[].", Feed),
    ):
        for f in declared(cls):
            rules: Rules = f.metadata["rules"]
            default = "required" if rules.required else _shown(f.default)
            rows.append((prefix + f.name, _kind_name(cls, f.name), default, f.metadata["doc"]))
        if cls is Theme:
            rows.append(("themes[].delivery", "mapping", "", THEME_DELIVERY))
    return rows


def _kind_name(cls: type, name: str) -> str:
    kind = get_type_hints(cls)[name]
    if is_dataclass(kind) or str(kind).startswith("dict"):
        return "mapping"
    if kind is int:
        return "whole number"
    if kind is str or kind == str | None:
        return "string"
    if kind == tuple[str, ...]:
        return "list of strings"
    return "list"


def _shown(default: Any) -> str:
    if default is None:
        return "none"
    if isinstance(default, tuple):
        return "[" + ", ".join(default) + "]"
    return str(default)


# -- loading ---------------------------------------------------------------------------------


def _line_map(node: yaml.Node, path: str = "", out: dict[str, int] | None = None) -> dict[str, int]:
    """Return {key path: 1-based line} for every node, so errors can name the line."""
    out = {} if out is None else out
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            key = f"{path}.{k.value}" if path else str(k.value)
            out[key] = k.start_mark.line + 1
            _line_map(v, key, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _line_map(v, f"{path}[{i}]", out)
    return out


class _Problems:
    def __init__(self, path: Path, lines: dict[str, int]):
        self.path, self.lines = path, lines
        self.items: list[str] = []

    def add(self, key: str, message: str) -> None:
        probe = key
        while probe and probe not in self.lines:
            shorter = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", probe)
            probe = shorter if shorter != probe else ""  # a top-level key not written: line 1, no loop
        line = self.lines.get(probe or "", 1)
        self.items.append(f"{self.path}:{line}: {key}: {message}")


def _str_list(raw: Any, key: str, problems: _Problems) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        problems.add(key, "must be a list of non-empty strings")
        return ()
    return tuple(x.strip() for x in raw)


def _check_keys(raw: dict, allowed: set[str], key: str, problems: _Problems) -> None:
    for k in raw:
        if k not in allowed:
            where = f"{key}.{k}" if key else str(k)
            problems.add(where, f"unknown key '{k}' (allowed: {', '.join(sorted(allowed))})")


_INVALID = object()


def _settings(cls: type, raw: Any, key: str, problems: _Problems, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    """Return the declared options of `cls` found in the mapping `raw`, each checked by its rules.

    Options the mapping leaves out keep their declared defaults (the caller builds `cls`);
    a missing required option, an unknown key or a bad value is added to `problems`.
    """
    if not isinstance(raw, dict):
        problems.add(key, "must be a mapping")
        return {}
    options = declared(cls)
    _check_keys(raw, {f.name for f in options} | set(extra), key, problems)
    hints = get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in options:
        rules: Rules = f.metadata["rules"]
        where = f"{key}.{f.name}" if key else f.name
        if f.name not in raw:
            if rules.required:
                problems.add(where, "is required")
            continue
        value = _checked(raw[f.name], hints[f.name], rules, where, problems)
        if value is not _INVALID:
            values[f.name] = value
    return values


def _checked(value: Any, kind: Any, rules: Rules, where: str, problems: _Problems) -> Any:
    """Return `value` as the option's type, or `_INVALID` after saying what is wrong with it."""
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int) or value < (rules.minimum or 0):
            problems.add(where, f"must be a whole number >= {rules.minimum or 0} (got {value!r})")
            return _INVALID
        if rules.maximum is not None and value > rules.maximum:
            problems.add(where, f"must be between {rules.minimum or 0} and {rules.maximum} (got {value!r})")
            return _INVALID
        return value
    if kind == tuple[str, ...]:
        items = _str_list(value, where, problems)
        bad = [x for x in items if rules.choices and x not in rules.choices]
        if bad:
            problems.add(where, f"unknown value(s) {', '.join(bad)}; choose from {', '.join(rules.choices)}")
            return _INVALID
        return items
    # a string option: `str` must be written out, `str | None` may be left empty
    optional = kind is not str
    if value is None and optional:
        return None
    if not isinstance(value, str) or (not optional and not value.strip()):
        what = rules.pattern_doc or ("a string" if optional else "a non-empty string")
        hint = "; quote it in YAML" if rules.pattern else ""
        problems.add(where, f"must be {what} (got {value!r}){hint}")
        return _INVALID
    text = value.strip().lower() if rules.lower else value.strip()
    if rules.choices and text not in rules.choices:
        problems.add(where, f"must be one of {', '.join(rules.choices)} (got {value!r})")
        return _INVALID
    if rules.pattern and not re.fullmatch(rules.pattern, text):
        hint = f"; {rules.advice}" if rules.advice else ""
        problems.add(where, f"'{text}' is not {rules.pattern_doc}{hint}")
        return _INVALID
    return text


def load_config(path: str | Path) -> Config:
    """Return the validated config, or raise ConfigError listing every problem found."""
    path = Path(path)
    try:
        text = read_regular_text(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: config file not found; pass --config FILE or create config.yaml"
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"{describe_os_error(path, exc)}; pass --config FILE naming the config file"
        ) from None
    raw, node = load_yaml(text, path, ConfigError)
    lines = _line_map(node) if node is not None else {}
    problems = _Problems(path, lines)
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}:1: the config must be a mapping with a 'themes:' list")
    _check_keys(raw, set(SECTIONS) | {f.name for f in declared(Config)}, "", problems)

    people = _load_people(raw.get("people"), problems)
    themes = _load_themes(raw.get("themes"), problems, {p.name for p in people})
    output = _load_output(raw.get("output"), problems)
    schedule = _load_schedule(raw.get("schedule"), problems)
    author = _settings(Config, {k: v for k, v in raw.items() if k == "author"}, "", problems).get("author")
    delivery = load_delivery(raw.get("delivery"), _theme_deliveries(raw.get("themes")), problems)
    store = raw.get("store")
    if store is False:
        store = "none"
    if store is not None and (not isinstance(store, str) or not store.strip()):
        problems.add("store", "must be a file path, sqlite:///PATH, postgresql://... or none")
        store = None
    feeds = load_feeds(raw.get("feeds"), problems, {t.id for t in themes})
    if problems.items:
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(problems.items))
    return Config(
        path=path,
        themes=themes,
        people=people,
        output=output,
        schedule=schedule,
        author=author,
        delivery=delivery,
        store=store,
        feeds=feeds,
    )


def _theme_deliveries(raw: Any) -> dict[str, tuple[str, Any]]:
    """Return {theme id: (key, its `delivery:` override or None)} for `delivery.settings`."""
    out: dict[str, tuple[str, Any]] = {}
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] not in out:
            out[item["id"]] = (f"themes[{i}].delivery", item.get("delivery"))
    return out


def _load_people(raw: Any, problems: _Problems) -> tuple[Person, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.add("people", "must be a list of {name, role, aliases}")
        return ()
    people, seen = [], set()
    for i, item in enumerate(raw):
        key = f"people[{i}]"
        values = _settings(Person, item, key, problems)
        if "name" not in values:
            continue
        if values["name"] in seen:
            problems.add(f"{key}.name", f"duplicate person '{values['name']}'")
        seen.add(values["name"])
        people.append(Person(**values))
    return tuple(people)


def _load_themes(raw: Any, problems: _Problems, known_people: set[str]) -> tuple[Theme, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add("themes", "must be a non-empty list of themes")
        return ()
    themes, seen = [], set()
    for i, item in enumerate(raw):
        key = f"themes[{i}]"
        values = _settings(Theme, item, key, problems, extra=("delivery",))
        tid = values.get("id")
        if tid in seen:
            problems.add(f"{key}.id", f"duplicate theme id '{tid}'")
        seen.add(tid)
        if isinstance(item, dict) and not values.get("terms") and not values.get("phrases"):
            problems.add(f"{key}.terms", "a theme needs at least one term or phrase")
        for name in values.get("people", ()):
            if known_people and name not in known_people:
                problems.add(f"{key}.people", f"'{name}' is not in the people: registry")
        if {"id", "title", "description"} <= values.keys():
            themes.append(Theme(**values))
    return tuple(themes)


def _load_output(raw: Any, problems: _Problems) -> OutputSettings:
    return OutputSettings() if raw is None else OutputSettings(**_settings(OutputSettings, raw, "output", problems))


def _load_schedule(raw: Any, problems: _Problems) -> Schedule:
    return Schedule() if raw is None else Schedule(**_settings(Schedule, raw, "schedule", problems))
