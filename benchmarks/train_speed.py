"""A trained model's cost: bare spaCy, claimex rules-only and claimex with `--model MODEL_DIR`, on the
same texts, as whole processes, alternating runs (the children of benchmarks/speed.py).

    python benchmarks/train_speed.py MODEL_DIR [MODEL_DIR ...] [--rounds 3] [--texts DIR ...]

Prints each one's median seconds and words per second, and the ratios to bare spaCy (the base
model, en_core_web_sm). Several models alternate in the same rounds, so that they can be compared.
The machine is shared and noisy: compare ratios from the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import BARE_SPACY, CLAIMEX, DEFAULT_DIRS, run_child  # noqa: E402

from claimex.pipeline import resolve_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", help="folders `claimex train` wrote")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--texts", type=Path, nargs="*", help="folders of .txt files (default: samples/ and PolNeAR dev)")
    args = parser.parse_args()
    dirs = args.texts or [d for d in DEFAULT_DIRS if d.is_dir()]
    files = sorted(str(f) for d in dirs for f in d.glob("*.txt"))
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    print(f"{len(files)} texts, {words} words, from {', '.join(str(d) for d in dirs)}")
    base = resolve_model()
    runs: dict[str, list[float]] = {"bare spaCy": [], "claimex rules": []}
    runs.update({f"--model {model}": [] for model in args.models})
    for _ in range(args.rounds):
        runs["bare spaCy"].append(run_child(BARE_SPACY, [base, *files])["seconds"])
        runs["claimex rules"].append(run_child(CLAIMEX, ["--model", base, *files])["seconds"])
        for model in args.models:
            runs[f"--model {model}"].append(run_child(CLAIMEX, ["--model", model, *files])["seconds"])
    bare = statistics.median(runs["bare spaCy"])
    for name, seconds in runs.items():
        median = statistics.median(seconds)
        print(f"{name:16s} median {median:7.2f} s  {words / median:8.0f} words/s  ratio to bare spaCy {median / bare:.3f}")


if __name__ == "__main__":
    main()
