"""How many extraction-benchmark pages get a published date, and does it agree with the URL?

    python tests/article/check_dates.py [PAGES_DIR]

For every ``*.html`` page (with its ``*.json`` gold, which carries the page's URL) it runs
:func:`dateline.article.html.parse_html` and compares ``published`` with the date written
in the URL (``/2019/11/19/``) where there is one. The URL is given to the check only, not
to the parser (the parser sees it only through the page's own canonical link). Prints one
JSON object of counts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from dateline.article.html import parse_html
from dateline.article.metadata import url_date
from dateline.errors import InputError

__all__ = ["check_dates"]

_URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)/")


def check_dates(pages: Path) -> dict[str, Any]:
    counts = {"pages": 0, "with_published": 0, "url_dated": 0, "url_dated_with_published": 0,
              "agree_with_url": 0, "off_by_one_day": 0, "disagree": 0,
              "url_month_only": 0, "url_month_with_published": 0, "agree_with_url_month": 0}
    disagreements = []
    for page in sorted(pages.glob("*.html")):
        gold = json.loads(page.with_suffix(".json").read_text("utf-8"))
        counts["pages"] += 1
        try:
            article = parse_html(page.read_text("utf-8", errors="replace"), page.stem)
        except InputError:
            continue
        if article.published:
            counts["with_published"] += 1
        expected = url_date(gold.get("url"))
        if expected is None:
            month = _URL_MONTH.search(gold.get("url") or "")
            if month:
                counts["url_month_only"] += 1
                if article.published:
                    counts["url_month_with_published"] += 1
                    if article.published[:7] == f"{month.group(1)}-{month.group(2)}":
                        counts["agree_with_url_month"] += 1
                    else:
                        disagreements.append({"url": gold.get("url"), "published": article.published})
            continue
        counts["url_dated"] += 1
        if not article.published:
            continue
        counts["url_dated_with_published"] += 1
        got = article.published
        if got == expected.isoformat():
            counts["agree_with_url"] += 1
        elif abs((expected - dt.date.fromisoformat(got)).days) == 1:
            counts["off_by_one_day"] += 1
        else:
            counts["disagree"] += 1
            disagreements.append({"url": gold.get("url"), "published": got})
    return {**counts, "disagreements": disagreements}


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[3] / "shared" / "eval" / "extract" / "pages"
    print(json.dumps(check_dates(Path(sys.argv[1]) if len(sys.argv) > 1 else default), indent=1))
