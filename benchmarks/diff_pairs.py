"""Precision and recall of `claimex diff` over the article pairs in samples/pairs/, at several thresholds.

    python benchmarks/diff_pairs.py [--pairs samples/pairs] [--thresholds 0.3,0.35,...]

Each story NAME has NAME.a.txt, NAME.b.txt and NAME.expected.json: a list of entries naming claims by
a distinctive piece of their content ("a", "b") with the expected status, and for a conflict the
fields that differ. A predicted `conflict` counts as right only with the right partner and the same
difference fields; a predicted `same` only with the right partner. Every claim should be listed:
claims the file does not name are reported, and pairs made with them count as wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from claimex.api import extract_many
from claimex.diff import DEFAULT_THRESHOLD, diff_claims
from claimex.schema import Claim

ROOT = Path(__file__).resolve().parent.parent
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)


@dataclass(frozen=True)
class Story:
    name: str
    a: list[Claim]
    b: list[Claim]
    expected: dict[tuple[str | None, str | None], tuple[str, frozenset[str]]]
    """(id in A or None, id in B or None) -> (status, difference fields)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=ROOT / "samples" / "pairs")
    parser.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    args = parser.parse_args()
    stories = load_stories(args.pairs)
    print(f"{len(stories)} stories; default threshold {DEFAULT_THRESHOLD}")
    print("threshold  conflict P   conflict R   same P   same R   (right/predicted, right/expected)")
    for threshold in (float(value) for value in args.thresholds.split(",")):
        counts = score(stories, threshold)
        print(f"{threshold:9.2f}  " + "  ".join(
            f"{_ratio(counts[status]['right'], counts[status][kind])}"
            for status in ("conflict", "same") for kind in ("predicted", "expected")))


def load_stories(folder: Path) -> list[Story]:
    """Each story's claims (A and B extracted together) and its expected alignment, by claim id."""
    names = sorted(path.name.removesuffix(".expected.json") for path in folder.glob("*.expected.json"))
    if not names:
        sys.exit(f"{folder}: no NAME.expected.json files")
    texts = [(str(folder / f"{name}.{side}.txt"), (folder / f"{name}.{side}.txt").read_text(encoding="utf-8"))
             for name in names for side in "ab"]
    claims = list(extract_many(texts))
    stories = []
    for index, name in enumerate(names):
        a, b = claims[2 * index], claims[2 * index + 1]
        entries = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
        expected = {
            (_find(name, a, entry.get("a")), _find(name, b, entry.get("b"))):
                (entry["status"], frozenset(entry.get("differences", ())))
            for entry in entries
        }
        listed = {claim_id for key in expected for claim_id in key}
        for claim in (*a, *b):
            if claim.id not in listed:
                print(f"{name}: claim not in the expected file: {claim.content.text!r}", file=sys.stderr)
        stories.append(Story(name, a, b, expected))
    return stories


def _find(story: str, claims: list[Claim], piece: str | None) -> str | None:
    if piece is None:
        return None
    found = [claim.id for claim in claims if piece in claim.content.text]
    if len(found) != 1:
        sys.exit(f"{story}: {piece!r} is in {len(found)} claims' content, not exactly one")
    return found[0]


def score(stories: list[Story], threshold: float) -> dict[str, dict[str, int]]:
    """For `conflict` and `same`: how many were predicted, expected, and predicted right."""
    counts = {status: {"predicted": 0, "expected": 0, "right": 0} for status in ("conflict", "same")}
    for story in stories:
        for status, _ in story.expected.values():
            if status in counts:
                counts[status]["expected"] += 1
        for record in diff_claims(story.a, story.b, threshold):
            if record.status not in counts:
                continue
            counts[record.status]["predicted"] += 1
            wanted = story.expected.get((record.a.id, record.b.id))
            fields = frozenset(difference.field for difference in record.differences)
            if wanted == (record.status, fields):
                counts[record.status]["right"] += 1
    return counts


def _ratio(right: int, total: int) -> str:
    return f"{right / total if total else 0:.2f} ({right:2d}/{total:2d})"


if __name__ == "__main__":
    main()
