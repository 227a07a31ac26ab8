"""``dateline places show`` and ``dateline places list`` on a small store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.store import open_store

from .conftest import make_doc, put


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        put(
            store,
            make_doc(
                "Government forces recaptured Al Qaim from the rebels on Sunday.",
                places=["Al Qaim"],
                actors={"Government forces": "Military Forces of Iraq|IQ", "the rebels": "Islamic State"},
                published="2017-11-06",
            ),
        )
        put(
            store,
            make_doc(
                "The Al Qaim border crossing reopened on Monday.",
                places=["Al Qaim"],
                published="2019-09-30",
                doc_id="d2",
            ),
        )
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_show_by_name_with_as_of(db: Path) -> None:
    code, out, _ = run("places", "show", "Al-Qaim crossing", "--as-of", "2019-10-01", "--db", str(db))
    assert code == 0, out
    assert "Al Qaim border crossing" in out
    assert "access: open — single-source, since 2019-09-30" in out


def test_known_as_of_has_no_hindsight(db: Path) -> None:
    code, out, _ = run("places", "show", "Al Qaim border crossing", "--known-as-of", "2019-09-29", "--db", str(db))
    assert code == 0
    assert "nothing known" in out


def test_show_by_id_as_json(db: Path) -> None:
    _, out, _ = run("places", "show", "92138", "--as-of", "2018-01-01", "--json", "--db", str(db))
    data = json.loads(out)
    [control] = [s for s in data["states"] if s["facet"] == "control"]
    assert control["value"] == "Military Forces of Iraq"
    assert data["timeline"][0]["status"] == "implied"  # "recaptured ... from the rebels": they held it before


def test_list_by_facet_and_country(db: Path) -> None:
    code, out, _ = run(
        "places", "list", "--facet", "control", "--country", "IQ", "--as-of", "2018-01-01", "--db", str(db)
    )
    assert code == 0
    assert "Military Forces of Iraq" in out and "Al Qaim" in out
    _, out, _ = run("places", "list", "--facet", "control", "--country", "SY", "--db", str(db))
    assert out == ""


def _main(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from dateline.cli.main import main

    monkeypatch.setattr("sys.argv", ["dateline", *args])
    with pytest.raises(SystemExit) as stop:
        main()
    return int(stop.value.code or 0), capsys.readouterr().err


def test_bad_input_is_one_line(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _main(["places", "show", "Atlantis", "--db", str(db)], monkeypatch, capsys)
    assert code == 2 and err.strip().count("\n") == 0 and "no place with a state matches 'Atlantis'" in err
    code, err = _main(["places", "show", "x", "--db", str(tmp_path / "missing.duckdb")], monkeypatch, capsys)
    assert code == 2 and "no store at" in err
    code, err = _main(["places", "list", "--country", "Narnia", "--db", str(db)], monkeypatch, capsys)
    assert code == 2 and "unknown country" in err
    code, err = _main(["places", "show", "Al Qaim", "--as-of", "yesterday", "--db", str(db)], monkeypatch, capsys)
    assert code == 2 and "not a date" in err
