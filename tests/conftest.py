"""Shared fixtures; hypothesis profiles: "ci" (the default, under a minute) and "thorough"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SOURCE = SAMPLES / "nato-press-release-2024-02-15.txt"
OUTLET = SAMPLES / "outlet-report-2024-02-15.txt"

# "ci" is derandomised: every CI run checks the same examples, so a red build
# is a regression, never luck; "thorough" explores afresh each time.
settings.register_profile(
    "ci", max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# "ci" unless $HYPOTHESIS_PROFILE names another; hypothesis's own pytest plugin
# then applies --hypothesis-profile=NAME over this (the profiles must be
# registered here, before it looks them up). Pinned by tests/test_properties.py.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def outlet_text() -> str:
    return OUTLET.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample(source_text: str, outlet_text: str):
    from natodiff.api import compare

    return compare(source_text, outlet_text, source_name=SOURCE.name, outlet_name=OUTLET.name)
