"""The `delivery:` config section and its per-theme overrides, validated like the rest of config.yaml.

Parsed in two steps so a theme can override only what differs (`themes[i].delivery.email.to`)
and every mistake still names the key and line where it was written: `parse_section` checks
the types and values of what one mapping says, `merge` lays a theme's mapping over the global
one, and `finish` checks what only the combination can tell (recipients without an SMTP host).

Secrets never live here: a password or a webhook URL (which carries its token) is only
*named* (`password_env`, `url_env`) or pointed to (`password_file`, `url_file`) and read at
send time by `briefing.delivery.secrets`; a literal `password:` or `url:` is refused.
"""

from __future__ import annotations

import re
from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit

from briefing.delivery.settings import (
    ATTACH,
    DEFAULT_TIMEOUT,
    SECURITY,
    STYLES,
    Delivery,
    Email,
    Problems,
    SecretRef,
    Smtp,
    Webhook,
)

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Deliberately plain: one @, a non-empty local part and a dotted domain (or localhost), no spaces.
_ADDRESS = re.compile(r"^[^@\s<>()\[\],;:\"]+@(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$")
_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


# -- step 1: what one mapping says ----------------------------------------------------------------

_TOP = {"only_when_new", "attach", "publish_url", "timeout", "email", "webhooks"}
_EMAIL = {"to", "from", "smtp"}
_SMTP = {"host", "port", "security", "user", "password_env", "password_file", "ca_file"}
_HOOK = {"style", "url_env", "url_file", "name"}


def _unknown(raw: dict, allowed: set[str], key: str, problems: Problems, hint: dict[str, str]) -> None:
    for k in raw:
        if k in hint:
            problems.add(f"{key}.{k}", hint[k])
        elif k not in allowed:
            problems.add(f"{key}.{k}", f"unknown key '{k}' (allowed: {', '.join(sorted(allowed))})")


def _text(raw: dict, k: str, key: str, problems: Problems) -> str | None:
    v = raw.get(k)
    if v is None:
        return None
    if not isinstance(v, str) or not v.strip():
        problems.add(f"{key}.{k}", "must be a non-empty string")
        return None
    return v.strip()


def is_address(text: str) -> bool:
    """Return whether `text` is one plain e-mail address (`name@example.org`)."""
    return bool(_ADDRESS.match(text)) and ".." not in text


def _sender(v: Any, key: str, problems: Problems) -> str | None:
    """Accept `bot@example.org` or `Briefing bot <bot@example.org>`."""
    if not isinstance(v, str) or not v.strip():
        problems.add(key, "must be an e-mail address, e.g. 'Briefing <briefing@example.org>'")
        return None
    name, addr = parseaddr(v.strip())
    if not is_address(addr) or "\n" in v or "\r" in v:
        problems.add(key, f"'{v}' is not an e-mail address (write name@example.org)")
        return None
    return v.strip()


def _secret(raw: dict, base: str, key: str, problems: Problems) -> SecretRef | None:
    env, file = raw.get(f"{base}_env"), raw.get(f"{base}_file")
    if env is not None and file is not None:
        problems.add(f"{key}.{base}_env", f"give {base}_env or {base}_file, not both")
        return None
    if env is not None:
        if not isinstance(env, str) or not _ENV_NAME.match(env):
            problems.add(
                f"{key}.{base}_env",
                "must be the NAME of an environment variable (letters, digits, _), not its value",
            )
            return None
        return SecretRef(key=f"{key}.{base}_env", env=env)
    if file is not None:
        if not isinstance(file, str) or not file.strip():
            problems.add(f"{key}.{base}_file", "must be a path to a file readable only by you (chmod 600)")
            return None
        return SecretRef(key=f"{key}.{base}_file", file=file.strip())
    return None


def _parse_smtp(raw: Any, key: str, problems: Problems) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.add(key, "must be a mapping with host, port, security, user and password_env")
        return {}
    _unknown(
        raw,
        _SMTP,
        key,
        problems,
        {
            "password": "a password never goes in config.yaml; name an environment variable with "
            "password_env (or a chmod-600 file with password_file)"
        },
    )
    out: dict[str, Any] = {}
    for k in ("host", "user", "ca_file"):
        if k in raw:
            out[k] = _text(raw, k, key, problems)  # None: reported as invalid
    if "security" in raw:
        sec = raw["security"]
        if sec is False:  # YAML reads an unquoted `none`-like `off`/`no` as false
            sec = "none"
        if sec not in SECURITY:
            problems.add(f"{key}.security", f"must be one of {', '.join(SECURITY)} (got {sec!r})")
        else:
            out["security"] = sec
    if "port" in raw:
        port = raw["port"]
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            problems.add(f"{key}.port", f"must be a port number 1-65535 (got {port!r})")
        else:
            out["port"] = port
    if "password_env" in raw or "password_file" in raw:
        ref = _secret(raw, "password", key, problems)
        if ref is not None:
            out["password"] = ref
    return out


def _parse_email(raw: Any, key: str, problems: Problems) -> dict[str, Any]:
    if not isinstance(raw, dict):
        problems.add(key, "must be a mapping with to, from and smtp")
        return {}
    _unknown(raw, _EMAIL, key, problems, {})
    out: dict[str, Any] = {}
    if "to" in raw:
        to = raw["to"]
        if isinstance(to, str):
            to = [to]
        if not isinstance(to, list):
            problems.add(f"{key}.to", "must be a list of e-mail addresses")
        else:
            good = []
            for i, addr in enumerate(to):
                if not isinstance(addr, str) or not is_address(addr.strip()):
                    problems.add(
                        f"{key}.to[{i}]", f"{addr!r} is not an e-mail address (write name@example.org)"
                    )
                elif addr.strip() not in good:
                    good.append(addr.strip())
            out["to"] = tuple(good)
    if "from" in raw:
        out["from"] = _sender(raw["from"], f"{key}.from", problems)  # None: reported as invalid
    if "smtp" in raw:
        out["smtp"] = _parse_smtp(raw["smtp"], f"{key}.smtp", problems)
    return out


def _parse_webhooks(raw: Any, key: str, problems: Problems) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add(key, "must be a list of {style: slack|teams, url_env: VARIABLE}")
        return []
    hooks = []
    for i, item in enumerate(raw):
        k = f"{key}[{i}]"
        if not isinstance(item, dict):
            problems.add(k, "must be a mapping {style: slack|teams, url_env: VARIABLE}")
            continue
        _unknown(
            item,
            _HOOK,
            k,
            problems,
            {
                "url": "a webhook URL carries its access token, so it never goes in config.yaml; "
                "put it in an environment variable and name that with url_env (or a chmod-600 file: url_file)"
            },
        )
        style = item.get("style")
        if style not in STYLES:
            problems.add(f"{k}.style", f"must be one of {', '.join(STYLES)} (got {style!r})")
            continue
        ref = _secret(item, "url", k, problems)
        if ref is None:
            if "url" not in item and "url_env" not in item and "url_file" not in item:
                problems.add(k, "needs url_env (an environment variable holding the webhook URL) or url_file")
            continue
        name = _text(item, "name", k, problems) or f"{style}:{ref.env or ref.file}"
        hooks.append({"style": style, "url": ref, "name": name})
    return hooks


def parse_section(raw: Any, key: str, problems: Problems) -> dict[str, Any]:
    """Return the checked values one `delivery:` mapping gives (only the keys it sets)."""
    if not isinstance(raw, dict):
        problems.add(key, "must be a mapping (see README, 'Delivery')")
        return {}
    _unknown(raw, _TOP, key, problems, {})
    out: dict[str, Any] = {}
    if "only_when_new" in raw:
        if not isinstance(raw["only_when_new"], bool):
            problems.add(f"{key}.only_when_new", f"must be true or false (got {raw['only_when_new']!r})")
        else:
            out["only_when_new"] = raw["only_when_new"]
    if "attach" in raw:
        if raw["attach"] not in ATTACH:
            problems.add(f"{key}.attach", f"must be one of {', '.join(ATTACH)} (got {raw['attach']!r})")
        else:
            out["attach"] = raw["attach"]
    if "publish_url" in raw:
        url = _text(raw, "publish_url", key, problems)
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
                problems.add(
                    f"{key}.publish_url",
                    f"must be an http(s) URL, e.g. https://intranet/briefings/ (got {url!r})",
                )
            else:
                out["publish_url"] = url.rstrip("/") + "/"
    if "timeout" in raw:
        t = raw["timeout"]
        if isinstance(t, bool) or not isinstance(t, int | float) or not 0 < t <= 600:
            problems.add(f"{key}.timeout", f"must be a number of seconds between 1 and 600 (got {t!r})")
        else:
            out["timeout"] = float(t)
    if "email" in raw:
        out["email"] = _parse_email(raw["email"], f"{key}.email", problems)
    if "webhooks" in raw:
        out["webhooks"] = _parse_webhooks(raw["webhooks"], f"{key}.webhooks", problems)
    return out


# -- step 2: a theme's override over the global section ---------------------------------------------


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Return `base` with `override` laid over it; mappings merge key by key, lists are replaced."""
    out = dict(base)
    for k, v in override.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


# -- step 3: what only the combination can tell ----------------------------------------------------


def finish(values: dict[str, Any], key: str, problems: Problems) -> Delivery | None:
    """Return the Delivery the merged `values` describe, or None after reporting what is missing."""
    ok = True
    email: Email | None = None
    raw_mail = values.get("email") or {}
    if raw_mail.get("to"):
        smtp = raw_mail.get("smtp") or {}
        if not raw_mail.get("from"):
            if "from" not in raw_mail:  # a present but invalid value was reported already
                problems.add(f"{key}.email.from", "is required to send e-mail (the sender address)")
            ok = False
        if not smtp.get("host"):
            if "host" not in smtp:
                problems.add(f"{key}.email.smtp.host", "is required to send e-mail (your SMTP server)")
            ok = False
        if smtp.get("user") and "password" not in smtp:
            problems.add(
                f"{key}.email.smtp.password_env",
                "smtp.user is set but no password source: name an environment variable with password_env",
            )
            ok = False
        if ok:
            security = smtp.get("security", "starttls")
            email = Email(
                to=tuple(raw_mail["to"]),
                sender=raw_mail["from"],
                smtp=Smtp(
                    host=smtp["host"],
                    port=smtp.get("port", _DEFAULT_PORTS[security]),
                    security=security,
                    user=smtp.get("user"),
                    password=smtp.get("password"),
                    ca_file=smtp.get("ca_file"),
                ),
            )
    webhooks = tuple(Webhook(h["style"], h["url"], h["name"]) for h in values.get("webhooks") or ())
    names = [h.name for h in webhooks]
    for dup in sorted({n for n in names if names.count(n) > 1}):
        problems.add(f"{key}.webhooks", f"two webhooks are both named '{dup}'; give each a distinct name")
        ok = False
    publish_url = values.get("publish_url")
    attach = values.get("attach", "link" if publish_url else "pdf")
    if attach == "link" and not publish_url:
        problems.add(
            f"{key}.attach", "'link' needs publish_url: the address where `briefing publish` output is served"
        )
        ok = False
    if webhooks and not publish_url:
        problems.add(
            f"{key}.publish_url",
            "is required with webhooks: a chat notice links to the published briefing",
        )
        ok = False
    if not ok:
        return None
    return Delivery(
        email=email,
        webhooks=webhooks,
        only_when_new=values.get("only_when_new", True),
        attach=attach,
        publish_url=publish_url,
        timeout=values.get("timeout", DEFAULT_TIMEOUT),
    )


def load_delivery(
    raw: Any, theme_overrides: dict[str, tuple[str, Any]], problems: Problems
) -> dict[str, Delivery]:
    """Return {theme id: Delivery} for every theme that is delivered.

    `raw` is the top-level `delivery:` value (None when absent) and `theme_overrides` maps
    each theme id to `(config key, raw value of its delivery:)`, the value None when the
    theme says nothing and False when it opts out (`delivery: false`).
    """
    base = parse_section(raw, "delivery", problems) if raw is not None else {}
    has_recipients = bool((base.get("email") or {}).get("to") or base.get("webhooks"))
    # checked once, so a mistake in the shared section is reported once, not once per theme
    shared = finish(base, "delivery", problems) if has_recipients else None
    out: dict[str, Delivery] = {}
    for theme_id, (key, over) in theme_overrides.items():
        if over is False:
            continue
        if over is None:
            if shared is not None:
                out[theme_id] = shared
            continue
        values = merge(base, parse_section(over, key, problems))
        if not (values.get("email") or {}).get("to") and not values.get("webhooks"):
            problems.add(key, "names no recipients: give email.to and/or webhooks")
            continue
        settings = finish(values, key, problems)
        if settings is not None:
            out[theme_id] = settings
    overridden = any(over not in (None, False) for _, over in theme_overrides.values())
    if raw is not None and not has_recipients and not overridden:
        problems.add("delivery", "names no recipients: give email.to and/or webhooks")
    return out
