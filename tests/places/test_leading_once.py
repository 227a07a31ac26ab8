"""``candidate_score`` given the context's leading country and focus worked out once (``leading``) scores as it
does working them out itself."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.places.detect import Mention
from dateline.places.entries import Entry, Match
from dateline.places.scoring import Context, candidate_score, leading

_CC = ["IQ", "SY", "TR", "US"]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(_CC), st.sampled_from([0, 0.5, 1, 2, 3]), max_size=4),
       st.sampled_from([None, "IQ", "SY"]), st.sampled_from(_CC), st.sampled_from(["city", "admin1", "admin2"]),
       st.sampled_from([None, "IQ", "TR"]))
def test_scores_equal(counts: dict[str, float], dateline: str | None, cc: str, feature: str,
                      demonym_only: str | None) -> None:
    ctx = Context(Counter(counts), dateline, {("IQ", "01"): {"x"}}, {demonym_only} if demonym_only else set())
    entry = Entry(f"e-{cc}", "Qaim", 34.0, 41.0, cc, "01", None, feature, 20_000)
    mention = Mention(0, 4, "Qaim", "qaim", [Match(entry, 0), Match(entry, 1)])
    for match in mention.matches:
        assert candidate_score(match, [mention], ctx, {}) == candidate_score(match, [mention], ctx, {}, leading(ctx))
