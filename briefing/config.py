"""Load and validate `config.yaml`: themes, the people registry, output and schedule settings.

Every problem is collected and reported at once as `FILE:LINE: KEY: message`
(MkDocs style), so a user fixes all mistakes in one round instead of one per run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.delivery.settings import Delivery, load_delivery
from briefing.errors import ConfigError
from briefing.ingest.settings import Feed, load_feeds
from briefing.model import FORMATS, OutputSettings, Person, Theme
from briefing.safeio import describe_os_error, read_regular_text
from briefing.safeyaml import load_yaml
from briefing.text.calendar import FULL_WEEKDAY_WORDS

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_CONFIG_BYTES = 1 << 20  # a config is a few KB; anything near this is not one
@dataclass(frozen=True)
class Schedule:
    every: str = "week"
    day: str = "monday"
    time: str = "07:00"


@dataclass(frozen=True)
class Config:
    path: Path
    themes: tuple[Theme, ...]
    people: tuple[Person, ...] = ()
    output: OutputSettings = field(default_factory=OutputSettings)
    schedule: Schedule = field(default_factory=Schedule)
    author: str | None = None  # who issues the briefings (document metadata)
    delivery: dict[str, Delivery] = field(default_factory=dict)  # theme id -> who gets its editions
    store: str | None = (
        None  # corpus store: None = SQLite in the output folder, "none" = no store, a path or URL
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
    _check_keys(
        raw, {"themes", "people", "output", "schedule", "author", "delivery", "store", "feeds"}, "", problems
    )

    people = _load_people(raw.get("people"), problems)
    themes = _load_themes(raw.get("themes"), problems, {p.name for p in people})
    output = _load_output(raw.get("output"), problems)
    schedule = _load_schedule(raw.get("schedule"), problems)
    author = raw.get("author")
    if author is not None and not isinstance(author, str):
        problems.add("author", "must be a string")
        author = None
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
        if not isinstance(item, dict):
            problems.add(key, "must be a mapping with name, role and aliases")
            continue
        _check_keys(item, {"name", "role", "aliases"}, key, problems)
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.add(f"{key}.name", "is required and must be a string")
            continue
        if name in seen:
            problems.add(f"{key}.name", f"duplicate person '{name}'")
        seen.add(name)
        role = item.get("role")
        if role is not None and not isinstance(role, str):
            problems.add(f"{key}.role", "must be a string")
            role = None
        people.append(Person(name.strip(), role, _str_list(item.get("aliases"), f"{key}.aliases", problems)))
    return tuple(people)


def _load_themes(raw: Any, problems: _Problems, known_people: set[str]) -> tuple[Theme, ...]:
    if not isinstance(raw, list) or not raw:
        problems.add("themes", "must be a non-empty list of themes")
        return ()
    allowed = {"id", "title", "description", "terms", "phrases", "aliases", "exclude", "people", "delivery"}
    themes, seen = [], set()
    for i, item in enumerate(raw):
        key = f"themes[{i}]"
        if not isinstance(item, dict):
            problems.add(key, "must be a mapping with id, title, description and terms")
            continue
        _check_keys(item, allowed, key, problems)
        tid = item.get("id")
        if not isinstance(tid, str):
            problems.add(f"{key}.id", "is required and must be a string")
            continue
        if not SLUG.match(tid):
            problems.add(
                f"{key}.id", f"'{tid}' is not a safe slug (lower-case letters, digits and single hyphens)"
            )
        if tid in seen:
            problems.add(f"{key}.id", f"duplicate theme id '{tid}'")
        seen.add(tid)
        for req in ("title", "description"):
            if not isinstance(item.get(req), str) or not item[req].strip():
                problems.add(f"{key}.{req}", "is required and must be a non-empty string")
        terms = _str_list(item.get("terms"), f"{key}.terms", problems)
        phrases = _str_list(item.get("phrases"), f"{key}.phrases", problems)
        if not terms and not phrases:
            problems.add(f"{key}.terms", "a theme needs at least one term or phrase")
        people = _str_list(item.get("people"), f"{key}.people", problems)
        for name in people:
            if known_people and name not in known_people:
                problems.add(f"{key}.people", f"'{name}' is not in the people: registry")
        themes.append(
            Theme(
                id=tid,
                title=str(item.get("title") or tid).strip(),
                description=str(item.get("description") or "").strip(),
                terms=terms,
                phrases=phrases,
                aliases=_str_list(item.get("aliases"), f"{key}.aliases", problems),
                exclude=_str_list(item.get("exclude"), f"{key}.exclude", problems),
                people=people,
            )
        )
    return tuple(themes)


def _load_output(raw: Any, problems: _Problems) -> OutputSettings:
    if raw is None:
        return OutputSettings()
    if not isinstance(raw, dict):
        problems.add("output", "must be a mapping")
        return OutputSettings()
    defaults = OutputSettings()
    ints = ("max_passages", "max_events", "max_quotes", "summary_points", "pages")
    _check_keys(raw, {"folder", "formats", *ints}, "output", problems)
    values: dict[str, Any] = {}
    if "folder" in raw:
        if isinstance(raw["folder"], str) and raw["folder"].strip():
            values["folder"] = raw["folder"]
        else:
            problems.add("output.folder", "must be a non-empty string")
    if "formats" in raw:
        fmts = _str_list(raw["formats"], "output.formats", problems)
        bad = [f for f in fmts if f not in FORMATS]
        if bad:
            problems.add(
                "output.formats", f"unknown format(s) {', '.join(bad)}; choose from {', '.join(FORMATS)}"
            )
        else:
            values["formats"] = fmts
    for k in ints:
        if k in raw:
            v = raw[k]
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                problems.add(f"output.{k}", f"must be a whole number >= 0 (got {v!r})")
            else:
                values[k] = v
    if "summary_points" in values and not 0 <= values["summary_points"] <= 7:
        problems.add("output.summary_points", "must be between 0 and 7")
    return OutputSettings(**{**defaults.__dict__, **values})


def _load_schedule(raw: Any, problems: _Problems) -> Schedule:
    if raw is None:
        return Schedule()
    if not isinstance(raw, dict):
        problems.add("schedule", "must be a mapping like {every: week, day: monday, time: '07:00'}")
        return Schedule()
    _check_keys(raw, {"every", "day", "time"}, "schedule", problems)
    every = raw.get("every", "week")
    day = str(raw.get("day", "monday")).lower()
    time = str(raw.get("time", "07:00"))
    if every not in ("week", "day"):
        problems.add("schedule.every", f"must be 'week' or 'day' (got {every!r})")
    if day not in FULL_WEEKDAY_WORDS:
        problems.add("schedule.day", f"must be a weekday name (got {day!r})")
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", time)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        problems.add("schedule.time", f"must be HH:MM in 24-hour time (got {time!r}); quote it in YAML")
    return Schedule(every=every, day=day, time=time)
