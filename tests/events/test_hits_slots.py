"""``_hits`` reads a family's live patterns from the few patterns present in the sentence (``_slots``): the same
hits, in the same order, as reading all the family's patterns in turn (kept here as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.events.detect import _hits
from dateline.events.lexicon import Family, families, pattern_specs
from dateline.events.prefilters import pattern_scan, trigger_scan, union_safe


def _hits_reference(fam: Family, low: str, in_note: bool = False) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    if fam.name not in trigger_scan().present(low):
        return found
    present = pattern_scan().present(low)
    live = [(pat, weak) for pats, weak in ((fam.strong, False), (fam.weak, True)) for pat in pats
            if pat.pattern in present and (in_note or pat.pattern not in fam.note_only)]
    if not live or (not union_safe(fam.any.pattern) and fam.any.search(low) is None):
        return found
    for pat, weak in live:
        for m in pat.finditer(low):
            span = m.span("t") if "t" in pat.groupindex and m.group("t") else m.span()
            found.append((span[0], span[1], weak))
    found.sort(key=lambda h: (h[2], h[0]))
    return found


_EXAMPLES = sorted({ex.lower() for spec in pattern_specs() for ex in spec.examples})


def test_examples() -> None:
    for text in _EXAMPLES:
        for fam in families().values():
            for in_note in (False, True):
                assert _hits(fam, text, in_note) == _hits_reference(fam, text, in_note)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_EXAMPLES), min_size=1, max_size=3).map(" ".join), st.booleans())
def test_joined_examples(text: str, in_note: bool) -> None:
    for fam in families().values():
        assert _hits(fam, text, in_note) == _hits_reference(fam, text, in_note)
