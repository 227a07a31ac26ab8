"""Build ``invented_timebank.jsonl`` from the marked-up ``invented_batch*.txt`` files.

A passage starts with ``## ID DCT``; a time expression is written ``[span|TYPE|VALUE]`` or
``[span|TYPE|VALUE|MOD]``. The passages are invented for the project (no dev-set text).
Run: ``python3 tests/timex/data/build_invented.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["build", "parse_passage"]

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[([^\[\]|]+)\|(DATE|TIME|DURATION|SET)\|([^\[\]|]+)(?:\|([A-Z_]+))?\]")


def parse_passage(marked: str) -> tuple[str, list[dict[str, object]]]:
    """The plain text and its TIMEX3 annotations (offsets into the plain text)."""
    text, timexes, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        text.append(chunk)
        length += len(chunk)
        span = m.group(1)
        tx: dict[str, object] = {"start": length, "end": length + len(span), "text": span,
                                 "type": m.group(2), "value": m.group(3)}
        if m.group(4):
            tx["mod"] = m.group(4)
        timexes.append(tx)
        text.append(span)
        length += len(span)
        pos = m.end()
    text.append(marked[pos:])
    return "".join(text), timexes


def build() -> list[dict[str, object]]:
    docs: list[dict[str, object]] = []
    for path in sorted(HERE.glob("invented_batch*.txt")):
        for block in path.read_text(encoding="utf-8").split("## ")[1:]:
            head, _, body = block.partition("\n")
            ident, dct = head.split()
            text, timexes = parse_passage(body.strip())
            assert "[" not in text and "]" not in text, (ident, text)
            docs.append({"id": ident, "split": path.stem, "dct": dct, "text": text, "timexes": timexes})
    return docs


if __name__ == "__main__":
    out = HERE / "invented_timebank.jsonl"
    docs = build()
    out.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    print(f"{len(docs)} passages, {sum(len(d['timexes']) for d in docs)} expressions -> {out}")  # type: ignore[arg-type]
