"""claimex: turn news articles into structured, attributed claims.

    >>> import claimex
    >>> claims = claimex.extract('"We will rebuild," Mayor Elena Ortiz said on Tuesday.')
"""

from claimex.schema import SCHEMA_VERSION, Claim, Sentence

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Claim", "Sentence", "__version__", "extract", "extract_many", "extract_sentences",
           "load_pipeline", "sentences_many"]


def __getattr__(name: str):
    """The entry points import spaCy, so they load on first use, not on `import claimex`."""
    if name in ("extract", "extract_sentences", "extract_many", "sentences_many"):
        from claimex import api

        return getattr(api, name)
    if name == "load_pipeline":
        from claimex.pipeline import load_pipeline

        return load_pipeline
    raise AttributeError(f"module 'claimex' has no attribute {name!r}")
