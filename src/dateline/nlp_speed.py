"""Faster spaCy components with identical output (see benchmarks/side_by_side.md).

- :func:`memoize_lemmatizer`: the rule lemmatizer computes a lemma from the token's text,
  part of speech and morphology only, in Python, token by token (about an eighth of a full
  parse of news text). The same lemma is memoized by ``(orth, pos, morph)`` and written
  back with one array operation. spaCy's own cache misses every token whose lemma is
  its base form (most of them). Its word lists become sets on first use (a membership
  test in a list of 57,000 nouns was most of a first pass's lemmatizer time). A word not
  memoized yet whose part of speech and morphology decide its lemma before spaCy's rules look
  at the word (white space, a base form, a part of speech without rules: the word in lower
  case; a proper noun: the word) is answered without calling ``rule_lemmatize`` (:func:`_kind`).

- :func:`index_attribute_ruler`: the attribute ruler's ``Matcher`` tries its ~180
  single- and two-token patterns at every token (about a seventh of a full parse). The same
  patterns are evaluated as array comparisons over the document's LOWER/TAG/DEP/IS_SPACE
  columns (a REGEX test, a Python loop, only where the pattern's other tests passed), and the
  matches applied as spaCy applies them (in pattern order, later patterns winning): as one
  ``Doc.from_array`` when they set only LEMMA/MORPH/POS/TAG/DEP (``set_token_attrs`` sets
  nothing else for those), else with spaCy's own ``set_token_attrs``. Patterns of any other
  shape (operators, other attributes or predicates) leave spaCy's ruler in place.

:func:`speed_up` applies both, and the faster lexeme attribute getters of
:mod:`dateline.nlp_lexattrs`; ``tests/core/test_nlp_speed.py`` checks that every token
annotation is identical to the stock model's on real news text.

The swap keeps the component's name, settings and ``pipe``; only ``__call__`` changes, so
``nlp.pipe_names`` and every annotation stay as the model defines them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["index_attribute_ruler", "memoize_lemmatizer", "speed_up"]

log = logging.getLogger(__name__)

#: memoized lemmas are forgotten when this many are held (memory stays bounded)
MAX_MEMO = 500_000


def speed_up(nlp: Language) -> list[str]:
    """Apply every identical-output speed-up this model allows; returns the components changed."""
    changed = []
    if index_attribute_ruler(nlp):
        changed.append("attribute_ruler")
    if memoize_lemmatizer(nlp):
        changed.append("lemmatizer")
    from .nlp_lexattrs import fast_lexeme_attrs

    changed += [f"lexeme {name}" for name in fast_lexeme_attrs(nlp)]
    return changed


def _swap_class(component: Any, mixin: type) -> bool:
    base = type(component)
    twin = type(f"{mixin.__name__.strip('_')}{base.__name__}", (mixin, base), {})
    try:
        component.__class__ = twin
    except TypeError:  # an incompatible layout: keep spaCy's own
        log.debug("cannot swap %s for %s", base.__name__, twin.__name__)
        return False
    return True


def memoize_lemmatizer(nlp: Language) -> bool:
    """Swap the model's rule lemmatizer for its memoized twin; False when there is none."""
    if "lemmatizer" not in nlp.component_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or isinstance(lemmatizer, _Memoized):
        return False
    return _swap_class(lemmatizer, _Memoized)


class _Memoized:
    """Mixed in before the model's lemmatizer class (see :func:`memoize_lemmatizer`)."""

    overwrite: bool
    lemmatize: Callable[[Any], list[str]]  # set by the lemmatizer for its mode (an annotation only)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_dateline_memo", {})
        if not self.__dict__.get("_dateline_indexed"):
            _index_as_sets(self)
        if len(memo) > MAX_MEMO:
            memo.clear()
        kinds = _kinds(self)
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma != 0 and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                kind = kinds.get((pos, morph)) if kinds is not None else None
                if kind is None and kinds is not None:
                    kind = kinds[pos, morph] = _kind(self, doc[i])
                if kind == "lower":
                    value = memo[key] = strings.add(strings[orth].lower())
                elif kind == "same":
                    value = memo[key] = orth
                else:
                    value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            if value != lemma:
                lemmas[i] = value
                changed = True
        if changed:
            doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc


def _kinds(lemmatizer: Any) -> dict[tuple[int, int], str] | None:
    """The lemmatizer's memo of :func:`_kind` by ``(pos, morph)``, or None when its rule lemmatizer
    is not spaCy's own (then only the lemmatizer itself says)."""
    kinds: dict[tuple[int, int], str] | None = lemmatizer.__dict__.get("_dateline_kinds")
    if kinds is None and "_dateline_kinds" not in lemmatizer.__dict__:
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        cls = type(lemmatizer)
        ours = (cls.rule_lemmatize is Lemmatizer.rule_lemmatize
                and cls.is_base_form in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
                and getattr(lemmatizer.lemmatize, "__func__", None) is Lemmatizer.rule_lemmatize)
        kinds = lemmatizer.__dict__["_dateline_kinds"] = {} if ours else None
    return kinds


def _kind(lemmatizer: Any, token: Any) -> str:
    """What spaCy's ``Lemmatizer.rule_lemmatize`` does with a token of this part of speech and
    morphology, before it looks at the word: "lower" (it returns the word lower-cased: white
    space, a base form, a part of speech without lemma rules), "same" (the word itself: a proper
    noun without rules) or "rules" (the word decides; also a token without a part of speech,
    which spaCy warns about). The same tests in the same order; ``is_base_form`` (spaCy's,
    English or none) reads only the part of speech and the morphology."""
    univ_pos = token.pos_.lower()
    if univ_pos in ("eol", "space"):
        return "lower"
    if univ_pos == "":
        return "rules"
    if lemmatizer.is_base_form(token):
        return "lower"
    lookups = lemmatizer.lookups
    if not any(lookups.get_table(name, {}).get(univ_pos) for name in ("lemma_index", "lemma_exc", "lemma_rules")):
        return "same" if univ_pos == "propn" else "lower"
    return "rules"


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer's word lists (table ``lemma_index``: ~90,000 words in lists by part of
    speech) as sets: ``rule_lemmatize`` asks ``form in index`` for each candidate form, a scan of
    a list of up to 57,000 words (~0.2 ms a word it has not seen); a set answers the same at once.
    ~7 ms, once per process, on the first document lemmatized."""
    lemmatizer.__dict__["_dateline_indexed"] = True
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            table[key] = frozenset(words)


# --- the attribute ruler --------------------------------------------------------------

_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")


def _compile_test(attr: str, value: Any, strings: Any) -> Any:
    """A function of a column (numpy array of hashes or 0/1) giving a boolean mask; None if unsupported."""
    import numpy

    if attr == "IS_SPACE":
        return (lambda col: col == 1) if value is True else (lambda col: col == 0) if value is False else None
    if isinstance(value, str):
        h = strings.add(value) if value else 0
        return lambda col: col == h
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        # membership by binary search in the sorted hashes: numpy.isin's sort path would import numpy.ma
        # (≈ 0.03 s of every cold start) for the same mask
        hashes = numpy.sort(numpy.array([strings.add(a) if a else 0 for a in arg], dtype="uint64"))
        if not len(hashes):
            return (lambda col: numpy.zeros(len(col), dtype=bool)) if op == "IN" else (lambda col: col == col)

        def isin(col: Any) -> Any:
            found = numpy.minimum(numpy.searchsorted(hashes, col), len(hashes) - 1)
            return hashes[found] == col

        return isin if op == "IN" else (lambda col: ~isin(col))
    if op == "REGEX" and isinstance(arg, str):
        import re

        regex = re.compile(arg)
        memo: dict[int, bool] = {}

        def hits(col: Any) -> Any:
            out = []
            for h in col.tolist():
                hit = memo.get(h)
                if hit is None:
                    hit = memo[h] = bool(regex.search(strings[h] if h else ""))
                out.append(hit)
            return numpy.array(out, dtype=bool)

        def test(col: Any) -> Any:
            if len(col) <= 256:
                return hits(col)
            distinct, where = numpy.unique(col, return_inverse=True)  # each distinct word once
            return hits(distinct)[where.reshape(-1)]

        setattr(test, "per_value", True)  # noqa: B010  (a Python loop: run it where the other tests passed)
        return test
    return None


def _compile_ruler(ruler: Any) -> list[tuple[int, list[list[list[tuple[int, Any]]]]]] | None:
    """``[(attr_id, alternatives)]`` where an alternative is one list of ``(column, test)`` per token."""
    strings = ruler.vocab.strings
    compiled = []
    for attr_id in range(len(ruler.attrs)):
        alternatives = []
        for pattern in ruler.matcher.get(strings[str(attr_id)])[1]:
            if not pattern or len(pattern) > 3:
                return None
            tokens = []
            for spec in pattern:
                tests = []
                for attr, value in spec.items():
                    if attr not in _COLUMNS:
                        return None
                    test = _compile_test(attr, value, strings)
                    if test is None:
                        return None
                    tests.append((_COLUMNS.index(attr), test))
                tokens.append(tests)
            alternatives.append(tokens)
        compiled.append((attr_id, alternatives))
    return compiled


def index_attribute_ruler(nlp: Language) -> bool:
    """Swap the model's attribute ruler for the array-indexed one; False when it cannot."""
    if "attribute_ruler" not in nlp.component_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, _Indexed) or not hasattr(ruler, "matcher"):
        return False
    compiled = _compile_ruler(ruler)
    if compiled is None:
        log.debug("the attribute ruler has patterns the index does not cover; kept as it is")
        return False
    if not _swap_class(ruler, _Indexed):
        return False
    ruler.__dict__["_dateline_compiled"] = compiled
    return True


class _Indexed:
    """Mixed in before the model's AttributeRuler class (see :func:`index_attribute_ruler`)."""

    attrs: list[Any]
    indices: list[int]

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
        from spacy.tokens._retokenize import set_token_attrs

        n = len(doc)
        if not n:
            return doc
        array = doc.to_array([LOWER, TAG, DEP, IS_SPACE])
        columns = [array[:, i] for i in range(4)]
        hits: list[tuple[int, list[int]]] = []  # (attr_id, tokens) in spaCy's order of application
        for attr_id, alternatives in self.__dict__["_dateline_compiled"]:
            index = self.indices[attr_id]
            found: set[int] = set()
            for tokens in alternatives:
                length = len(tokens)
                if n < length:
                    continue
                mask = numpy.ones(n - length + 1, dtype=bool)
                slow = []
                for k, tests in enumerate(tokens):
                    for column, test in tests:
                        if getattr(test, "per_value", False):
                            slow.append((k, column, test))
                        else:
                            mask &= test(columns[column][k : n - length + 1 + k])
                for k, column, test in slow:  # (the same mask: a conjunction, in any order)
                    where = numpy.flatnonzero(mask)
                    if len(where):
                        mask[where] = test(columns[column][k : n - length + 1 + k][where])
                if index >= length or index < -length:
                    if mask.any():  # spaCy raises E1001 here; let it
                        raise IndexError(f"attribute ruler pattern {attr_id}: index {index} outside the match")
                    continue
                offset = index if index >= 0 else length + index
                found.update((numpy.flatnonzero(mask) + offset).tolist())
            hits.append((attr_id, sorted(found)))
        # for these attributes ``set_token_attrs`` is only ``Token.set_struct_attr`` (a lexeme has
        # none of them), which ``Doc.from_array`` also calls: one array write gives the same tokens
        settable = {DEP, LEMMA, MORPH, POS, TAG}
        if all(settable.issuperset(self.attrs[attr_id]) for attr_id, rows in hits if rows):
            return _write_columns(doc, [(self.attrs[attr_id], rows) for attr_id, rows in hits if rows])
        for attr_id, rows in hits:
            for i in rows:
                set_token_attrs(doc[i], self.attrs[attr_id])
        return doc


def _write_columns(doc: Doc, writes: list[tuple[dict[int, int], list[int]]]) -> Doc:
    """Each ``(attrs, rows)`` of ``writes`` applied in order (a later write wins, as when spaCy sets
    them token by token), as one ``Doc.from_array`` of the columns written. (``from_array`` also
    adds each MORPH value's analysis to the morphology table, where the ruler's own values are
    already: the attribute ruler added them when its patterns were loaded.)"""
    import numpy

    names: list[Any] = sorted({name for attrs, _ in writes for name in attrs})
    if not names:
        return doc
    array = doc.to_array(names)
    for attrs, rows in writes:
        index = numpy.asarray(rows, dtype="int64")
        for name, value in attrs.items():
            array[index, names.index(name)] = value
    doc.from_array(names, array)  # type: ignore[arg-type]
    return doc
