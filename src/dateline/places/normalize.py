"""Place-name normalization that survives transliteration.

``Al-Qaim``, ``Al Qaim``, ``AL QAIM`` and ``Al Qā’im`` all become the key ``alqaim``;
``Albu Kamal`` and ``Al Bukamal`` become ``albukamal``; ``Deir ez-Zor`` and ``Deir Ezzor``
become ``deirezzor``. A key is the name folded to lower-case ASCII letters and digits, with
apostrophes, hyphens, dots and spaces removed. :func:`name_keys` gives the keys a name is
indexed (and looked up) under: the key itself and the key without a leading Arabic article
(``al-``, ``el-``, ``ad-`` …) or a generic suffix (``governorate``, ``province`` …).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import groupby

__all__ = [
    "ARTICLES",
    "GENERIC_SUFFIXES",
    "SKELETON_COUNTRIES",
    "fold",
    "is_latin",
    "name_key",
    "name_keys",
    "skeleton",
    "strip_generic",
]

#: Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans(
    {
        "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
        "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
        "ŀ": "l", "ŋ": "ng", "ə": "e", "Ə": "E",
    }
)
#: Apostrophe-like marks (hamza, ayin, quotes) dropped inside names.
_MARKS = re.compile(r"[\u2018\u2019\u201b\u02bb\u02bc\u02bd\u02be\u02bf\u0060\u00b4'\u02c8\u2032]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

#: The Arabic definite article in its transliterations (sun-letter assimilations included).
ARTICLES = ("al", "el", "ad", "ed", "as", "es", "an", "ar", "at", "az", "ash", "adh", "ath", "ad")
#: Words that name the kind of place rather than the place.
GENERIC_SUFFIXES = (
    "governorate", "province", "prefecture", "region", "oblast", "krai", "district", "muhafazah",
    "wilayah", "municipality", "river", "sea", "ocean", "desert", "mountains", "gulf",
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII with diacritics and apostrophes removed; other punctuation becomes spaces."""
    if text.isascii():  # (nothing to translate, decompose or drop but the two ASCII marks: the same key)
        return " ".join(_NON_ALNUM.sub(" ", text.replace("'", "").replace("`", "").lower()).split())
    text = _MARKS.sub("", text.translate(_SPECIAL))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_ALNUM.sub(" ", text.lower()).split())


def is_latin(text: str) -> bool:
    """Whether a name is written in Latin letters (other scripts are not indexed)."""
    return all(not c.isalpha() or ord(c) <= 0x24F or 0x1E00 <= ord(c) <= 0x1EFF for c in text)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The matching key of a name: folded, with all separators removed."""
    return fold(text).replace(" ", "")


#: Countries whose place names reach English through Arabic or Persian transliteration, where
#: vowels and doubled letters vary freely (Tal Abyad = Tall Abyaḑ, Ras al-Ain = Ra’s al ‘Ayn).
SKELETON_COUNTRIES = frozenset(
    "IQ SY LB JO PS IL SA YE OM AE QA BH KW EG LY TN DZ MA SD IR AF PK TR".split()
)
_VOWELS = re.compile(r"[aeiouyw]+")
_REPEATS = re.compile(r"(.)\1+")
_NO_VOWELS = str.maketrans("", "", "aeiouyw")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """A consonant skeleton of a transliterated name, for a last-resort match: every article
    becomes ``l``; vowels (and y, w), a final h and doubled letters are dropped
    (``Ma'arrat an-Nu'man`` and ``Maarat al-Numan`` -> ``mrtlnmn``)."""
    words = ["l" if w in ARTICLES else w for w in fold(text).split()]
    key = "".join(words)
    if key.endswith("h") and len(key) > 3:
        key = key[:-1]
    key = key.translate(_NO_VOWELS)  # (= _VOWELS.sub("", key); then the same as _REPEATS.sub(r"\1", key))
    return "".join([ch for ch, _ in groupby(key)])


def strip_generic(words: list[str]) -> list[str]:
    """Words without a trailing generic word (``Anbar province`` -> ``Anbar``)."""
    if len(words) > 1 and words[-1] in GENERIC_SUFFIXES:
        return words[:-1]
    return words


@lru_cache(maxsize=65536)
def name_keys(text: str) -> tuple[str, ...]:
    """Every key a name is indexed and looked up under, the full key first."""
    words = fold(text).split()
    if not words:
        return ()
    keys = ["".join(words)]
    base = strip_generic(words)
    if base is not words:
        keys.append("".join(base))
    if len(base) > 1 and base[0] in ARTICLES:
        keys.append("".join(base[1:]))
    return tuple(dict.fromkeys(k for k in keys if k))
