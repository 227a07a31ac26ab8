"""The NLP step's parse on demand (``dateline.nlp_demand``) of this tree against another checkout's,
in one process, alternating: CPU milliseconds an article per pass.

    python3 benchmarks/nlp_step_ab.py --old-src /path/to/main/src               # 300 articles, 3 rounds
    python3 benchmarks/nlp_step_ab.py --old-src /path/to/main/src --new-first

Both run with this tree's model loading (``dateline.nlp.load_model``: the same spaCy components)
over the corpus of ``side_by_side.py``, in batches of 32, NER off (no windows), so that only the
tokenizer, sentence split, parse selection, partial parse and rule components are timed. The
other checkout's package is imported under the name ``dateline_old``. One process, alternating
passes: a machine shared with other work disturbs both sides alike (CPU time,
``time.process_time``). The first pass of each side includes its first-use costs (lexicons,
scans, the lemmatizer's caches, some of them shared by the two sides: compare the later passes).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _old_package(src: Path) -> ModuleType:
    """``src/dateline`` imported as the package ``dateline_old`` (its relative imports stay inside it)."""
    spec = importlib.util.spec_from_file_location(
        "dateline_old", src / "dateline" / "__init__.py", submodule_search_locations=[str(src / "dateline")]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dateline_old"] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old-src", type=Path, required=True, help="the other checkout's src directory")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--new-first", action="store_true")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(REPO / "benchmarks"))
    from side_by_side import source_texts

    from dateline import nlp_demand as new
    from dateline.nlp import load_model
    from dateline.settings import Settings

    _old_package(args.old_src)
    old: Any = importlib.import_module("dateline_old.nlp_demand")
    old_settings: Any = importlib.import_module("dateline_old.settings").Settings()

    texts = source_texts()
    texts = [texts[i % len(texts)] for i in range(args.docs)]
    nlp = load_model(Settings())
    sides = [("new", new, Settings()), ("old", old, old_settings)]
    if not args.new_first:
        sides.reverse()
    passes: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(args.rounds):
        for name, module, settings in sides:
            select = module.parse_selector(settings)
            c = time.process_time()
            for i in range(0, len(texts), 32):
                module.parse_on_demand(nlp, texts[i : i + 32], select, batch_size=32, ner_spans=lambda d: [])
            passes[name].append(round(1000 * (time.process_time() - c) / len(texts), 2))
    result = {"documents": len(texts), "old_src": str(args.old_src), "first": sides[0][0],
              "cpu_ms_per_article": passes}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
