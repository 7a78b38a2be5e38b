"""Regions of Russia in text and in user input.

* `tag_regions(text, source_region=None)`: which of the 89 federal subjects an article names,
  with every piece of evidence and a role (main or mentioned) — `bot.text.regions.tagger`;
* `resolve_region(query)`, `regions_in_query(query)`: what a user typed —
  `bot.text.regions.resolver`;
* `inflect_region(name, case)`: a region's name in a grammatical case for replies —
  `bot.text.regions.inflect`.

Modules: `lexicon` (word lists), `gazetteer` (the catalogue index: names, towns, districts),
`town_forms` (the cases of a town's name the dictionary misses), `tokens`, `filters` (the
rules against traps), `tagger`, `resolver`, `inflect`, `model` (the result types).
Data: `bot.text.catalogue` (the 89 regions) and `bot.text.towns` (every town).
"""

from __future__ import annotations

from bot.text.regions.inflect import CASES, inflect_region
from bot.text.regions.model import Evidence, EvidenceKind, RegionMatch, RegionResolution, Role
from bot.text.regions.resolver import regions_in_query, resolve_region
from bot.text.regions.tagger import tag_regions

__all__ = [
    "CASES",
    "Evidence",
    "EvidenceKind",
    "RegionMatch",
    "RegionResolution",
    "Role",
    "inflect_region",
    "regions_in_query",
    "resolve_region",
    "tag_regions",
]
