"""`claimex train`: learn Source / Cue / Content roles from brat annotations with spaCy's training loop."""

from claimex.train.brat import CorpusError, read_corpus
from claimex.train.run import train_model

__all__ = ["CorpusError", "read_corpus", "train_model"]
