"""Only when new, exactly once: `briefing send` across editions, reruns, rebuilds and a failed build."""

from __future__ import annotations

import json

from briefing.cli import main
from briefing.errors import OutputError
from briefing.writers import WRITERS
from tests.delivery_helpers import THEME, SmtpServer, add_article, write_project
from tests.test_delivery_email import build, mail_config, manifest, send


def test_nothing_is_sent_when_an_edition_has_nothing_new_and_a_change_is_sent_once(tmp_path, capsys):
    with SmtpServer() as smtp:
        root = write_project(tmp_path, mail_config(smtp.port))
        build(root, "2026-03-02")
        assert send(root) == 0
        assert len(smtp.messages) == 2  # a first edition: everything in it is new to its readers
        capsys.readouterr()

        # A week with no change: the second edition's "What's new" is empty.
        build(root, "2026-03-09")
        assert send(root, "--dry-run") == 0
        assert capsys.readouterr().out == (
            f"{THEME} 2026-03-09: nothing new since the edition of 2026-03-02; nothing would be sent\n"
        )
        assert send(root) == 0
        assert capsys.readouterr().out == (
            f"{THEME} 2026-03-09: nothing new since the edition of 2026-03-02; nothing sent\n"
        )
        assert len(smtp.messages) == 2
        assert "deliveries" not in manifest(root, "2026-03-09")

        # A change: the dry run says what would go and sends and records nothing ...
        add_article(root)
        build(root, "2026-03-16")
        before = (root / "out" / THEME / "2026-03-16" / "manifest.json").read_bytes()
        assert send(root, "--dry-run") == 0
        out = capsys.readouterr().out
        assert (
            "2026-03-16: would send \u201cHarbour fees briefing \u2014 edition of 16 March 2026\u201d" in out
        )
        assert "mailto:ann@example.org" in out and "mailto:bob@example.org" in out
        assert len(smtp.messages) == 2
        assert (root / "out" / THEME / "2026-03-16" / "manifest.json").read_bytes() == before

        # ... then two runs send it exactly once,
        assert send(root) == 0
        assert send(root) == 0
        assert capsys.readouterr().out.endswith(
            f"{THEME} 2026-03-16: already delivered to all 2 recipient(s); nothing to send\n"
        )
        assert len(smtp.messages) == 4
        assert [m["Subject"] for _, _, m in smtp.messages[2:]] == [
            "Harbour fees briefing \u2014 edition of 16 March 2026"
        ] * 2

        # and rebuilding that edition keeps its record, so it is not sent again either.
        build(root, "2026-03-16")
        assert manifest(root, "2026-03-16")["deliveries"]["mailto:ann@example.org"]["status"] == "sent"
        assert send(root) == 0
        assert len(smtp.messages) == 4

    latest = json.loads((root / "out" / THEME / "latest" / "manifest.json").read_text())
    assert latest["edition"] == "2026-03-16" and set(latest["deliveries"]) == {
        "mailto:ann@example.org",
        "mailto:bob@example.org",
    }


def test_a_new_recipient_gets_the_current_edition_and_the_others_do_not_get_it_again(tmp_path):
    with SmtpServer() as smtp:
        root = write_project(tmp_path, mail_config(smtp.port, to="[ann@example.org]"))
        build(root, "2026-03-02")
        assert send(root) == 0
        config = root / "config.yaml"
        config.write_text(
            config.read_text().replace("[ann@example.org]", "[ann@example.org, cy@example.org]")
        )
        assert send(root) == 0
    assert [rcpts for _, rcpts, _ in smtp.messages] == [["ann@example.org"], ["cy@example.org"]]


def test_only_when_new_false_sends_an_unchanged_edition(tmp_path):
    with SmtpServer() as smtp:
        root = write_project(
            tmp_path, mail_config(smtp.port, to="[ann@example.org]", extra="  only_when_new: false\n")
        )
        build(root, "2026-03-02")
        build(root, "2026-03-09")
        assert send(root) == 0
    assert [m["Subject"] for _, _, m in smtp.messages] == [
        "Harbour fees briefing \u2014 edition of 9 March 2026"
    ]
    text = smtp.messages[0][2].get_body(("plain",)).get_content()
    assert "Nothing new since the edition of 2 March 2026." in text


class FailingWriter:
    suffix = ".pdf"

    @staticmethod
    def warm() -> None:
        pass

    @staticmethod
    def render(briefing) -> bytes:
        raise OutputError("PDF writer broken")


def test_a_failed_build_sends_nothing(tmp_path, monkeypatch, capsys):
    with SmtpServer() as smtp:
        root = write_project(tmp_path, mail_config(smtp.port, to="[ann@example.org]"))
        build(root, "2026-03-02")
        assert send(root) == 0
        add_article(root)
        monkeypatch.setitem(WRITERS, "pdf", FailingWriter)
        args = ["build", "--config", str(root / "config.yaml"), "--seeds", str(root / "seeds")]
        assert main([*args, "--out", str(root / "out"), "--date", "2026-03-09", "--quiet"]) != 0
        capsys.readouterr()
        assert send(root) == 0  # the newest complete edition is the one already delivered
    assert len(smtp.messages) == 1
    assert "already delivered" in capsys.readouterr().out
    assert not (root / "out" / THEME / "2026-03-09").exists()


def test_send_without_any_edition_says_to_build_first(tmp_path, capsys):
    root = write_project(tmp_path, mail_config(2525))
    assert send(root) == 6
    err = capsys.readouterr().err
    assert f"{THEME}: no edition in {root / 'out' / THEME} yet; run `briefing build` first" in err
    assert "Traceback" not in err


def test_a_hand_edited_delivery_record_of_the_wrong_shape_is_resent_not_a_traceback(tmp_path, capsys):
    # A user (or another tool) rewrote the manifest's delivery record with values of the wrong type.
    with SmtpServer() as smtp:
        root = write_project(tmp_path, mail_config(smtp.port))
        build(root, "2026-03-02")
        path = root / "out" / THEME / "2026-03-02" / "manifest.json"
        for broken in (
            ["mailto:ann@example.org"],
            {"mailto:ann@example.org": {"status": "failed", "attempts": "x"}},
        ):
            data = json.loads(path.read_text(encoding="utf-8"))
            data["deliveries"] = broken
            path.write_text(json.dumps(data), encoding="utf-8")
            before = len(smtp.messages)
            assert send(root) == 0
            err = capsys.readouterr().err
            assert "Traceback" not in err
            assert len(smtp.messages) == before + 2  # neither recipient is on record as served
            record = manifest(root, "2026-03-02")["deliveries"]
            assert record["mailto:ann@example.org"]["status"] == "sent"
            assert record["mailto:ann@example.org"]["attempts"] == 1
