"""Fuzzing the whole pipeline: mutated documents in every input format, through the same readers
as ``extract`` and ``ingest`` and every stage, must give documents or one-line errors, never an
internal error or an exception, and every file must come out as at least one document or error.

A seeded mutator over the seed article (examples/) and the dev pages (../shared/eval/extract/pages):
byte flips, truncation, random Unicode (lone surrogates, controls, BOMs, NULs, CR), huge lines,
odd charsets, hostile JSONL (deep nesting, control characters in ids), cut WARC / gzip / feeds.

    python3 benchmarks/fuzz_pipeline.py --docs 2000 --seed 1      # the long run (docs/robustness.md)

tests/robustness/test_fuzz_pipeline.py runs a few hundred documents of it in CI.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

RSS_ITEM = "<item><title>{t}</title><link>https://wire.example/{n}</link><description>{d}</description></item>"


def sources(max_chars: int = 6000, pages: int = 20) -> list[tuple[str, str]]:
    """(kind, text) seeds: the example article, the shared seed and the first dev pages, cut to size."""
    out = [("text", p.read_text(encoding="utf-8")[:max_chars]) for p in sorted((ROOT / "examples").glob("*.txt"))]
    seed = SHARED / "seed" / "article.txt"
    if seed.exists():
        out.append(("text", seed.read_text(encoding="utf-8")[:max_chars]))
    for page in sorted((SHARED / "eval" / "extract" / "pages").glob("*.html"))[:pages]:
        out.append(("html", page.read_text(encoding="utf-8", errors="replace")[: max_chars * 4]))
    return out


def _unicode(rng: random.Random, n: int) -> str:
    pools = ["\ud800", "\udfff", "\x00", "\r", "\x1b[2J", "\u2028", "\ufeff", "\u202e", "(", "a-b-", "é", "日本",
             "\U0001f600", "&amp;", "<", "]]>", "\\", '"']
    return "".join(rng.choice(pools) if rng.random() < 0.5 else chr(rng.randrange(0x20, 0x3000)) for _ in range(n))


def mutate_text(rng: random.Random, text: str) -> str:
    ops = rng.randrange(1, 4)
    for _ in range(ops):
        op = rng.randrange(6)
        at = rng.randrange(len(text) + 1)
        if op == 0:  # truncate
            text = text[:at]
        elif op == 1:  # random unicode
            text = text[:at] + _unicode(rng, rng.randrange(1, 40)) + text[at:]
        elif op == 2:  # a huge line without spaces or punctuation
            text = text[:at] + rng.choice(["(", "x", "a-b-", "."]) * rng.randrange(500, 20000) + text[at:]
        elif op == 3:  # a very long "sentence"
            text = text[:at] + " ".join(rng.choice(text.split() or ["w"]) for _ in range(rng.randrange(50, 800)))
        elif op == 4:  # duplicate a slice
            text = text + text[at : at + rng.randrange(1, 2000)]
        else:
            text = text.replace(". ", " ", rng.randrange(1, 50))  # no sentence punctuation
    return text


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randrange(1, 12)):
        if buf:
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    if rng.random() < 0.3:
        buf = buf[: rng.randrange(len(buf) + 1)]
    return bytes(buf)


def _encode(rng: random.Random, kind: str, text: str) -> bytes:
    choice = rng.randrange(6)
    if choice == 0:
        return text.encode("utf-16", errors="surrogatepass")
    if choice == 1 and kind == "html":
        cs = rng.choice(["undefined", "idna", "punycode", "latin-1", "x-nope", "utf-7", "shift_jis"])
        return f'<meta charset="{cs}">'.encode() + text.encode("latin-1", errors="replace")
    if choice == 2:
        return text.replace("\n", "\r").encode("utf-8", errors="surrogatepass")
    return text.encode("utf-8", errors="surrogatepass")


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, ctype, payload in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http))
    return out.getvalue()


def make_case(rng: random.Random, seeds: list[tuple[str, str]], n: int) -> tuple[str, bytes]:
    """One mutated input file: (file name, bytes)."""
    kind, base = rng.choice(seeds)
    text = mutate_text(rng, base)
    shape = rng.randrange(8)
    if shape == 0:  # JSONL, hostile
        lines = [json.dumps({"id": f"d{n}\n\x1b[31m" if rng.random() < 0.3 else f"d{n}", kind: text})]
        if rng.random() < 0.3:
            lines.append("[" * rng.randrange(100, 5000))
        if rng.random() < 0.3:
            lines.append('{"id": "s", "text": "x \\ud800 y"}')
        data = ("\n".join(lines) + "\n").encode("utf-8", errors="surrogatepass")
        return f"f{n}.jsonl", mutate_bytes(rng, data) if rng.random() < 0.3 else data
    if shape == 1:  # WARC, maybe cut or flipped
        ctype = "text/html; charset=utf-8" if kind == "html" else "text/plain"
        data = _warc([(f"https://site.example/{n}/{i}", ctype, _encode(rng, kind, text)) for i in range(2)])
        if rng.random() < 0.6:
            data = data[: rng.randrange(len(data) + 1)]
        return f"f{n}.warc", data
    if shape == 2:  # gzip, maybe cut
        data = gzip.compress(_encode(rng, kind, text))
        if rng.random() < 0.5:
            data = data[: rng.randrange(len(data) + 1)]
        return f"f{n}.{'html' if kind == 'html' else 'txt'}.gz", data
    if shape == 3:  # feed, maybe cut
        items = "".join(RSS_ITEM.format(t=f"T{i}", n=i, d=text[i * 200 : i * 200 + 400].replace("<", "&lt;"))
                        for i in range(rng.randrange(1, 6)))
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>'
        data = feed.encode("utf-8", errors="surrogatepass")
        if rng.random() < 0.5:
            data = data[: rng.randrange(len(data) + 1)]
        return f"f{n}.rss", data
    data = _encode(rng, kind, text)
    if rng.random() < 0.4:
        data = mutate_bytes(rng, data)
    return f"f{n}.{'html' if kind == 'html' else 'txt'}", data


def run(docs: int, seed: int, max_chars: int = 6000, pages: int = 20, stages: tuple[str, ...] | None = None,
        log: bool = False) -> dict[str, object]:
    """Fuzz ``docs`` files through the readers and the pipeline; returns counts and any failures."""
    from dateline.errors import InputError
    from dateline.ingest import read_file
    from dateline.pipeline import Pipeline
    from dateline.records import RawInput
    from dateline.settings import Settings

    settings = Settings() if stages is None else Settings(stages=stages)
    pipeline = Pipeline.from_settings(settings)
    rng = random.Random(seed)
    seeds = sources(max_chars, pages)
    counts: Counter[str] = Counter()
    problems: list[str] = []
    started = time.perf_counter()
    reported = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(docs):
            name, data = make_case(rng, seeds, n)
            path = Path(tmp) / name
            path.write_bytes(data)
            try:
                items = list(read_file(path, settings))
                if not items:
                    problems.append(f"{name}: nothing came out (silently dropped)")
                inputs = [i for i in items if isinstance(i, (RawInput, InputError))]
                for outcome in pipeline.pipe(inputs):
                    if outcome.ok:
                        counts["documents"] += 1
                    else:
                        counts["errors"] += 1
                        message = str(outcome.error)
                        if "internal error" in message:  # (ids may hold newlines: the CLI escapes them)
                            problems.append(f"{name}: {message[:300]}")
            except Exception as exc:  # what the fuzzer is looking for
                problems.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
            if log and len(problems) > reported:
                for problem in problems[reported:]:
                    print(f"PROBLEM {problem!r}", file=sys.stderr, flush=True)
                reported = len(problems)
            path.unlink()
            counts["files"] += 1
            if log and n % 100 == 99:
                print(f"{n + 1} files, {dict(counts)}, {len(problems)} problems, "
                      f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return {"seed": seed, **counts, "problems": problems, "seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-chars", type=int, default=20000, help="cut each seed document to this length")
    args = ap.parse_args()
    result = run(args.docs, args.seed, args.max_chars, pages=100, log=True)
    print(json.dumps(result, indent=2))
    sys.exit(1 if result["problems"] else 0)


if __name__ == "__main__":
    main()
