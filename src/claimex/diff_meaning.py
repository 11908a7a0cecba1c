"""How alike two texts are in meaning: WordLlama's token vectors, averaged over each text, compared by cosine.

The model is WordLlama l2_supercat (MIT), its first 128 dimensions, shipped in models/ (see
benchmarks/diff_wordllama_export.py for where it comes from and docs/diff.md for why not the wheel).
Its tokenizer is LLaMA 2's byte-fallback BPE: text is split into words at spaces, each word marked
with a leading "▁" and merged pair by pair by the rank of its merges; a character the vocabulary lacks
becomes its UTF-8 bytes. Nothing is downloaded; the files load once, on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from claimex.resources import read_lexicon, models_dir

WORD_MARK = "▁"


class BpeTokenizer:
    """Byte-fallback BPE over a vocabulary and ranked merges (the LLaMA 2 scheme, without special tokens)."""

    def __init__(self, vocab: dict[str, int], merges: Sequence[Sequence[str]]) -> None:
        """`merges`: pairs of symbols, the pair to merge first first."""
        self.vocab = vocab
        self.ranks = dict(zip(map(tuple, merges), range(len(merges))))
        self.word_ids = functools.lru_cache(maxsize=65536)(self._word_ids)

    def ids(self, text: str) -> list[int]:
        """Token ids of `text`; runs of white space count as one space."""
        return [token for word in text.split() for token in self.word_ids(WORD_MARK + word)]

    def _word_ids(self, word: str) -> tuple[int, ...]:
        symbols = list(word)
        while len(symbols) > 1:
            ranked = [(self.ranks.get(pair, len(self.ranks)), index)
                      for index, pair in enumerate(zip(symbols, symbols[1:]))]
            rank, index = min(ranked)
            if rank == len(self.ranks):
                break
            symbols[index:index + 2] = [symbols[index] + symbols[index + 1]]
        return tuple(token for symbol in symbols for token in self._symbol_ids(symbol))

    def _symbol_ids(self, symbol: str) -> list[int]:
        if symbol in self.vocab:
            return [self.vocab[symbol]]
        return [self.vocab[f"<0x{byte:02X}>"] for byte in symbol.encode("utf-8")]


class MeaningModel:
    """Texts to unit vectors: the mean of their tokens' vectors, normalised."""

    def __init__(self, vectors: np.ndarray, tokenizer: BpeTokenizer) -> None:
        self.vectors = vectors
        self.tokenizer = tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit row per text (zeros for a text without tokens)."""
        rows = np.zeros((len(texts), self.vectors.shape[1]), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = self.tokenizer.ids(text)
            if ids:
                rows[row] = self.vectors[ids].astype(np.float32).mean(axis=0)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms == 0, 1, norms)

    def similarities(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine of every text of `a` with every text of `b`, shape (len(a), len(b))."""
        if not a or not b:
            return np.zeros((len(a), len(b)), dtype=np.float32)
        return self.embed(a) @ self.embed(b).T


@functools.lru_cache(maxsize=1)
def meaning_model() -> MeaningModel:
    """The shipped model, loaded once."""
    tokenizer = read_lexicon("diff_meaning_tokenizer.json")
    vectors = np.load(models_dir() / "diff_meaning_vectors.npy")
    return MeaningModel(vectors, BpeTokenizer(tokenizer["vocab"], tokenizer["merges"]))
