"""One big text against the same text cut into records: time and peak memory of `claimex extract`.

    python benchmarks/big_file.py [--megabytes 3] [--workers 1]

The text is the project's own articles (samples/ and samples/pairs/) one after another, blank line
between them, repeated to the size asked for. It is run (1) as one file, over spaCy's max_length, so it
goes through in pieces, and (2) as a JSON-lines collection with one article a line, each in a fresh
process that reports its own time and peak memory. A big text should cost about what its records cost.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from speed import run_child  # benchmarks/speed.py: a child process that reports its time and peak memory

ROOT = Path(__file__).resolve().parents[1]

# The child prints {"seconds": ..., "peak_kib": ..., "claims": ...} as its last line on stderr.
CLAIMEX = """
import json, resource, sys, time
start = time.perf_counter()
from claimex.cli import app
output = sys.argv[1]
try:
    app(args=["extract", "--format", "jsonl", "--output", output, "--force", *sys.argv[2:]], prog_name="claimex")
except SystemExit:
    pass
seconds = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
claims = sum(1 for _ in open(output, encoding="utf-8"))
print(json.dumps({"seconds": seconds, "peak_kib": peak, "claims": claims}), file=sys.stderr)
"""


def articles() -> list[str]:
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "samples" / "pairs").glob("*.txt"))
    return [path.read_text(encoding="utf-8").strip() + "\n" for path in files]


def write_inputs(folder: Path, megabytes: float) -> tuple[Path, Path, int]:
    """The big text and the same articles as JSON lines; how many articles they hold."""
    pieces, size, wanted = [], 0, int(megabytes * 1_000_000)
    while size < wanted:
        for article in articles():
            pieces.append(article)
            size += len(article.encode("utf-8")) + 1
    big = folder / "big.txt"
    big.write_text("\n".join(pieces), encoding="utf-8")
    records = folder / "records.jsonl"
    records.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i, text in enumerate(pieces)),
                       encoding="utf-8")
    return big, records, len(pieces)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big, records, count = write_inputs(Path(folder), args.megabytes)
        print(f"{big.stat().st_size / 1e6:.2f} MB text, the same as {count} records; --workers {args.workers}")
        workers = ["--workers", str(args.workers)]
        results = {
            "one text": run_child(CLAIMEX, [str(Path(folder) / "one.jsonl"), str(big), *workers]),
            "records": run_child(CLAIMEX, [str(Path(folder) / "records.out.jsonl"), "--jsonl-field", "text", str(records),
                                           *workers]),
        }
    for name, result in results.items():
        print(f"{name:9} {result['seconds']:8.1f} s  peak {result['peak_kib'] / 1024:7.0f} MiB  {result['claims']} claims")
    one, cut = results["one text"], results["records"]
    print(f"one text / records: time {one['seconds'] / cut['seconds']:.2f}x, peak memory {one['peak_kib'] / cut['peak_kib']:.2f}x")


if __name__ == "__main__":
    main()
