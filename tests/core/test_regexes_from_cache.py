"""dateline.nlp_load.regexes_from_cache: re.compile answered from the regex cache while spaCy loads."""

from __future__ import annotations

import re
import threading

import pytest

from dateline import regex_cache
from dateline.nlp_load import regexes_from_cache

pytestmark = pytest.mark.usefixtures("own_regex_cache")


def test_patterns_compiled_inside_equal_re_compile_and_come_from_the_cache() -> None:
    original = re.compile
    pattern = r"(?P<n>\d+)\s+(?:killed|dead)\b"
    with regexes_from_cache():
        assert re.compile is not original
        inside = re.compile(pattern, re.IGNORECASE)
        with regexes_from_cache():  # nested: still the stand-in, restored only by the outer exit
            assert re.compile(pattern) == original(pattern)
        assert re.compile is not original
    assert re.compile is original
    assert inside == original(pattern, re.IGNORECASE)
    assert inside.search("12 Killed").group("n") == "12"
    assert (pattern, int(re.IGNORECASE)) in regex_cache._used


def test_what_the_cache_does_not_hold_goes_to_re_compile() -> None:
    with regexes_from_cache():
        assert re.compile(rb"\d+").match(b"42")  # bytes
        compiled = re.compile("a+")
        assert re.compile(compiled) is compiled  # a compiled pattern
        with pytest.raises(re.error):
            re.compile("(unclosed")
    assert not any(key[0] == "(unclosed" for key in regex_cache._used)


def test_disabled_changes_nothing() -> None:
    original = re.compile
    with regexes_from_cache(enabled=False):
        assert re.compile is original


def test_restored_after_an_error_and_across_threads() -> None:
    original = re.compile
    with pytest.raises(RuntimeError), regexes_from_cache():
        raise RuntimeError("boom")
    assert re.compile is original
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for i in range(50):
                with regexes_from_cache():
                    assert re.compile(f"x{i % 5}+").match(f"x{i % 5}")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert re.compile is original
