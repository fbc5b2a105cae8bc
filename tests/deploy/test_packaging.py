"""Every install uses the lock files, which follow pyproject.toml; the image leaves secrets out."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]


def locked(name: str) -> dict[str, str]:
    """{package: version} of a lock file, each line with its hashes."""
    text = (ROOT / "requirements" / name).read_text()
    pins = dict(re.findall(r"^([A-Za-z0-9._-]+)==(\S+) \\\n\s+--hash=sha256:", text, flags=re.M))
    assert len(pins) == len(re.findall(r"^[A-Za-z0-9._-]+==", text, flags=re.M)), "a pin without a hash"
    return {canonicalize_name(package): version for package, version in pins.items()}


def declared(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return [Requirement(line) for line in names]


def test_lock_files_hold_every_dependency_in_its_range_run_scripts_lock_after_changing_pyproject():
    for lock, requirements in (("main.txt", declared()), ("test.txt", declared("test"))):
        pins = locked(lock)
        for requirement in requirements:
            name = canonicalize_name(requirement.name)
            assert name in pins, f"{requirement} missing from requirements/{lock}: run scripts/lock"
            assert requirement.specifier.contains(pins[name], prereleases=True), (
                f"requirements/{lock} has {name}=={pins[name]} outside {requirement}: run scripts/lock")
    main, test = locked("main.txt"), locked("test.txt")
    assert {name: test[name] for name in main} == main  # what CI tests is what the image runs


def test_every_install_uses_the_lock_and_nothing_unused_is_installed():
    assert "--require-hashes -r requirements/test.txt" in (ROOT / "scripts" / "test").read_text()
    assert "--require-hashes -r requirements/main.txt" in (ROOT / "scripts" / "serve").read_text()
    assert "--require-hashes -r requirements/main.txt" in (ROOT / "docker" / "Dockerfile").read_text()
    assert "pdfplumber" not in locked("test.txt")


def test_image_context_leaves_out_secrets_history_and_local_data():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".env", ".git", ".venv", "*.sqlite3", "media/"} <= ignored
