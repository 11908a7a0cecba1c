"""Shared fixtures: the full claimex pipeline, loaded once per test session."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimex.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()
