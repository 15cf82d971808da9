"""convert(): identical to the CLI's JSON on every sample; attribute access; options."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import gongwen
from conftest import ROOT, SAMPLES, run_cli, sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_every_sample_round_trips_against_the_cli(cli: Path, path: Path) -> None:
    rel = os.path.relpath(path, ROOT)
    out = run_cli(cli, "convert", rel, "--to", "json")
    assert out.returncode in (0, 1), out.stderr
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        doc = gongwen.convert(rel)
    finally:
        os.chdir(cwd)
    assert doc.to_dict() == json.loads(out.stdout)
    assert doc.json == out.stdout.decode()


def test_text_and_markdown_match_the_cli(cli: Path) -> None:
    rel = "samples/003.docx"
    doc = gongwen.convert(ROOT / rel, name=None)
    for to, got in (("text", doc.text), ("md", doc.markdown)):
        out = run_cli(cli, "convert", str(ROOT / rel), "--to", to)
        assert got == out.stdout.decode()


def test_attributes_are_the_json_parts() -> None:
    doc = gongwen.convert(SAMPLES / "001.html")
    d = doc.to_dict()
    assert doc.schema == gongwen.SCHEMA == "gongwen/1"
    assert doc.title and "巡视整改" in doc.title
    for key in ("meta", "parts", "sections", "notice", "warnings", "source", "blocks", "contacts"):
        assert getattr(doc, key) == d[key], key
    assert doc.signature == d.get("signature")
    assert doc.notice is not None and doc.notice["kind"]["name"] == "巡视"
    assert "一、" in doc.markdown or "#" in doc.markdown
    assert str(SAMPLES / "001.html") in repr(doc)


def test_bytes_pathlike_and_name() -> None:
    path = SAMPLES / "000.html"
    by_path = gongwen.convert(path)
    by_str = gongwen.convert(str(path))
    by_bytes = gongwen.convert(path.read_bytes())
    named = gongwen.convert(path.read_bytes(), name="x.html")
    assert by_path == by_str
    assert by_bytes.source.get("path") is None
    assert named.source["path"] == "x.html"
    assert by_bytes.blocks == by_path.blocks


def test_options_reach_the_library() -> None:
    text = "关于巡察整改的通报\n\n根据部署,２０２０年完成整改。\n".encode()
    default = gongwen.convert(text, from_="text")
    kept = gongwen.convert(text, from_="text", punctuation=False, ascii_alnum=False)
    assert "根据部署，2020年" in default.text
    assert "根据部署,２０２０年" in kept.text
    with pytest.raises(TypeError):
        gongwen._gongwen.convert(text, {"no_such_option": True})
    with pytest.raises(ValueError):
        gongwen.convert(text, from_="rtf")
    with pytest.raises(TypeError):
        gongwen.convert(12)  # type: ignore[arg-type]


def test_normalize_flags() -> None:
    assert gongwen.normalize("根据部署,２０２０ 年(一)") == "根据部署，2020年（一）"
    assert gongwen.normalize("根据部署,２０２０", punctuation=False) == "根据部署,2020"
    assert gongwen.normalize("２０２０", ascii_alnum=False) == "２０２０"
    assert gongwen.normalize("关于巡视\n整改") == "关于巡视整改"
    assert gongwen.normalize("关于巡视\n整改", join_lines=False) == "关于巡视\n整改"
    with pytest.raises(TypeError):
        gongwen.normalize("x", True)  # type: ignore[misc]
