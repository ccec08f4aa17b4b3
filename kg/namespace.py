"""The project's vocabularies as rdflib DefinedNamespaces: a mistyped term raises instead of minting an IRI."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/rmrb-kg/ontology"
RESOURCE_IRI = "https://w3id.org/rmrb-kg/resource/"


class KG(DefinedNamespace):
    """Classes and properties of ``ontology/kg.ttl`` (fixed by the ontology contract)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Classes
    Article: URIRef
    Meeting: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Policy: URIRef
    Decision: URIRef

    # Article properties
    sourceFile: URIRef
    articleIndex: URIRef
    title: URIRef
    subtitle: URIRef
    author: URIRef
    column: URIRef
    publishedOn: URIRef
    page: URIRef
    datelineAgency: URIRef
    datelinePlace: URIRef
    datelineDate: URIRef
    mentions: URIRef

    # Facts
    convenedBy: URIRef
    heldIn: URIRef
    startDate: URIRef
    endDate: URIRef
    decided: URIRef
    concerns: URIRef
    subOrganizationOf: URIRef
    participant: URIRef
    evidence: URIRef
    labelSource: URIRef


# DefinedNamespace checks a term against the class's annotations each time it is named (about 2 µs), and a build
# names these terms millions of times: each declared term becomes a plain attribute. A term not declared still
# goes through the check, and fails.
for _term in KG.__annotations__:
    setattr(KG, _term, KG._NS[_term])
del _term

KGR = Namespace(RESOURCE_IRI)
