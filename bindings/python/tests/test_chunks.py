"""chunks(): the invariants of gongwen::chunk seen from Python, and heading paths on a seed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import gongwen
from conftest import run_cli, sample_paths

BODY_KINDS_SKIPPED = ("heading", "meta_field")


def covered(doc: gongwen.Document, chunks: List[gongwen.Chunk]) -> List[Tuple[int, int]]:
    blocks = doc.blocks
    out = []
    for c in chunks:
        for k, b in enumerate(c.blocks):
            start = c.start if k == 0 else 0
            end = c.end if k == len(c.blocks) - 1 else len(blocks[b]["text"])
            out.extend((b, i) for i in range(start, end))
    return out


def body(doc: gongwen.Document) -> List[Tuple[int, int]]:
    return [
        (b, i)
        for b, block in enumerate(doc.blocks)
        if block["kind"] not in BODY_KINDS_SKIPPED
        for i in range(len(block["text"]))
    ]


def heading_path_of_blocks(doc: gongwen.Document) -> Dict[int, List[str]]:
    paths: Dict[int, List[str]] = {}

    def walk(section: Dict[str, object], above: List[str]) -> None:
        path = above + [f"{section.get('number') or ''}{section['title']}"]
        for b in section.get("content", []):  # type: ignore[union-attr]
            paths[b] = path
        for child in section.get("children", []):  # type: ignore[union-attr]
            walk(child, path)

    for s in doc.sections:
        walk(s, [])
    return paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
@pytest.mark.parametrize("max_chars", [1, 50, 400, 100_000])
def test_every_body_character_in_exactly_one_chunk(path: Path, max_chars: int) -> None:
    doc = gongwen.convert(path)
    chunks = gongwen.chunks(doc, max_chars=max_chars, overlap=0)
    assert covered(doc, chunks) == body(doc)
    paths = heading_path_of_blocks(doc)
    for i, c in enumerate(chunks):
        assert c.index == i
        assert len(c.text) <= max_chars
        pieces = []
        for k, b in enumerate(c.blocks):
            text = doc.blocks[b]["text"]
            pieces.append(text[c.start if k == 0 else 0 : c.end if k == len(c.blocks) - 1 else len(text)])
            assert c.headings == paths.get(b, [])
        assert c.text == "\n".join(pieces)
        pages = sorted({doc.blocks[b]["origin"]["page"] for b in c.blocks if "page" in doc.blocks[b]["origin"]})
        assert c.pages == pages


def test_overlap_repeats_whole_sentences_within_max() -> None:
    doc = gongwen.convert(sample_paths()[0])
    chunks = gongwen.chunks(doc, max_chars=120, overlap=40)
    assert all(len(c.text) <= 120 for c in chunks)
    plain = gongwen.chunks(doc, max_chars=120)
    assert len(chunks) >= len(plain)
    with pytest.raises(ValueError):
        gongwen.chunks(doc, max_chars=0)


def test_heading_paths_on_seed_003(seeds: List[Path]) -> None:
    seed = next(p for p in seeds if p.name.startswith("003_"))
    doc = gongwen.convert(seed, from_="text")
    chunks = gongwen.chunks(doc, max_chars=300)
    first = next(c for c in chunks if c.text.startswith("一是持续深入学习习近平总书记"))
    assert len(first.headings) == 3, first.headings
    assert first.headings[0].startswith("二、坚持动真碰硬")
    assert first.headings[1].startswith("（一）“学习贯彻习近平新时代中国特色社会主义思想不深入")
    assert first.headings[2].startswith("1.关于“贯彻新发展理念不到位")
    assert first.with_context().startswith(first.headings[0] + "\n")
    opening = next(c for c in chunks if "省委第四巡视组" in c.text)
    assert opening.headings == []


def test_the_cli_writes_the_same_chunks(cli: Path) -> None:
    path = sample_paths()[0]
    out = run_cli(cli, "convert", str(path), "--to", "chunks", "--max-chars", "200", "--overlap", "30")
    lines = [json.loads(line) for line in out.stdout.decode().splitlines()]
    mine = gongwen.chunks(gongwen.convert(path), max_chars=200, overlap=30)
    assert [l["text"] for l in lines] == [c.text for c in mine]
    assert [l["headings"] for l in lines] == [c.headings for c in mine]
