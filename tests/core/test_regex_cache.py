"""dateline.regex_cache: a pattern from the cache file equals ``re.compile`` of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline import regex_cache
from dateline.regex_cache import compile_cached

pytestmark = pytest.mark.usefixtures("own_regex_cache")


def _round_trip() -> None:
    """Write the file as a process does at exit, then forget everything but the file."""
    regex_cache._save()
    regex_cache._reset_for_tests()


PATTERNS = [
    (r"(?<![\w'])(?:(?P<day>\d{1,2})\s+(?P<month>jan|feb)\w*)(?![\w])", re.IGNORECASE),
    (r"^(?:Related|More)\s*[:»>›.]?\s*$", re.I | re.M),
    (r"(?P<t>kill(?:ed|ing)?)\b|(?:\bshot\b)", 0),
    (r"[\u2010-\u2015\-]+", 0),
    (r"(a)(b)?(?(2)c|d)", re.S | re.X),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_cached_pattern_equals_re_compile(pattern: str, flags: int) -> None:
    first = compile_cached(pattern, flags)
    _round_trip()
    again = compile_cached(pattern, flags)
    expected = re.compile(pattern, flags)
    for got in (first, again):
        assert got == expected  # flags, pattern and program
        assert got.groupindex == expected.groupindex and got.groups == expected.groups
    assert again.search("On 3 January 2019 they killed") is not None or pattern != PATTERNS[0][0]


def test_the_file_is_written_and_read(tmp_path: Path) -> None:
    compile_cached(r"abc+", 0)
    _round_trip()
    files = list(tmp_path.glob("regex-*.marshal"))
    assert len(files) == 1
    assert regex_cache._load()[("abc+", 0)]


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    compile_cached(r"x(y)z", re.I)
    _round_trip()
    (path,) = tmp_path.glob("regex-*.marshal")
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    assert regex_cache._load() == {}
    assert compile_cached(r"x(y)z", re.I) == re.compile(r"x(y)z", re.I)
    path.write_bytes(b"garbage")
    regex_cache._reset_for_tests()
    assert compile_cached(r"x(y)z", re.I) == re.compile(r"x(y)z", re.I)


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DATELINE_CACHE", str(blocker / "sub"))
    assert compile_cached("q+", 0) == re.compile("q+")
    regex_cache._save()  # logs at debug level, raises nothing


def test_a_bad_pattern_raises_as_re_does() -> None:
    with pytest.raises(re.error):
        compile_cached("(unclosed")


def test_every_lexicon_pattern_equals_re_compile() -> None:
    from dateline.article import rules as article_rules
    from dateline.events import lexicon
    from dateline.timex import grammar

    for fn in (lexicon.families, lexicon.cue_patterns, grammar.rules, article_rules.compiled):
        fn.cache_clear()
    for _ in range(2):  # compiled, then read back from the file
        compiled: list[re.Pattern[str]] = []
        for fam in lexicon.families().values():
            compiled += [*fam.strong, *fam.weak, fam.any]
        compiled += list(lexicon.cue_patterns().values())
        for rule in grammar.rules():
            compiled += [rule.pattern] + ([rule.trigger] if rule.trigger else [])
        rules = article_rules.compiled()
        compiled += [rules.breadcrumb, rules.boilerplate, rules.caption]
        assert len(compiled) > 400
        for pattern in compiled:
            assert pattern == re.compile(pattern.pattern, pattern.flags)
        _round_trip()
        for fn in (lexicon.families, lexicon.cue_patterns, grammar.rules, article_rules.compiled):
            fn.cache_clear()


@pytest.mark.filterwarnings("ignore::FutureWarning")  # "possible nested set" of generated patterns
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="ab()|*+?[]^$.\\dws{}1,:P<>=!", max_size=14), st.sampled_from([0, re.I, re.M | re.S]))
def test_any_pattern_compiles_as_re_does(pattern: str, flags: int) -> None:
    try:
        expected = re.compile(pattern, flags)
    except (re.error, OverflowError, RecursionError):
        with pytest.raises((re.error, OverflowError, RecursionError)):
            compile_cached(pattern, flags)
        return
    assert compile_cached(pattern, flags) == expected
    _round_trip()
    assert compile_cached(pattern, flags) == expected


def test_the_patterns_are_the_same_in_every_process() -> None:
    """A pattern built from a set in hash order would miss the cache in every new process."""
    import os
    import subprocess
    import sys

    code = (
        "import hashlib\n"
        "from dateline.article import rules\n"
        "from dateline.events import lexicon\n"
        "from dateline.timex import grammar\n"
        "ps = [f.any.pattern for f in lexicon.families().values()] + list(lexicon.cue_patterns())\n"
        "ps += [r.pattern.pattern for r in grammar.rules()] + [rules.compiled().agency.pattern]\n"
        "print(hashlib.sha256('|'.join(ps).encode()).hexdigest())\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    digests = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src}
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        digests.add(proc.stdout.strip())
    assert len(digests) == 1


def test_derived_values_are_kept_between_processes() -> None:
    """Regression: the literal prefilters parsed ~600 patterns on every start (cold start +0.45 s)."""
    from dateline.prefilter import literals

    calls: list[str] = []

    def compute() -> frozenset[str]:
        calls.append("x")
        return frozenset({"clash", "fight"})

    assert regex_cache.cached_value("test", "k", compute) == frozenset({"clash", "fight"})
    _round_trip()
    assert regex_cache.cached_value("test", "k", compute) == frozenset({"clash", "fight"})
    assert calls == ["x"], "computed once, read back from the file after"
    assert compile_cached("k", 0) == re.compile("k"), "a derived value never stands for a pattern"
    literals.cache_clear()
    first = literals(r"\bclash(?:ed|es)?\b", 0)
    _round_trip()
    literals.cache_clear()
    assert literals(r"\bclash(?:ed|es)?\b", 0) == first == frozenset({"clash"})


def test_a_derived_none_is_kept_too() -> None:
    calls: list[int] = []
    assert regex_cache.cached_value("test", "none", lambda: calls.append(1)) is None
    _round_trip()
    assert regex_cache.cached_value("test", "none", lambda: calls.append(1)) is None
    assert calls == [1]
