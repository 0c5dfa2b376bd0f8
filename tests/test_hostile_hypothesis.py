"""Hostile input found by the machine (issue 16): Hypothesis strategies for paths, YAML and document text.

The hand-written cases in test_safety_*.py cover the classes we know; these generate the
ones we did not think of.  Every property is the user-visible contract: the command line
returns a documented exit code with a one-line message (never a traceback, never hangs),
a printed schedule carries any accepted path intact, and reading a document never raises.
"""

from __future__ import annotations

import os
import shlex
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from briefing.errors import BriefingError
from briefing.paths import user_path
from briefing.readers.metadata import parse_byline
from briefing.text.sentences import split_sentences
from tests.safety_helpers import ARTICLES, CONFIG, make_project

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# -- strategies ---------------------------------------------------------------------------------

# characters that break shells, cron, systemd and file systems, mixed with ordinary ones
_NASTY = "\n\r\t\x00\x1b\x7f\x85\u2028 %$'\"\\;&|`*?~{}[]#=:"
path_text = st.text(
    alphabet=st.one_of(st.sampled_from(list(_NASTY)), st.characters(codec="utf-8", exclude_characters="/")),
    min_size=1,
    max_size=24,
)

yaml_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
)
yaml_value = st.recursive(
    yaml_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
# raw text that is almost YAML: fragments of real syntax, anchors, aliases, tags, escapes
yaml_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "themes:", "- id: x", "  title: T", "&a", "*a", "!!python/object:os.system", "<<: *a",
                "[", "]", "{", "}", '"\\ud800"', "2026-02-30", "? ", "---", "...", "\t", "  ", ": ",
                "%YAML 1.1", "!!binary", "0x1F", "1e400", "~",
            ]
        ),
        st.text(max_size=10),
    ),
    max_size=30,
).map(lambda parts: "\n".join(parts))

# article-like text: sentences with the punctuation the splitter and extractors key on
_PIECES = [
    "Sen.", "U.S.", "No.", "Jan. 14, 2026", "said", "“", "”", '"', "'", ". ", "! ", "? ", "...", "\n", "\n\n",
    "By Jane Doe", "(R-Ky.)", "Mr. Smith", "on Monday", "next week", "1942", "—", "a.m.", "\u00a0", "\x0c",
]
document_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), min_size=1, max_size=60
).map(" ".join)


def run(argv: list[str], home: str | None = None) -> int:
    """Run the CLI in-process; any exception escaping `main` fails the property (a traceback).

    With `home`, `~` and $HOME point into the test's own folder, so a generated `~` never
    makes the command read the real home directory.
    """
    saved = os.environ.get("HOME")
    if home is not None:
        os.environ["HOME"] = home
    try:
        return main(argv)
    except SystemExit as exc:  # argparse usage errors: exit 2 with a usage message
        return int(exc.code or 0)
    finally:
        if saved is not None:
            os.environ["HOME"] = saved


# -- paths --------------------------------------------------------------------------------------


@SETTINGS
@given(name=path_text, backend=st.sampled_from(["cron", "systemd"]))
@example(name="-$0", backend="cron")  # found by Hypothesis: a path starting with "-"
@example(name="-x y", backend="systemd")
def test_any_output_path_is_refused_cleanly_or_reaches_the_job_intact(name, backend, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        old = os.getcwd()
        os.chdir(project)
        try:
            # "--out=NAME": a path that starts with "-" is given this way (argparse reads "--out -x"
            # as a missing value), and the property is about what the path does, not option syntax
            argv = ["schedule", "--with", backend, f"--out={name}", "--unit-dir", str(Path(tmp) / "u")]
            code = run(argv, home=tmp)
        finally:
            os.chdir(old)
        out, err = capsys.readouterr()
    assert "Traceback" not in err
    saved = os.environ["HOME"]
    os.environ["HOME"] = tmp  # as the command saw it
    try:
        expected = user_path(name)
    except BriefingError:
        assert code == 2 and ("not set" in err or "NUL" in err or "expanded" in err)
        return
    finally:
        os.environ["HOME"] = saved
    if code != 0:
        assert code in (1, 2) and err.strip(), err
        return
    target = str(expected if expected.is_absolute() else project / expected)
    if backend == "cron":
        lines = [x for x in out.splitlines() if x and not x.startswith("#")]
        assert len(lines) == 1
        argv_out = shlex.split(lines[0].split(" ", 5)[5].replace("\\%", "%"))
    else:
        service = out.split("### ")[1]
        exec_line = next(x for x in service.splitlines() if x.startswith("ExecStart="))
        argv_out = shlex.split(exec_line[len("ExecStart=") :].replace("$$", "$").replace("%%", "%"))
        assert not [x for x in service.splitlines() if x.startswith("ExecStartPre")]
    assert argv_out[argv_out.index("--out") + 1] == os.path.normpath(target) or argv_out[
        argv_out.index("--out") + 1
    ] == target


@SETTINGS
@given(name=path_text)
def test_any_seeds_path_gives_an_exit_code_not_a_traceback(name, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        old = os.getcwd()
        os.chdir(project)
        try:
            code = run(["extract", f"--seeds={name}"], home=tmp)
        finally:
            os.chdir(old)
        _, err = capsys.readouterr()
    assert code in (0, 2, 3), err
    assert "Traceback" not in err


# -- YAML ---------------------------------------------------------------------------------------


@SETTINGS
@given(text=yaml_text)
def test_any_config_text_is_accepted_or_refused_with_a_message(text, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(text, encoding="utf-8", errors="surrogatepass")
        code = run(["themes", "--config", str(config)])
        _, err = capsys.readouterr()
    assert code in (0, 2), err
    if code == 2:
        assert err.startswith("configuration error: ") and str(config) in err


@SETTINGS
@given(value=yaml_value)
def test_any_yaml_value_in_a_theme_is_accepted_or_refused_with_a_message(value, capsys):
    base = yaml.safe_load(CONFIG)
    base["themes"][0]["title"] = value
    base["output"]["max_events"] = value
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.yaml"
        config.write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8", errors="surrogatepass")
        code = run(["themes", "--config", str(config)])
        _, err = capsys.readouterr()
    assert code in (0, 2), err
    assert "Traceback" not in err


@SETTINGS
@given(text=yaml_text)
def test_any_sidecar_text_is_accepted_or_refused_with_a_message(text, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        (project / "seeds" / "sources.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        code = run(["extract", "--config", str(project / "config.yaml"), "--seeds", str(project / "seeds")])
        _, err = capsys.readouterr()
    assert code in (0, 3), err
    assert "Traceback" not in err


# -- document text ------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(text=document_text)
def test_sentence_spans_are_ordered_and_point_into_the_text(text):
    spans = split_sentences(text)
    last = 0
    for s in spans:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        last = s.end


@settings(max_examples=150, deadline=None)
@given(line=document_text)
def test_byline_parsing_never_raises_and_names_at_most_four(line):
    names = parse_byline(line)
    assert names is None or 1 <= len(names) <= 4


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=document_text, raw=st.binary(max_size=200))
def test_any_document_is_read_or_skipped_and_the_rest_still_builds(text, raw, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p")
        (project / "seeds" / "hostile.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        (project / "seeds" / "bytes.txt").write_bytes(raw)
        code = run(["build", "--quiet", "--date", "2026-01-19", "--config", str(project / "config.yaml"),
                    "--seeds", str(project / "seeds"), "--out", str(project / "out")])
        _, err = capsys.readouterr()
        assert code == 0, err
        assert "Traceback" not in err
        model = (project / "out" / "steel" / "latest" / "model.json").read_text(encoding="utf-8")
    for name in ARTICLES:
        assert f'"file": "{name}"' in model  # the good documents were not lost
