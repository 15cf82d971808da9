"""dataset(): DataFrames with the documented columns and dtypes; the two-character FTS query."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import List

import pandas as pd

import gongwen
from conftest import run_cli, sample_paths

DOCUMENT_COLUMNS = [
    "id", "path", "format", "sha256", "title", "issuer", "doc_number", "written_date",
    "published_date", "signature_date", "is_notice", "kind", "follow_up", "special",
    "inspector_group", "inspector_parent", "target", "period_start", "period_end", "period_text",
    "feedback_date", "report_date", "problem_count", "problems_completed", "figure_count",
    "chars", "warnings",
]
FIGURE_COLUMNS = ["document_id", "seq", "label", "value", "unit", "block", "span_start", "span_end", "sentence"]
PROBLEM_COLUMNS = [
    "document_id", "seq", "number", "title", "category", "parent", "status", "status_text",
    "cause", "rectification", "measure_count", "measures", "block",
]


def test_columns_dtypes_and_failures(seeds: List[Path]) -> None:
    bad = ("blank.txt", b"")
    sources = [*seeds, bad]
    data = gongwen.dataset(sources, from_="text")
    docs, figs, probs, fails = data["documents"], data["figures"], data["problems"], data["failures"]
    assert list(docs.columns) == DOCUMENT_COLUMNS
    assert list(figs.columns) == FIGURE_COLUMNS
    assert list(probs.columns) == PROBLEM_COLUMNS
    assert len(docs) == len(seeds)
    assert docs["id"].dtype == "string" and docs["title"].dtype == "string"
    assert docs["is_notice"].dtype == bool
    assert docs["follow_up"].dtype == "boolean"
    for col in ("problem_count", "figure_count", "chars", "warnings"):
        assert docs[col].dtype == "int64", col
    assert figs["value"].dtype == "float64" and figs["seq"].dtype == "int64"
    assert probs["measure_count"].dtype == "int64"
    assert docs["is_notice"].all()
    # 003 (郑州航空港): 40 problems found, 36 rectified.
    wide = figs.pivot_table(index="document_id", columns="label", values="value", aggfunc="max")
    big = docs.set_index("id").join(wide).loc[lambda d: d["inspector_group"] == "省委第四巡视组"]
    assert big["problems_found"].tolist() == [40.0]
    assert big["problems_rectified"].tolist() == [36.0]
    assert set(figs["document_id"]) <= set(docs["id"])
    assert len(probs) > 0
    # The bad input is a failure row, not an exception.
    assert fails["path"].tolist() == ["blank.txt"]
    assert fails["code"].tolist() == ["empty"]


def test_documents_as_input_give_the_same_rows() -> None:
    paths = sample_paths()[:3]
    from_paths = gongwen.dataset(paths)["documents"]
    from_docs = gongwen.dataset([gongwen.convert(p) for p in paths])["documents"]
    pd.testing.assert_frame_equal(
        from_paths.sort_values("id").reset_index(drop=True),
        from_docs.sort_values("id").reset_index(drop=True),
    )


def test_two_character_match_in_the_sqlite_export(cli: Path, seeds: List[Path], tmp_path: Path) -> None:
    db = tmp_path / "seeds.sqlite"
    out = run_cli(cli, "export", "--format", "sqlite", "--from", "text", "-o", str(db), *map(str, seeds))
    assert out.returncode in (0, 1), out.stderr
    conn = sqlite3.connect(db)  # Python's own SQLite, not the bundled one

    def ids(sql: str, *args: str) -> List[str]:
        return sorted(r[0] for r in conn.execute(sql, args))

    everyone = ids("SELECT id FROM documents")
    assert len(everyone) == len(seeds)
    cjk = (
        "SELECT d.id FROM documents_cjk JOIN documents d ON d.rowid = documents_cjk.rowid"
        " WHERE documents_cjk MATCH ?"
    )
    # The trigram index cannot match two characters; the bigram index can.
    assert ids("SELECT id FROM documents_fts WHERE documents_fts MATCH '整改'") == []
    assert gongwen.fts_query("整改") == '"整改"'
    assert ids(cjk, gongwen.fts_query("整改")) == everyone
    assert ids(cjk, gongwen.fts_query("线索")) == ids("SELECT id FROM documents WHERE body LIKE '%线索%'")
    assert ids(cjk, gongwen.fts_query("巡视组")) == ids("SELECT id FROM documents WHERE body LIKE '%巡视组%'")
    assert ids(cjk, gongwen.fts_query("鸡蛋")) == []
    # The recipe in docs/dataset.md, with no helper: the phrase of the query's bigrams.
    recipe = """
        WITH RECURSIVE q(s) AS (SELECT ?),
          g(i, tok) AS (SELECT 1, substr(s, 1, 2) FROM q
                        UNION ALL SELECT i + 1, substr(s, i + 1, 2) FROM g, q WHERE i + 1 < length(s))
        SELECT d.id FROM documents_cjk JOIN documents d ON d.rowid = documents_cjk.rowid
        WHERE documents_cjk MATCH (SELECT '"' || group_concat(tok, ' ') || '"' FROM g)
    """
    assert ids(recipe, "整改") == everyone
    assert ids(recipe, "巡视组") == ids(cjk, gongwen.fts_query("巡视组"))
