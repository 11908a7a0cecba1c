"""How long `claimex diff` takes beyond extracting its two articles, on two articles of about 1,500 words
assembled from the project's samples (A: samples/*.txt and the A sides of samples/pairs, B: the same
samples and the B sides).

    python benchmarks/diff_speed.py [--runs 3]

Prints the time to extract both articles, the time to diff their claims the first time in a process
(loading the meaning model included) and after, and the two commands end to end: `claimex extract A B`
against `claimex diff A B`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def articles() -> tuple[str, str]:
    """Two long articles: shared stories, then each side's versions of the paired stories."""
    shared = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    sides = []
    for side in "ab":
        paired = sorted((SAMPLES / "pairs").rglob(f"*.{side}.txt"))
        sides.append("\n\n".join([*shared, *(path.read_text(encoding="utf-8") for path in paired)]))
    return sides[0], sides[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from claimex.api import extract_many
    from claimex.diff import diff_claims
    from claimex.pipeline import load_pipeline

    a, b = articles()
    print(f"A: {len(a.split())} words, B: {len(b.split())} words")
    load_pipeline()
    started = time.perf_counter()
    claims_a, claims_b = extract_many([("a", a), ("b", b)])
    print(f"extract both (in process, pipeline loaded): {time.perf_counter() - started:.2f} s; "
          f"{len(claims_a)} and {len(claims_b)} claims")
    for run in range(args.runs):
        started = time.perf_counter()
        records = diff_claims(claims_a, claims_b)
        label = "first, meaning model loaded" if run == 0 else "again"
        print(f"diff ({label}): {time.perf_counter() - started:.2f} s, {len(records)} records")
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder, "a.txt"), Path(folder, "b.txt")]
        for path, text in zip(paths, (a, b)):
            path.write_text(text, encoding="utf-8")
        for command in ("extract", "diff"):
            best = min(_timed([sys.executable, "-m", "claimex", command, *map(str, paths)]) for _ in range(args.runs))
            print(f"claimex {command} A B (best of {args.runs}): {best:.2f} s")


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
