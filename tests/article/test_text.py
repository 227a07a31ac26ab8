"""The scraped-text parser: the seed end to end, and invented pages of other templates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.article import parse_input
from dateline.article.text import parse_text
from dateline.records import Document, RawInput, document_to_dict

AP_PAGE = """\
Skip to main content
Home > World > Middle East
Lebanon's parliament fails again to elect a president
By JANE DOE and JOHN ROE Associated Press
Published: Mar 3, 2023 09:15 AM GMT
Updated: Mar 3, 2023 11:40 AM GMT
Lawmakers leave the parliament building in Beirut on Thursday. (AP Photo/Sam Example)
BEIRUT (AP) — Lebanon's parliament failed for the twelfth time on Thursday to elect a president.
The session ended after the second round when lawmakers walked out, breaking the quorum.
Share this article
The country has been without a head of state since October.
Read more: Lebanon's currency hits a new low against the dollar
Follow us on Twitter
Most read
Five things to know about the crisis
Who are the candidates?
"""

REUTERS_PAGE = """\
Oil prices rise as supply worries mount
By Jane Doe, Reuters
4 September 2023
LONDON, Sept 4 (Reuters) - Oil prices rose on Monday on worries about tight supply.
Brent crude futures were up 50 cents at $89.05 a barrel by 0900 GMT.
Reporting by Jane Doe; Editing by John Roe
Our Standards: The Thomson Reuters Trust Principles.
"""

EMPTY_AUTHOR_PAGE = """\
You are here
Cabinet approves draft budget law
By , - Nov 12,2022 - Last updated at Nov 12,2022
AMMAN — The Cabinet on Saturday approved the draft general budget law for 2023.
The draft law will be sent to the Lower House.
Related Articles
AMMAN — The Lower House on Sunday endorsed the draft general budget law for the fiscal year, as amended by its
"""


def test_ap_template() -> None:
    art = parse_text(AP_PAGE, "ap")
    assert art.title == "Lebanon's parliament fails again to elect a president"
    assert art.authors == ["Jane Doe", "John Roe"]
    assert art.source == "AP"
    assert (art.published, art.updated) == ("2023-03-03", "2023-03-03")
    assert art.dateline is not None and art.dateline.text == "BEIRUT"
    assert art.body.startswith("Lebanon's parliament failed")
    assert art.body.endswith("since October.")
    assert "Share" not in art.body and "Follow us" not in art.body
    assert art.captions == ["Lawmakers leave the parliament building in Beirut on Thursday. (AP Photo/Sam Example)"]
    assert art.related[0] == "Lebanon's currency hits a new low against the dollar"
    assert "Who are the candidates?" in art.related


def test_reuters_template() -> None:
    art = parse_text(REUTERS_PAGE, "reuters")
    assert art.title == "Oil prices rise as supply worries mount"
    assert art.authors == ["Jane Doe"] and art.source == "Reuters"
    assert art.published == "2023-09-04"
    assert art.dateline is not None and art.dateline.text == "LONDON"
    assert art.body.startswith("Oil prices rose on Monday")
    assert art.body.endswith("by 0900 GMT.")


def test_empty_author_template() -> None:
    art = parse_text(EMPTY_AUTHOR_PAGE, "jt")
    assert art.title == "Cabinet approves draft budget law"
    assert art.authors == [] and art.source is None
    assert (art.published, art.updated) == ("2022-11-12", "2022-11-12")
    assert art.dateline is not None and art.dateline.text == "AMMAN"
    assert art.body == ("The Cabinet on Saturday approved the draft general budget law for 2023.\n"
                        "The draft law will be sent to the Lower House.")
    assert len(art.related) == 1


def test_plain_paragraphs_have_no_title() -> None:
    art = parse_text("The army said on Monday it had retaken the town.\nResidents began to return.", "p")
    assert art.title is None
    assert art.body == "The army said on Monday it had retaken the town.\nResidents began to return."


def test_input_published_is_normalized() -> None:
    raw = RawInput("j", "body", "Some text.", published="30/09/2019")
    assert parse_input(raw).published == "2019-09-30"
    raw = RawInput("j", "body", "Some text.", published="Sept 2019")
    assert parse_input(raw).published is None


def _check_seed(doc: dict, shared_dir: Path, tmp_path: Path) -> str:
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(doc), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(shared_dir / "seed" / "check_seed.py"), str(out), "article"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout
    return proc.stdout


def test_seed_article_checks(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "seed" / "article.txt"
    raw = RawInput(str(path), "text", path.read_text("utf-8"))
    doc = Document(raw.id, parse_input(raw))
    stdout = _check_seed(document_to_dict(doc), shared_dir, tmp_path)
    assert " 0 failed" in stdout


@pytest.mark.slow
def test_seed_end_to_end_cli(shared_dir: Path, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "dateline", "extract", str(shared_dir / "seed" / "article.txt")],
                          capture_output=True, text=True, check=True)
    _check_seed(json.loads(proc.stdout), shared_dir, tmp_path)


def test_input_url_date_is_the_last_resort() -> None:
    raw = RawInput("u", "body", "Some text.", url="https://x.example/2019/09/30/story/")
    assert parse_input(raw).published == "2019-09-30"
    raw = RawInput("u", "body", "Some text.", url="https://x.example/2019/09/30/story/", published="2019-10-01")
    assert parse_input(raw).published == "2019-10-01"


GUARDIAN_LIKE = """\
Skip to main content
World
Middle East
Protesters defy curfew as death toll rises
Security forces fire live rounds as demonstrations enter fifth day
Martin Example in Baghdad
Fri 4 Oct 2019 12.41 BST
First published on Fri 4 Oct 2019 09.10 BST
Protesters run from teargas on Friday. Photograph: Example Person/Reuters
Security forces opened fire on protesters on Friday, defying a curfew.
The death toll has risen to 44, according to medical sources.
Topics
Middle East and north Africa
Share on Facebook
"""

PORTAL_LIKE = """\
Home > News > World News
Protesters defy curfew in the capital
TNN | Updated: Oct 4, 2019, 14:05 IST
BAGHDAD: Security forces opened fire on protesters on Friday.
The death toll has risen to 44.
Download The Example News App for Latest World News.
"""

AGENCY_LIKE = """\
Death toll in protests rises to 44
Source: Xinhua| 2019-10-04 20:48:55|Editor: huaxia
BAGHDAD, Oct. 4 (Xinhua) -- The death toll from protests rose to 44 on Friday.
The protesters demanded jobs and better services.
"""


def test_guardian_like_template() -> None:
    art = parse_text(GUARDIAN_LIKE, "g")
    assert art.title == "Protesters defy curfew as death toll rises"
    assert art.authors == ["Martin Example"]
    assert art.published == "2019-10-04"
    assert art.captions == ["Protesters run from teargas on Friday. Photograph: Example Person/Reuters"]
    assert art.body == ("Security forces opened fire on protesters on Friday, defying a curfew.\n"
                        "The death toll has risen to 44, according to medical sources.")


def test_portal_like_template() -> None:
    art = parse_text(PORTAL_LIKE, "p")
    assert art.title == "Protesters defy curfew in the capital"
    assert art.updated == "2019-10-04"
    assert art.dateline is not None and art.dateline.text == "BAGHDAD"
    assert art.body == "Security forces opened fire on protesters on Friday.\nThe death toll has risen to 44."


def test_agency_like_template() -> None:
    art = parse_text(AGENCY_LIKE, "x")
    assert art.title == "Death toll in protests rises to 44"
    assert art.source == "Xinhua" and art.published == "2019-10-04"
    assert art.dateline is not None and art.dateline.text == "BAGHDAD"
    assert art.body.startswith("The death toll from protests rose to 44 on Friday.")
