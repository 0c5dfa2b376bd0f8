"""Atomic writes: complete or absent, never private by accident, no temp files left behind."""

from __future__ import annotations

import os

import pytest

from briefing.output.atomic_file import write_bytes_atomic


def test_new_file_gets_the_umask_mode_and_existing_keeps_its_own(tmp_path):
    old = os.umask(0o022)
    try:
        p = tmp_path / "index.html"
        write_bytes_atomic(p, b"one")
        assert p.stat().st_mode & 0o777 == 0o644
        p.chmod(0o640)
        write_bytes_atomic(p, b"two")
        assert p.read_bytes() == b"two" and p.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    p = tmp_path / "a.pdf"
    write_bytes_atomic(p, b"good")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_bytes_atomic(p, b"broken")
    assert p.read_bytes() == b"good"
    assert [f.name for f in tmp_path.iterdir()] == ["a.pdf"]
