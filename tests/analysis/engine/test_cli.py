"""Command line: exit codes, JSON shape, classify output."""

from __future__ import annotations

import json

from samskapa.analysis.engine import CODES, ELEMENTS
from samskapa.analysis.engine.cli import analyse_main, classify_main, main


def test_analyse_json_has_the_documented_shape(tmp_path, strategy_pdf, capsys):
    path = tmp_path / "strategi.pdf"
    path.write_bytes(strategy_pdf)
    assert analyse_main([str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["doc_id"] == "strategi"
    assert data["language"] == "sv"
    assert set(data["areas"]) == set(CODES)
    for area in data["areas"].values():
        assert area["status"] in ("covered", "weak", "missing")
        assert isinstance(area["score"], float) and isinstance(area["evidence"], list)
    assert set(data["elements"]) == set(ELEMENTS)
    assert all(set(e) == {"present", "evidence"} for e in data["elements"].values())


def test_analyse_several_files_prints_a_list_and_text_mode_works(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Kommunen erbjuder SFI och vuxenutbildning.", encoding="utf-8")
    b.write_text("Vi bygger fler hyresrätter för nyanlända familjer.", encoding="utf-8")
    assert analyse_main([str(a), str(b), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["doc_id"] for d in data] == ["a", "b"]
    assert analyse_main([str(a)]) == 0
    assert "EDU" in capsys.readouterr().out


def test_analyse_bad_input_exits_non_zero_with_message(tmp_path, capsys):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert analyse_main([str(empty)]) == 1
    assert "empty" in capsys.readouterr().err
    assert analyse_main([str(tmp_path / "missing.pdf")]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert analyse_main([]) == 2


def test_classify_reads_and_writes_jsonl(tmp_path, capsys):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"passage_id": "a", "text": "Bostadsbristen drabbar nyanlända familjer."},
                {"passage_id": "b", "text": "Innehåll"},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    assert classify_main([str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["passage_id"] for r in rows] == ["a", "b"]
    assert rows[0]["labels"] == ["HOU"] and rows[1]["labels"] == []
    assert set(rows[0]["scores"]) == set(CODES)


def test_classify_rejects_lines_without_text(tmp_path, capsys):
    src = tmp_path / "bad.jsonl"
    src.write_text('{"passage_id": "a"}\n', encoding="utf-8")
    assert classify_main([str(src)]) == 2
    assert '"text"' in capsys.readouterr().err


def test_module_entry_point_dispatches(capsys):
    assert main(["nonsense"]) == 2
