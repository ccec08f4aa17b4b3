"""rmrb-kg: knowledge graphs of meetings, organisations, people, places, policies and decisions
from People's Daily (人民日报) articles."""

__version__ = "0.1.0"
