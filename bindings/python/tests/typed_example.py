"""A small program using gongwen, checked with `mypy --strict` (the stubs are real)."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import gongwen


def titles(folder: Path) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for result in gongwen.batch(sorted(folder.glob("*.html")), jobs=2):
        if isinstance(result, gongwen.Failure):
            print(f"{result.path}: {result.code}: {result.message}")
            continue
        out[str(result.source["path"])] = result.title or ""
    return out


def passages(path: str) -> List[str]:
    try:
        doc = gongwen.convert(path, from_="auto", punctuation=True)
    except gongwen.EncryptedError as err:
        return [f"encrypted: {err.path}"]
    except gongwen.Error as err:
        return [f"{err.code}: {err.message}"]
    return [c.with_context() for c in gongwen.chunks(doc, max_chars=500, overlap=50)]


def figures(folder: Path) -> float:
    data = gongwen.dataset(sorted(folder.glob("*")))
    figs = data["figures"]
    return float(figs.loc[figs["label"] == "problems_found", "value"].sum())


def query(word: str) -> str:
    return gongwen.fts_query(gongwen.normalize(word, whitespace=True))


if __name__ == "__main__":
    print(titles(Path("samples")))
    print(passages("samples/001.html")[:1])
    print(figures(Path("samples")))
    print(query("整改"))
