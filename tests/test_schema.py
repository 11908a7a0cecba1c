"""The committed JSON Schema is the one the code prints, and records validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimex.schema import Claim, json_schema_text

COMMITTED = Path(__file__).resolve().parents[1] / "schema" / "claimex.schema.json"


def test_schema_committed_file_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/claimex.schema.json is stale: run `claimex schema > schema/claimex.schema.json`"
    )


def test_schema_rejects_unknown_fields():
    record = {"id": "x", "doc": "a.txt", "kind": "unattributed", "sentence": {"index": 0, "start": 0, "end": 3},
              "content": {"text": "abc", "start": 0, "end": 3}, "source": None, "cue": None}
    Claim.model_validate(record)
    with pytest.raises(ValueError):
        Claim.model_validate({**record, "confidence": "high"})


def test_schema_command_prints_the_committed_schema(runner):
    from claimex.cli import app

    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert result.stderr == ""
