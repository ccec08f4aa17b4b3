"""rmrb-kg: knowledge graphs of meetings, organisations, people, places, policies and decisions
from People's Daily (人民日报) articles.

The Python API (kg/api.py)::

    import kg
    from kg import build, query

    g = build("seeds/")
    rows = query(g, "queries/meetings.rq")
    rows = query(g, "queries/organization_timeline.rq", name=kg.label("河北省委"))
    kg.viz(g)
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "build", "label", "query", "viz"]


def __getattr__(name: str) -> object:
    # The API pulls in the whole pipeline: load it on first use, so `kg --version` stays quick.
    if name in {"build", "label", "query", "viz"}:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
