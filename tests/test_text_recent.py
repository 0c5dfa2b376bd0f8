"""The bounded cache of recent results the extraction stages share."""

from __future__ import annotations

from briefing.text.recent import Recent


def test_keeps_the_latest_keys_and_stays_bounded():
    recent: Recent[int, str] = Recent(4)
    for n in range(100):
        recent.put(n, str(n))
        assert len(recent) <= 8
        assert all(recent.get(k) == str(k) for k in range(max(0, n - 3), n + 1))  # the last `keep`
    assert recent.get(0) is None


def test_a_key_in_use_survives_the_turn_of_generations():
    recent: Recent[str, int] = Recent(2)
    recent.put("kept", 1)
    for n in range(10):
        recent.put(f"k{n}", n)
        assert recent.get("kept") == 1
    recent.clear()
    assert len(recent) == 0 and recent.get("kept") is None
