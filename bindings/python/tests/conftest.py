"""Shared fixtures: the repository root, the release CLI, the seeds.

Material a test needs that is missing (the CLI binary, ../shared/seeds) fails the test under
CI (``CI`` set to anything but empty, ``0`` or ``false``) and skips it elsewhere.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"
CLI = ROOT / "target" / "release" / "gongwen"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip() not in ("", "0", "false")


def missing(what: str) -> None:
    if in_ci():
        pytest.fail(f"CI is set but {what} is missing: a test may not skip there")
    pytest.skip(f"{what} is absent")


def sample_paths() -> List[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in (".html", ".pdf", ".docx", ".ofd"))


@pytest.fixture(scope="session")
def cli() -> Path:
    if not CLI.exists():
        missing(f"{CLI} (build it with `cargo build --release`)")
    return CLI


@pytest.fixture(scope="session")
def seeds() -> List[Path]:
    if not SEEDS.is_dir():
        missing(str(SEEDS))
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) >= 5
    return paths


def run_cli(cli: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(cli), *args], cwd=ROOT, capture_output=True, check=False)
