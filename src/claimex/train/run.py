"""`claimex train`: brat corpora -> spaCy training data -> spaCy's own training loop -> a pipeline
that `claimex extract --model` loads."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train
from spacy.language import Language
from spacy.util import load_config

from claimex.pipeline import resolve_model
from claimex.resources import models_dir
from claimex.train.brat import read_corpus
from claimex.train.convert import write_docbin
from claimex.role_attribution import ROLES_COMPONENT, SPANS_COMPONENT

DEFAULT_CONFIG = "train.cfg"


def train_model(train_dir: Path, dev_dir: Path, output: Path, base: str | None = None, seed: int = 0,
                config: Path | None = None, overrides: dict | None = None, log=None) -> Path:
    """Train the role recogniser on `train_dir`, keep the step that scores best on `dev_dir`, and
    write it with the base pipeline as a spaCy pipeline in `output`; the folder written. `overrides`
    change settings of the config (dotted names); `log` gets the progress lines (default: stderr)."""
    log = log or (lambda line: print(line, file=sys.stderr))
    config = config or models_dir() / DEFAULT_CONFIG
    output = Path(output)
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise FileExistsError(f"{output}: already exists and is not an empty folder; choose another --output")
    base_name = resolve_model(base)
    base_nlp = spacy.load(base_name)
    train_articles, dev_articles = read_corpus(train_dir), read_corpus(dev_dir)
    with tempfile.TemporaryDirectory(prefix="claimex-train-") as work:
        work = Path(work)
        train_words = write_docbin(base_nlp, train_articles, work / "train.spacy")
        write_docbin(base_nlp, dev_articles, work / "dev.spacy")
        log(f"{len(train_articles)} training articles ({train_words} words), "
            f"{len(dev_articles)} dev articles; base {base_name}, seed {seed}")
        batch_words = load_config(config)["training"]["batcher"]["size"]["stop"]
        about_every_epoch = {"training.eval_frequency": max(1, train_words // batch_words)}
        with contextlib.redirect_stdout(sys.stderr):  # spaCy's progress table: stdout carries only data
            spacy_train(
                config, work / "trained", use_gpu=-1,
                overrides={"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                           "paths.base": base_name, "system.seed": seed, **about_every_epoch, **(overrides or {})},
            )
        assemble(base_nlp, work / "trained" / "model-best", output)
    log(f"model written to {output}")
    return output


def assemble(base_nlp: Language, trained_dir: Path, output: Path) -> None:
    """The base pipeline with the trained role recogniser set in right after the tagger, as in
    training (before the parser, whose sentence ends would cut spans), its spans moved to
    `doc.spans` so the entity recogniser after it finds the entities as without it."""
    trained = spacy.load(trained_dir)
    anchor = {"after": "tagger"} if "tagger" in base_nlp.pipe_names else {"last": True}
    base_nlp.add_pipe(ROLES_COMPONENT, source=trained, **anchor)
    base_nlp.add_pipe(SPANS_COMPONENT, after=ROLES_COMPONENT)
    base_nlp.to_disk(output)
