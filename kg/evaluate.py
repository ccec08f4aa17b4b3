"""Extraction quality against gold annotations, with the matching rules of the reference scorer.

Gold is JSON Lines, one article a line (see the README's "Extraction quality"). A predicted
entity matches a gold item when its ``zh`` label or an ``skos:altLabel`` matches one of the
item's names: equal after removing spaces and punctuation, or the shorter inside the longer and
at least half its length, or a character-bigram Dice coefficient of at least 0.5. Each gold item
is matched once, best pairs first; predictions that match an ``optional`` item do not count.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.namespace import KG

CLASSES = {"organizations": KG.Organization, "places": KG.Place, "persons": KG.Person,
           "policies": KG.Policy, "meetings": KG.Meeting, "decisions": KG.Decision}
RELATIONS = {"convened_by": KG.convenedBy, "held_in": KG.heldIn, "decided": KG.decided}
_PUNCT = re.compile(r"[\s\u3000·•、，。；：！？,.;:!?\"'“”‘’「」『』《》〈〉()（）\[\]【】-]+")
_EN_STOP = {"the", "of", "a", "an", "and", "in", "on", "for", "to"}


def normalize(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


def similarity(a: str, b: str) -> float:
    """0 when two names do not match, else a score in (0, 1]."""
    a, b = normalize(a), normalize(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) / len(long_) >= 0.5:
        return len(short) / len(long_)
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    dice = 2 * len(x & y) / (len(x) + len(y))
    return dice if dice >= 0.5 else 0.0


def match(preds: list[list[str]], golds: list[list[str]]) -> dict[int, int]:
    """Greedy one-to-one matching, best pairs first: {prediction index: gold index}."""
    pairs = sorted(((max((similarity(p, g) for p in pl for g in gl), default=0.0), i, j)
                    for i, pl in enumerate(preds) for j, gl in enumerate(golds)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: dict[int, int] = {}
    for score, i, j in pairs:
        if score <= 0:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out[i] = j
    return out


def _aliases(item: object) -> list[str]:
    if isinstance(item, dict):
        item = item.get("names", [])
    return [item] if isinstance(item, str) else [str(x) for x in item]


def _labels(graph: Graph, node: URIRef, lang: str = "zh") -> list[str]:
    out = []
    for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for lit in graph.objects(node, prop):
            tag = (getattr(lit, "language", None) or "").lower()
            if tag == lang or tag.startswith(lang + "-") or (
                    lang == "zh" and not tag and re.search(r"[\u4e00-\u9fff]", str(lit))):
                out.append(str(lit))
    return out


def _en_match(a: str, b: str) -> bool:
    wa = set(re.findall(r"[a-z0-9]+", a.lower())) - _EN_STOP
    wb = set(re.findall(r"[a-z0-9]+", b.lower())) - _EN_STOP
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Error:
    """A false positive or false negative, with where to look."""

    key: str
    kind: str  # "FP" or "FN"
    file: str
    text: str
    evidence: str = ""


@dataclass
class Score:
    counts: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    english: Counts = field(default_factory=Counts)
    missing: list[str] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)

    def micro(self) -> Counts:
        total = Counts()
        for key in CLASSES:
            c = self.counts[key]
            total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        return total

    def table(self) -> str:
        lines = [f"{'key':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        rows = [(k, self.counts[k]) for k in CLASSES if k in self.counts]
        rows.append(("entities_micro", self.micro()))
        rows += [(k, self.counts[k]) for k in RELATIONS if k in self.counts]
        for key, c in rows:
            p, r, f = c.prf()
            lines.append(f"{key:<16}{p:7.3f}{r:7.3f}{f:7.3f}{c.tp:6}{c.fp:6}{c.fn:6}")
        checked = self.english.tp + self.english.fn
        if checked:
            lines.append(f"english labels: {self.english.tp / checked:.3f} of {checked} matched gold items")
        if self.missing:
            lines.append(f"articles missing from the graph: {len(self.missing)}")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        out: dict = {}
        for key, c in [*self.counts.items(), ("entities_micro", self.micro())]:
            p, r, f = c.prf()
            out[key] = {"precision": p, "recall": r, "f1": f, "tp": c.tp, "fp": c.fp, "fn": c.fn}
        return out


def _evidence(graph: Graph, node: URIRef) -> str:
    return next(iter(sorted(str(e) for e in graph.objects(node, KG.evidence))), "")


def score(graph: Graph, gold: list[dict]) -> Score:
    """Score ``graph`` against gold entries, collecting every error on the way."""
    result = Score()
    by_file = {Path(str(f)).name: art for art in graph.subjects(RDF.type, KG.Article)
               for f in graph.objects(art, KG.sourceFile)}
    for entry in gold:
        name = Path(entry["file"]).name
        art = by_file.get(name)
        if art is None:
            result.missing.append(entry["file"])
        mentioned = set(graph.objects(art, KG.mentions)) if art is not None else set()
        matched_meetings: dict[URIRef, int] = {}
        for key, cls in CLASSES.items():
            nodes = sorted((n for n in mentioned if (n, RDF.type, cls) in graph), key=str)
            preds = [_labels(graph, n) for n in nodes]
            required = [_aliases(x) for x in entry.get(key, [])]
            optional = [_aliases(x) for x in entry.get("optional", {}).get(key, [])]
            hits = match(preds, required)
            rest = [i for i in range(len(preds)) if i not in hits]
            ignored = match([preds[i] for i in rest], optional) if optional else {}
            c = result.counts[key]
            c.tp += len(hits)
            c.fp += len(rest) - len(ignored)
            c.fn += len(required) - len(hits)
            for k, i in enumerate(rest):
                if k not in ignored:
                    result.errors.append(Error(key, "FP", name, (preds[i] or [str(nodes[i])])[0],
                                               _evidence(graph, nodes[i])))
            for j in sorted(set(range(len(required))) - set(hits.values())):
                result.errors.append(Error(key, "FN", name, required[j][0]))
            if key == "meetings":
                matched_meetings = {nodes[i]: j for i, j in hits.items()}
            for i, j in hits.items():
                raw = entry.get(key, [])[j]
                en = raw.get("en") if isinstance(raw, dict) else None
                if en:
                    ok = any(_en_match(x, y) for x in _labels(graph, nodes[i], "en") for y in en)
                    result.english.tp += int(ok)
                    result.english.fn += int(not ok)
        meetings = entry.get("meetings", [])
        for rel, prop in RELATIONS.items():
            c = result.counts[rel]
            c.fn += sum(len(m.get(rel, [])) for m in meetings if isinstance(m, dict))
            for node in sorted(mentioned, key=str):
                if (node, RDF.type, KG.Meeting) not in graph:
                    continue
                targets = sorted(graph.objects(node, prop), key=str)
                j = matched_meetings.get(node)
                want = [_aliases(w) for w in meetings[j].get(rel, [])] if j is not None else []
                hit = match([_labels(graph, t) for t in targets], want)
                c.tp += len(hit)
                c.fn -= len(hit)
                c.fp += len(targets) - len(hit)
                label = (_labels(graph, node) or [""])[0]
                for i, t in enumerate(targets):
                    if i not in hit:
                        result.errors.append(Error(rel, "FP", name, f"{label} → {(_labels(graph, t) or [''])[0]}"))
    return result


def read_gold(path: str | Path) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
