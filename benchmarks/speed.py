"""claimex against bare spaCy on the same texts, as whole processes, alternating runs.

    python benchmarks/speed.py [--rounds 3] [--texts DIR ...] [--workers 2] [--in-process 5]

Texts: the project's samples/ and, when present, ../shared/eval/polnear/dev/text. Each round runs
(1) bare spaCy: the same model, `nlp.pipe` over the texts, and (2) `claimex extract` over the same
files with stdout discarded, each in a fresh process that reports its own time and peak memory.
Prints words per second, the median time ratio claimex / spaCy (and of CPU time, which other jobs on a
shared machine disturb less), peak memory of each, and, with
--workers, the speed-up of `claimex extract --workers N` over one worker. The machine is shared and
noisy: compare ratios from the same run, not absolute seconds. --memory compares peak memory on
200 and 2,000 inputs. --in-process N times, in one process, bare spaCy's `nlp.pipe` against
`claimex.extract_many` with every claim serialised as a JSON line, batch by batch in turn, N rounds:
start-up left out, and both sides meet the same state of the machine batch by batch, which makes the
ratio far steadier where other jobs share the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimex.pipeline import resolve_model

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [ROOT / "samples", ROOT.parent / "shared" / "eval" / "polnear" / "dev" / "text"]

# Each child prints {"seconds": ..., "peak_kib": ...} as its last line on stderr.
BARE_SPACY = """
import json, resource, sys, time
start = time.perf_counter()
from pathlib import Path
import spacy
model, files = sys.argv[1], sys.argv[2:]
nlp = spacy.load(model)
texts = (Path(f).read_text(encoding="utf-8") for f in files)
for doc in nlp.pipe(texts, batch_size=16):
    pass
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss}), file=sys.stderr)
"""
CLAIMEX = """
import json, os, resource, sys, time
start = time.perf_counter()
sys.stdout = open(os.devnull, "w")
from claimex.cli import app
try:
    app(args=["extract", "--format", "jsonl", *sys.argv[1:]], prog_name="claimex")
except SystemExit:
    pass
seconds = time.perf_counter() - start
usage, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_kib": max(usage.ru_maxrss, children.ru_maxrss)}), file=sys.stderr)
"""


def run_child(code: str, args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark child failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--texts", type=Path, nargs="*", help="folders of .txt files (default: samples/ and PolNeAR dev)")
    parser.add_argument("--workers", type=int, default=0, help="also time `--workers N` against one worker")
    parser.add_argument("--components", action="store_true",
                        help="also time each pipeline component and the claim building, in this process")
    parser.add_argument("--in-process", type=int, default=0, metavar="N",
                        help="also time bare spaCy against claimex in this process, batch by batch in turn, N rounds")
    parser.add_argument("--memory", action="store_true",
                        help="also compare peak memory on 200 and on 2,000 short inputs (written to a temporary folder)")
    args = parser.parse_args()
    dirs = args.texts or [d for d in DEFAULT_DIRS if d.is_dir()]
    files = sorted(str(f) for d in dirs for f in d.glob("*.txt"))
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    print(f"{len(files)} texts, {words} words, from {', '.join(str(d) for d in dirs)}")

    spacy_runs, claimex_runs, worker_runs = [], [], []
    model = resolve_model()
    for _ in range(args.rounds):
        spacy_runs.append(run_child(BARE_SPACY, [model, *files]))
        claimex_runs.append(run_child(CLAIMEX, files))
        if args.workers:
            worker_runs.append(run_child(CLAIMEX, ["--workers", str(args.workers), *files]))

    def summary(name: str, runs: list[dict]) -> float:
        seconds = statistics.median(r["seconds"] for r in runs)
        peak_mib = max(r["peak_kib"] for r in runs) / 1024
        print(f"{name:22s} median {seconds:7.2f} s  {words / seconds:8.0f} words/s  peak {peak_mib:6.0f} MiB")
        return seconds

    bare = summary("bare spaCy", spacy_runs)
    ours = summary("claimex extract", claimex_runs)
    ratios = [c["seconds"] / s["seconds"] for c, s in zip(claimex_runs, spacy_runs)]
    print(f"ratio claimex / spaCy: median {ours / bare:.3f} (per round: {', '.join(f'{r:.3f}' for r in ratios)})")
    cpu_ratios = [c["cpu_seconds"] / s["cpu_seconds"] for c, s in zip(claimex_runs, spacy_runs)]
    fastest = min(c["cpu_seconds"] for c in claimex_runs) / min(s["cpu_seconds"] for s in spacy_runs)
    print(f"CPU time ratio (steadier on a busy machine): median {statistics.median(cpu_ratios):.3f} "
          f"(per round: {', '.join(f'{r:.3f}' for r in cpu_ratios)}); fastest run against fastest run {fastest:.3f}")
    if worker_runs:
        parallel = summary(f"claimex --workers {args.workers}", worker_runs)
        print(f"--workers {args.workers} / one worker: {parallel / ours:.3f}")
    if args.components:
        time_components(files)
    if args.in_process:
        time_in_process(files, args.in_process)
    if args.memory:
        compare_memory(files)


def time_components(files: list[str]) -> None:
    """Seconds in each pipeline component and in building claims, as a share of the spaCy model's own."""
    from claimex.claims import claims_from_doc
    from claimex.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    spent = {"tokenizer": 0.0}
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    spent["tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=16)) if hasattr(component, "pipe") else [component(d) for d in docs]
        spent[name] = time.perf_counter() - started
    started = time.perf_counter()
    for doc, path in zip(docs, files):
        claims_from_doc(doc, path)
    spent["claims (mentions, records)"] = time.perf_counter() - started
    model = sum(seconds for name, seconds in spent.items() if not name.startswith("claim"))
    model -= sum(seconds for name, seconds in spent.items() if name.startswith("claimex_"))
    for name, seconds in spent.items():
        print(f"  {name:28s} {seconds:6.2f} s  {100 * seconds / model:5.1f}% of the spaCy model's time")


def time_in_process(files: list[str], rounds: int) -> None:
    """Bare spaCy's `nlp.pipe` and claimex's `extract_many` (claims serialised) on the same texts, in one
    process, batch by batch in turn (which goes first alternates), so that both meet the same machine."""
    import spacy

    from claimex import extract_many
    from claimex.output import jsonl_line

    texts = [(f, Path(f).read_text(encoding="utf-8")) for f in files]
    batches = [texts[i : i + 16] for i in range(0, len(texts), 16)]
    bare = spacy.load(resolve_model())
    bare(texts[0][1])
    list(extract_many(texts[:1]))  # loads the pipeline and reads the lexicons before the clock starts

    def run_bare(batch):
        for _doc in bare.pipe((text for _, text in batch), batch_size=16):
            pass

    def run_claimex(batch):
        for claims in extract_many(batch):
            "".join(jsonl_line(claim) for claim in claims)

    ratios = []
    for round_number in range(rounds):
        spent = {run_bare: 0.0, run_claimex: 0.0}
        for i, batch in enumerate(batches):
            order = (run_bare, run_claimex) if (i + round_number) % 2 == 0 else (run_claimex, run_bare)
            for run in order:
                started = time.process_time()
                run(batch)
                spent[run] += time.process_time() - started
        ratios.append(spent[run_claimex] / spent[run_bare])
    print(f"in one process, batch by batch in turn, CPU time ratio claimex / spaCy: median "
          f"{statistics.median(ratios):.3f} (per round: {', '.join(f'{r:.3f}' for r in ratios)})")


def compare_memory(files: list[str]) -> None:
    """Peak memory of `claimex extract` over a folder of 200 and one of 2,000 inputs (cut from the texts)."""
    openings = [Path(f).read_text(encoding="utf-8")[:600] for f in files]
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in (200, 2000):
            folder = Path(tmp) / str(count)
            folder.mkdir()
            for i in range(count):
                (folder / f"{i:05d}.txt").write_text(openings[i % len(openings)], encoding="utf-8")
            peaks[count] = run_child(CLAIMEX, [str(folder)])["peak_kib"] / 1024
            print(f"peak memory on {count:5d} inputs: {peaks[count]:6.0f} MiB")
    print(f"2,000 / 200 inputs: {peaks[2000] / peaks[200]:.3f}")


if __name__ == "__main__":
    main()
