"""Share of GUM Wikinews gold sentences that claimex's sentence splitting reproduces exactly.

Each document's text is rebuilt from its gold `# text` lines: sentences joined by a space,
paragraphs by a blank line. A paragraph starts at `# newpar` and after the end of a block
(`# newpar_block = head (1 s)`: a heading of one sentence; the dateline after it is a new line).
A gold sentence counts when some predicted sentence has exactly its character span (trailing
whitespace stripped).

    python benchmarks/sentences_wikinews.py [--data ../shared/eval/gum_wikinews] [--genre news] [--show 10]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "gum_wikinews"


def read_documents(folder: Path, genre: str | None) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, gold sentence spans) for each CoNLL-U file in `folder/conllu`."""
    documents = []
    for path in sorted((folder / "conllu").glob("*.conllu")):
        if genre and f"_{genre}_" not in path.name:
            continue
        text, spans, new_paragraph, left_in_block = "", [], False, 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar"):
                new_paragraph = True
                if counts := re.findall(r"\((\d+) s\)", line):
                    left_in_block = min(map(int, counts))
            elif line.startswith("# text = "):
                sentence = line[len("# text = ") :].strip()
                if text:
                    text += "\n\n" if new_paragraph else " "
                spans.append((len(text), len(text) + len(sentence)))
                text += sentence
                left_in_block -= 1
                new_paragraph = left_in_block == 0
        documents.append((path.stem, text, spans))
    return documents


def predicted_spans(doc) -> set[tuple[int, int]]:
    """Sentence spans with trailing whitespace left out."""
    spans = set()
    for sent in doc.sents:
        stripped = sent.text.rstrip()
        if stripped:
            spans.add((sent.start_char, sent.start_char + len(stripped)))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--genre", choices=["news", "interview"], help="only this GUM genre (default: both)")
    parser.add_argument("--show", type=int, default=0, help="print up to N missed gold sentences")
    args = parser.parse_args()
    if not (args.data / "conllu").is_dir():
        print(f"no GUM Wikinews data at {args.data} (expected {args.data / 'conllu'}/*.conllu); nothing to measure")
        return

    from claimex.pipeline import load_pipeline

    nlp = load_pipeline()
    needed = {"tok2vec", "parser", "claimex_boilerplate", "claimex_sentences"}
    documents = read_documents(args.data, args.genre)
    found = total = 0
    misses = []
    with nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in needed]):
        docs = list(nlp.pipe(text for _, text, _ in documents))
    for (name, text, gold), doc in zip(documents, docs):
        predicted = predicted_spans(doc)
        for start, end in gold:
            total += 1
            if (start, end) in predicted:
                found += 1
            else:
                misses.append((name, text[start:end]))
    for name, sentence in misses[: args.show]:
        print(f"MISS {name}: {sentence!r}")
    print(f"wikinews sentences: {found}/{total} reproduced exactly ({found / total:.3f}) in {len(documents)} documents")


if __name__ == "__main__":
    main()
