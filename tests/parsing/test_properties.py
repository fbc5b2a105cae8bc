"""Property tests: parse_text reads anything without raising, and line breaks do not change the metadata."""

from __future__ import annotations

import random
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from svtracker.parsing import parse_text, to_json

from .conftest import SEED_PREFIXES, seed_text

METADATA = ("number", "session", "date", "author", "minister", "title", "theme")
CRASH = "Document kon niet gelezen worden"  # the safety net in parse_text: it must never be needed


def parsed_without_crash(text: str):
    parsed = parse_text(text)
    assert not any(warning.startswith(CRASH) for warning in parsed.warnings), parsed.warnings
    return parsed


FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reflowed(text: str, rnd: random.Random) -> str:
    """The same words with line breaks removed or moved inside paragraphs (blank lines stay)."""
    paragraphs = re.split(r"(\n[ \t]*\n)", text)
    out = []
    for paragraph in paragraphs:
        if not paragraph.strip():
            out.append(paragraph)
            continue
        chars = list(paragraph)
        for index, char in enumerate(chars):
            beside_a_break = "\n" in chars[index - 1 : index] + chars[index + 1 : index + 2]
            if char == "\n" and rnd.random() < 0.5:
                chars[index] = " "
            elif char == " " and not beside_a_break and rnd.random() < 0.08:
                chars[index] = "\n"
        out.append("".join(chars))
    return "".join(out)


@FAST
@given(st.text())
def test_any_text_gives_a_result(text):
    result = to_json(parsed_without_crash(text))
    assert isinstance(result["warnings"], list)


@FAST
@given(st.binary(max_size=5000))
def test_binary_looking_text_gives_a_result(data):
    to_json(parsed_without_crash(data.decode("latin-1")))


@FAST
@given(st.sampled_from(SEED_PREFIXES), st.lists(st.text(max_size=30), max_size=10), st.integers(0, 2**32))
def test_seed_with_garbage_inserted_gives_a_result(prefix, garbage, seed):
    rnd = random.Random(seed)
    text = seed_text(prefix)
    for piece in garbage:
        position = rnd.randrange(len(text) + 1)
        text = text[:position] + piece + text[position:]
    to_json(parsed_without_crash(text))


@settings(max_examples=5, deadline=None)
@given(
    st.sampled_from(SEED_PREFIXES), st.integers(min_value=1_000_000, max_value=2_000_000), st.integers(0, 99)
)
def test_huge_text_is_read_quickly(prefix, size, noise_seed):
    rnd = random.Random(noise_seed)
    seed = seed_text(prefix)
    alphabet = "aA eé.\n1-)(:/ANTWOORD MINISTER nr. van 2 oktober 2023 SV "
    noise = "".join(rnd.choice(alphabet) for _ in range(2000))
    text = (seed + noise) * (size // (len(seed) + len(noise)) + 1)
    started = time.perf_counter()
    parsed = parsed_without_crash(text[:size])
    assert time.perf_counter() - started < 10
    assert parsed.number is not None
    assert any("ingekort" in warning for warning in parsed.warnings)


@FAST
@given(st.sampled_from(SEED_PREFIXES), st.integers(min_value=0, max_value=2**32))
def test_reflowed_seed_keeps_its_metadata(prefix, seed):
    text = seed_text(prefix)
    original = to_json(parse_text(text))
    moved = to_json(parse_text(reflowed(text, random.Random(seed))))
    assert {key: moved[key] for key in METADATA} == {key: original[key] for key in METADATA}
