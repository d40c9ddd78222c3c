"""Corrections a person makes to entity identity, kept in a file that every
later ingest honours.

The file is ``curation.yaml`` in the store folder::

    merge:            # mentions of the first entity are the second one
      - {from: musk, into: elon-musk, label: Elon Musk}
    alias:            # this name always means that entity
      - {name: The Billionaire, entity: elon-musk, label: Elon Musk}

Keys are entity keys (the last part of an entity IRI).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError
from .extract.names import name_key

__all__ = ["CURATION_FILE", "Curation"]

CURATION_FILE = "curation.yaml"


@dataclass
class Curation:
    """Merges and aliases, in the order they were made."""

    merges: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)

    # ----------------------------------------------------------------- reading
    @classmethod
    def load(cls, path: str | Path) -> Curation:
        """The curation at ``path``; an empty one if the file does not exist."""
        p = Path(path)
        if not p.exists():
            return cls()
        try:
            data = yaml.safe_load(p.read_text("utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{p}: not a readable curation file ({exc})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: expected 'merge:' and 'alias:' lists")
        merges = data.get("merge") or []
        aliases = data.get("alias") or []
        for row in merges:
            if not isinstance(row, dict) or not row.get("from") or not row.get("into"):
                raise ConfigError(f"{p}: every merge needs 'from' and 'into'")
        for row in aliases:
            if not isinstance(row, dict) or not row.get("name") or not row.get("entity"):
                raise ConfigError(f"{p}: every alias needs 'name' and 'entity'")
        return cls(list(merges), list(aliases))

    def save(self, path: str | Path) -> None:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(".tmp")
        tmp.write_text(yaml.safe_dump({"merge": self.merges, "alias": self.aliases},
                                      sort_keys=False, allow_unicode=True), "utf-8")
        tmp.replace(p)

    def __bool__(self) -> bool:
        return bool(self.merges or self.aliases)

    @property
    def fingerprint(self) -> str:
        """A short hash: articles read under another curation are read again."""
        raw = json.dumps([self.merges, self.aliases], sort_keys=True)
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:8]

    # ---------------------------------------------------------------- applying
    def resolve_key(self, key: str) -> tuple[str, str | None]:
        """The key an entity key is merged into (following chains), and its label."""
        label = None
        seen = set()
        while key not in seen:
            seen.add(key)
            for row in self.merges:
                if row["from"] == key:
                    key, label = row["into"], row.get("label") or label
                    break
            else:
                break
        return key, label

    def alias_target(self, name: str) -> tuple[str, str | None] | None:
        """(entity key, label) that a curated alias names, or None."""
        k = name_key(name)
        for row in reversed(self.aliases):
            if name_key(row["name"]) == k:
                return self.resolve_key(row["entity"])[0], row.get("label")
        return None

    # ---------------------------------------------------------------- changing
    def add_merge(self, source: str, target: str, label: str | None) -> None:
        if self.resolve_key(target)[0] == source:
            raise ConfigError(f"cannot merge {source} into {target}: {target} is merged into "
                              f"{source} already")
        self.merges = [m for m in self.merges if m["from"] != source]
        self.merges.append({"from": source, "into": target, "label": label})

    def add_alias(self, name: str, key: str, label: str | None) -> None:
        self.aliases = [a for a in self.aliases if name_key(a["name"]) != name_key(name)]
        self.aliases.append({"name": name, "entity": key, "label": label})
