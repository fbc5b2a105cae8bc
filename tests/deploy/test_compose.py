"""The docker stack starts the same commands the README documents."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose():
    return yaml.safe_load((ROOT / "docker" / "compose.yml").read_text())


def _readme_commands():
    blocks = re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S)
    return {line.strip() for block in blocks for line in block.splitlines() if line.strip()}


def test_compose_has_web_worker_beat_database_and_redis_with_health_checks():
    services = _compose()["services"]
    assert set(services) >= {"web", "worker", "beat", "db", "redis"}
    for name in ("web", "worker", "db", "redis"):
        assert "healthcheck" in services[name], name
    assert {"pgdata", "media"} <= set(_compose()["volumes"])


def test_compose_commands_are_the_ones_the_readme_documents():
    services = _compose()["services"]
    documented = _readme_commands()
    web_command = re.sub(r'^sh -c "|"$', "", services["web"]["command"])
    web_commands = [part.strip() for part in web_command.split("&&")]
    for command in web_commands:
        assert any(command in line for line in documented), command
    assert services["worker"]["command"] in documented
    assert services["beat"]["command"].split(" --schedule")[0] in documented


def test_image_installs_the_locked_versions():
    dockerfile = (ROOT / "docker" / "Dockerfile").read_text()
    assert "pip install --require-hashes -r requirements/main.txt" in dockerfile
    assert "fonts-dejavu-core" in dockerfile
