"""The Dask engine against one process on the same articles: wall time, peak memory, per-document overhead.

    python benchmarks/dask_engine.py TEXT_DIR [--articles 240] [--workers 2] [--partition-size 8]

Reads the first --articles .txt files (by name) of TEXT_DIR where they are (e.g. the PolNeAR texts,
/work/shared/eval/polnear/train/text; nothing is copied). Each run is a fresh process that writes the
claims as JSON lines to a temporary file and reports its times: (1) one process, `extract_many`;
(2) the Dask engine on a LocalCluster of --workers processes; (3) the Dask engine on one worker. The engine's
overhead per document is the 1-worker run's processing time during which its worker computed nothing
(scheduling, transfers, the client writing), from Dask's task stream; its difference from (1) is
printed too. Prints each run's setup (pipeline or
cluster ready) and processing seconds, the wall-time ratio Dask / one process, peak memory of the
client and of each worker, and whether the outputs are byte-identical. The machine is shared and
noisy: compare ratios from the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

# Each child prints one JSON object on its last stdout line.
ONE_PROCESS = """
import json, resource, sys, time
start = time.perf_counter()
from claimex.api import extract_many
from claimex.output import jsonl_line
from claimex.pipeline import load_pipeline
out, files = sys.argv[1], sys.argv[2:]
load_pipeline()
ready = time.perf_counter()
texts = ((f, open(f, encoding="utf-8").read()) for f in files)
with open(out, "w", encoding="utf-8") as stream:
    for records in extract_many(texts):
        stream.writelines(jsonl_line(record) for record in records)
done = time.perf_counter()
print(json.dumps({"setup": ready - start, "processing": done - ready,
                  "peak_mib": [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]}))
"""
DASK = """
import json, resource, sys, time


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    start = time.perf_counter()
    from distributed import Client, get_task_stream
    from claimex.dask import DaskEngine, PreloadPipeline, local_cluster
    from claimex.output import jsonl_line
    out, workers, partition_size, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    with local_cluster(workers) as cluster, Client(cluster) as client:
        client.register_plugin(PreloadPipeline(), name="claimex-pipeline")
        ready = time.perf_counter()
        engine = DaskEngine("claims", cluster.scheduler_address, workers, partition_size)
        documents = engine.documents(files, lambda message, cause: print(message, file=sys.stderr),
                                     jsonl_field=None, jsonl_id="id", published=None, model=None)
        with open(out, "w", encoding="utf-8") as stream, get_task_stream(client) as tasks:
            for name, text, records in documents:
                stream.writelines(jsonl_line(record) for record in records)
        done = time.perf_counter()
        worker_peaks = sorted(client.run(peak_mib).values())
    busy = sum(part["stop"] - part["start"] for task in tasks.data for part in task["startstops"]
               if part["action"] == "compute")
    print(json.dumps({"setup": ready - start, "processing": done - ready, "busy": busy,
                      "peak_mib": [peak_mib(), *worker_peaks]}))


if __name__ == "__main__":
    main()
"""


def run_child(code: str, args: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(code)  # a file, not -c: worker processes started with `spawn` re-import it
    proc = subprocess.run([sys.executable, script.name, *args], capture_output=True, text=True)
    Path(script.name).unlink()
    if proc.returncode != 0:
        sys.exit(f"child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text_dir", type=Path)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=8)
    args = parser.parse_args()
    files = [str(path) for path in sorted(args.text_dir.glob("*.txt"))[: args.articles]]
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    print(f"{len(files)} articles, {words:,} words, from {args.text_dir}")
    with tempfile.TemporaryDirectory() as tmp:
        outputs = {name: Path(tmp, f"{name}.jsonl") for name in ("one", "dask", "dask1")}
        one = run_child(ONE_PROCESS, [str(outputs["one"]), *files])
        spread = run_child(DASK, [str(outputs["dask"]), str(args.workers), str(args.partition_size), *files])
        single = run_child(DASK, [str(outputs["dask1"]), "1", str(args.partition_size), *files])
        identical = len({digest(path) for path in outputs.values()}) == 1
    for label, result in (("one process", one), (f"dask, {args.workers} workers", spread), ("dask, 1 worker", single)):
        wall = result["setup"] + result["processing"]
        peaks = ", ".join(f"{peak:.0f}" for peak in result["peak_mib"])
        print(f"{label:>18}: setup {result['setup']:6.1f} s, processing {result['processing']:6.1f} s, "
              f"wall {wall:6.1f} s; peak MiB (client, workers...): {peaks}")
    one_wall = one["setup"] + one["processing"]
    print(f"wall time dask {args.workers} workers / one process: {(spread['setup'] + spread['processing']) / one_wall:.2f}x"
          f" (processing only: {spread['processing'] / one['processing']:.2f}x)")
    idle = (single["processing"] - single["busy"]) / len(files)
    print(f"engine overhead per document, 1 worker (processing wall - time the worker computed): {idle * 1000:.1f} ms")
    slower = (single["processing"] - one["processing"]) / len(files)
    print(f"dask 1 worker - one process, processing, per document: {slower * 1000:.1f} ms")
    print(f"outputs byte-identical: {identical}")


if __name__ == "__main__":
    main()
