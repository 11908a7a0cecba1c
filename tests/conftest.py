"""Shared fixtures: the full claimex pipeline, loaded once per test session."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimex.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()  # the same object as the pipeline `claimex.api` runs


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def reverse_folder_listing(monkeypatch):
    """Call it to make folders list their entries in reverse order from then on."""
    from claimex import ingest

    real_walk = ingest.os.walk

    def reversed_walk(*args, **kwargs):
        for root, folders, files in real_walk(*args, **kwargs):
            folders.reverse()
            files.reverse()
            yield root, folders, files

    return lambda: monkeypatch.setattr(ingest.os, "walk", reversed_walk)


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite the expected outputs of samples/ from the current code instead of comparing",
    )


@pytest.fixture()
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
