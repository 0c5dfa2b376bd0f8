"""The `delivery:` config section: what is accepted, and the message for each mistake.

Messages name the file, line and key like the rest of the config loader, and no secret
value can be given in config.yaml at all.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.delivery.secrets import Redactor, Secret, read_secret
from briefing.delivery.settings import SecretRef
from briefing.errors import ConfigError

THEMES = """\
themes:
  - id: alpha
    title: Alpha
    description: First theme.
    terms: [alpha]
  - id: beta
    title: Beta
    description: Second theme.
    terms: [beta]
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "config.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_config(path)


def problems(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as err:
        load(tmp_path, text)
    return str(err.value)


GOOD = (
    THEMES
    + """\
delivery:
  publish_url: https://intranet.example.org/briefings
  email:
    to: [ann@example.org, "bob.smith+news@mail.example.co.uk"]
    from: "Briefing desk <briefing@example.org>"
    smtp:
      host: smtp.example.org
      user: briefing@example.org
      password_env: BRIEFING_SMTP_PASSWORD
  webhooks:
    - style: slack
      url_env: BRIEFING_SLACK_WEBHOOK
    - style: teams
      url_file: ~/.config/briefing/teams-webhook
"""
)


def test_a_full_delivery_section_applies_to_every_theme_with_defaults(tmp_path):
    config = load(tmp_path, GOOD)
    assert sorted(config.delivery) == ["alpha", "beta"]
    d = config.delivery["alpha"]
    assert d.email is not None
    assert d.email.to == ("ann@example.org", "bob.smith+news@mail.example.co.uk")
    assert (d.email.smtp.port, d.email.smtp.security) == (587, "starttls")
    assert d.email.smtp.password == SecretRef(
        "delivery.email.smtp.password_env", env="BRIEFING_SMTP_PASSWORD"
    )
    assert d.only_when_new is True
    assert d.attach == "link"  # a publish URL means link rather than attach, unless attach says otherwise
    assert d.publish_url == "https://intranet.example.org/briefings/"
    assert [w.name for w in d.webhooks] == [
        "slack:BRIEFING_SLACK_WEBHOOK",
        "teams:~/.config/briefing/teams-webhook",
    ]
    assert d.recipients()[:2] == ("mailto:ann@example.org", "mailto:bob.smith+news@mail.example.co.uk")


def test_a_theme_overrides_recipients_or_opts_out(tmp_path):
    text = GOOD.replace(
        "    terms: [alpha]\n",
        "    terms: [alpha]\n    delivery:\n      only_when_new: false\n      email:\n        to: [desk@example.org]\n",
    ).replace("    terms: [beta]\n", "    terms: [beta]\n    delivery: false\n")
    config = load(tmp_path, text)
    assert list(config.delivery) == ["alpha"]
    alpha = config.delivery["alpha"]
    assert alpha.email is not None and alpha.email.to == ("desk@example.org",)
    assert alpha.email.smtp.host == "smtp.example.org"  # the rest comes from the shared section
    assert alpha.only_when_new is False


def test_no_delivery_section_means_nothing_is_delivered(tmp_path):
    assert load(tmp_path, THEMES).delivery == {}


def test_each_mistake_is_reported_with_its_line_and_key(tmp_path):
    text = (
        THEMES
        + """\
delivery:
  attach: zip
  timeout: 0
  email:
    to: [ann@example.org, "bob@", not an address]
    from: nobody
    smtp:
      host: smtp.example.org
      port: 99999
      security: tls
      password: hunter2-secret
  webhooks:
    - style: discord
      url_env: X
    - style: slack
      url: https://hooks.slack.com/services/T000/B000/XXXXSECRET
"""
    )
    msg = problems(tmp_path, text)
    path = tmp_path / "config.yaml"
    assert f"{path}:11: delivery.attach: must be one of pdf, docx, both, link (got 'zip')" in msg
    assert f"{path}:12: delivery.timeout: must be a number of seconds" in msg
    assert f"{path}:14: delivery.email.to[1]: 'bob@' is not an e-mail address" in msg
    assert "delivery.email.to[2]: 'not an address' is not an e-mail address" in msg
    assert f"{path}:15: delivery.email.from: 'nobody' is not an e-mail address" in msg
    assert f"{path}:18: delivery.email.smtp.port: must be a port number 1-65535 (got 99999)" in msg
    assert "delivery.email.smtp.security: must be one of starttls, ssl, none (got 'tls')" in msg
    assert f"{path}:20: delivery.email.smtp.password: a password never goes in config.yaml" in msg
    assert "delivery.webhooks[0].style: must be one of slack, teams (got 'discord')" in msg
    assert f"{path}:25: delivery.webhooks[1].url: a webhook URL carries its access token" in msg
    assert "is required" not in msg  # an invalid sender is reported once, not also as missing
    # the loader repeats no secret it was given by mistake
    assert "hunter2-secret" not in msg and "XXXXSECRET" not in msg


def test_a_theme_override_mistake_names_the_themes_key(tmp_path):
    text = GOOD.replace(
        "    terms: [beta]\n", "    terms: [beta]\n    delivery:\n      email:\n        to: [x@y@z]\n"
    )
    msg = problems(tmp_path, text)
    assert (
        f"{tmp_path / 'config.yaml'}:12: themes[1].delivery.email.to[0]: 'x@y@z' is not an e-mail address"
        in msg
    )


def test_recipients_without_a_server_or_a_sender_are_refused(tmp_path):
    msg = problems(tmp_path, THEMES + "delivery:\n  email:\n    to: [ann@example.org]\n")
    assert "delivery.email.from: is required to send e-mail" in msg
    assert "delivery.email.smtp.host: is required to send e-mail" in msg
    msg = problems(tmp_path, THEMES + "delivery:\n  webhooks:\n    - {style: slack, url_env: HOOK}\n")
    assert "delivery.publish_url: is required with webhooks" in msg
    msg = problems(tmp_path, THEMES + "delivery:\n  only_when_new: true\n")
    assert "delivery: names no recipients" in msg


def test_a_password_env_must_be_a_variable_name_not_the_password(tmp_path):
    msg = problems(
        tmp_path, GOOD.replace("password_env: BRIEFING_SMTP_PASSWORD", "password_env: 'pa ss!word'")
    )
    assert "delivery.email.smtp.password_env: must be the NAME of an environment variable" in msg
    assert "pa ss!word" not in msg


# -- reading secrets at send time --------------------------------------------------------------


def test_a_secret_comes_from_the_named_environment_variable(tmp_path):
    redactor = Redactor()
    ref = SecretRef("delivery.email.smtp.password_env", env="TEST_PW")
    secret = read_secret(ref, redactor, environ={"TEST_PW": "correct-horse-battery"})
    assert secret.reveal() == "correct-horse-battery"
    assert "correct-horse-battery" not in f"{secret} {secret!r} {[secret]}"
    assert redactor("login correct-horse-battery failed") == "login *** failed"
    with pytest.raises(ConfigError) as err:
        read_secret(ref, redactor, environ={})
    assert str(err.value).startswith(
        "delivery.email.smtp.password_env: environment variable TEST_PW is not set"
    )


def test_a_secrets_file_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "teams-webhook"
    path.write_text("https://example.webhook.office.com/webhookb2/TOKEN-abc123\n", encoding="utf-8")
    ref = SecretRef("delivery.webhooks[1].url_file", file=str(path))
    os.chmod(path, 0o644)
    with pytest.raises(ConfigError) as err:
        read_secret(ref, Redactor())
    msg = str(err.value)
    assert msg == (
        f"delivery.webhooks[1].url_file: {path} can be read by other users (mode 0644); "
        f"a secrets file must be private: run `chmod 600 {path}`"
    )
    os.chmod(path, 0o640)
    with pytest.raises(ConfigError, match="mode 0640"):
        read_secret(ref, Redactor())
    os.chmod(path, 0o600)
    secret = read_secret(ref, Redactor())
    assert isinstance(secret, Secret)
    assert secret.reveal() == "https://example.webhook.office.com/webhookb2/TOKEN-abc123"
    with pytest.raises(ConfigError, match="not found"):
        read_secret(SecretRef("k", file=str(tmp_path / "missing")), Redactor())


def test_the_readme_delivery_example_is_a_working_config(tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Delivery", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    example = example.replace(
        "    # ... title, description, terms ...\n",
        "    title: CPTPP\n    description: Trade pact.\n    terms: [cptpp]\n",
    ).replace(
        "  - id: north-korea\n",
        "  - id: north-korea\n    title: North Korea\n    description: DPRK.\n    terms: [pyongyang]\n",
    )
    config = load(tmp_path, example)
    assert list(config.delivery) == ["cptpp"]
    cptpp = config.delivery["cptpp"]
    assert cptpp.email is not None and cptpp.email.to == ("trade-desk@example.org",)
    assert [w.style for w in cptpp.webhooks] == ["slack", "teams"]
    assert cptpp.email.smtp.password == SecretRef(
        "delivery.email.smtp.password_env", env="BRIEFING_SMTP_PASSWORD"
    )


def test_a_missing_top_level_key_is_reported_not_looped_on(tmp_path):
    # `_Problems.add` used to loop forever on a key that is not written in the file
    msg = problems(tmp_path, "author: Desk\ndelivery:\n  email:\n    to: [ann@example.org]\n")
    assert f"{tmp_path / 'config.yaml'}:1: themes: must be a non-empty list of themes" in msg
