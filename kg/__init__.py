"""rmrb-kg: knowledge graphs of meetings, organisations, people, places, policies and decisions
from People's Daily (人民日报) articles.

The Python API (kg/api.py)::

    import kg
    from kg import build, query

    g = build("seeds/")
    rows = query(g, "queries/meetings.rq")
    kg.viz(g)

``kg.query`` and ``kg.viz`` are also the names of submodules (the SPARQL helpers, the HTML network). They stay
those modules, so ``from kg import viz`` and ``from kg.query import format_result`` mean what they always did, and
calling them calls the API function of the same name in kg/api.py.
"""

from __future__ import annotations

import importlib
import sys
import types

__version__ = "0.1.0"
__all__ = ["__version__", "build", "query", "viz"]

_CALLABLE_SUBMODULES = frozenset({"query", "viz"})


class _CallableModule(types.ModuleType):
    """A submodule that, called, runs the kg.api function of its name."""

    def __call__(self, *args: object, **kwargs: object) -> object:
        from kg import api

        return getattr(api, self.__name__.rpartition(".")[2])(*args, **kwargs)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        # The import system binds each submodule it loads on its parent with setattr: the one moment, whoever
        # imports kg.query or kg.viz first, to make the module callable.
        if name in _CALLABLE_SUBMODULES and type(value) is types.ModuleType:
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


def __getattr__(name: str) -> object:
    if name == "build":
        from kg.api import build

        return build
    if name in _CALLABLE_SUBMODULES:
        return importlib.import_module(f"kg.{name}")  # made callable as it is bound here
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


sys.modules[__name__].__class__ = _Package
