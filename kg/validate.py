"""SHACL validation of a built graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import RDF, SH


@dataclass
class Validation:
    """The outcome of a SHACL run: violations fail a graph, warnings are reported only."""

    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


@cache
def shapes() -> Graph:
    graph = Graph()
    graph.parse(data=resources.files("kg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"),
                format="turtle")
    return graph


def ontology() -> Graph:
    graph = Graph()
    graph.parse(data=resources.files("kg.ontology").joinpath("kg.ttl").read_text(encoding="utf-8"),
                format="turtle")
    return graph


def validate(graph: Graph) -> Validation:
    """Validate ``graph``; each result is one line: severity, focus node, path, message."""
    _conforms, results, _text = shacl_validate(graph, shacl_graph=shapes(), inference="none",
                                               allow_warnings=True, advanced=True)
    out = Validation()
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        lines.append((severity, f"{focus} {path}: {message}"))
    for severity, line in sorted(lines):
        (out.violations if severity == SH.Violation else out.warnings).append(line)
    return out
