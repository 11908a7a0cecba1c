"""Write the meaning model `claimex diff` ships (models/diff_meaning.*) from an installed `wordllama` wheel.

    pip install wordllama==0.4.0.post1 && python benchmarks/diff_wordllama_export.py

WordLlama (MIT, https://github.com/dleemiller/WordLlama) is a table of token vectors averaged over a
text. Its l2_supercat model is trained with Matryoshka truncation, so its first 128 of 256 dimensions
are a model of their own (MTEB STS 66.5 against 66.9 at 256, by WordLlama's RESULTS.md). claimex keeps
those 128 dimensions as float16 and the tokenizer's vocabulary and merges, and reads them with numpy:
the wordllama wheel with its dependencies adds about 74 MB to an install, and its loader fetches the
tokenizer from the network, where these two files add about 10 MB and need nothing at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

MODELS = Path(__file__).resolve().parent.parent / "models"
DIMENSIONS = 128


def main() -> None:
    import wordllama
    from safetensors.numpy import load_file

    package = Path(wordllama.__file__).parent
    weights = load_file(package / "weights" / "l2_supercat_256.safetensors")["embedding.weight"]
    np.save(MODELS / "diff_meaning_vectors.npy", np.ascontiguousarray(weights[:, :DIMENSIONS], dtype=np.float16))
    tokenizer = json.loads((package / "tokenizers" / "l2_supercat_tokenizer_config.json").read_text(encoding="utf-8"))
    model = tokenizer["model"]
    merges = [merge.split(" ") if isinstance(merge, str) else merge for merge in model["merges"]]
    kept = {"source": f"wordllama {wordllama.__version__} l2_supercat, first {DIMENSIONS} dimensions (MIT)",
            "vocab": model["vocab"], "merges": merges}
    (MODELS / "diff_meaning_tokenizer.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
