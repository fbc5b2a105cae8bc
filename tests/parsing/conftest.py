"""Seeds for the parser tests: the five real documents (tests/fixtures/seeds, copied from /work/shared)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
SHARED_SEEDS = Path("/work/shared/seeds")


def seed_paths() -> list[Path]:
    if not any(SEEDS_DIR.glob("*.txt")) and SHARED_SEEDS.is_dir():
        SEEDS_DIR.mkdir(parents=True, exist_ok=True)
        for path in SHARED_SEEDS.glob("*.txt"):
            shutil.copy(path, SEEDS_DIR / path.name)
    return sorted(SEEDS_DIR.glob("*.txt"))


def seed_text(prefix: str) -> str:
    """The seed whose file name starts with `prefix` ("000" ... "004")."""
    (path,) = [path for path in seed_paths() if path.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


SEED_PREFIXES = ("000", "001", "002", "003", "004")


@pytest.fixture(params=SEED_PREFIXES)
def any_seed(request) -> str:
    return seed_text(request.param)
