"""Corrections a person makes to entity identity, kept in a file that every
later ingest honours.

The file is ``curation.yaml`` in the store folder::

    merge:            # mentions of the first entity are the second one
      - {from: musk, into: elon-musk, label: Elon Musk}
    alias:            # this name always means that entity
      - {name: The Billionaire, entity: elon-musk, label: Elon Musk}
    rename:           # that entity is called so (and its key follows the new name)
      - {entity: tarn-labs, label: Tarn Laboratories}
    history:          # what each change added and removed, newest last, for undo
      - {change: merge tarn-labs into quillon-systems, section: merge,
         added: [{from: tarn-labs, into: quillon-systems, label: Quillon Systems}],
         removed: []}

Keys are entity keys (the last part of an entity IRI). ``merge`` and
``alias`` are the original format and read as before; ``rename`` and
``history`` are written only once used.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError
from .names import name_key
from .query.listing import list_entities

__all__ = [
    "CURATION_FILE",
    "HISTORY_LIMIT",
    "Curation",
    "entity_key",
    "likely_duplicates",
    "review_entities",
]

CURATION_FILE = "curation.yaml"

#: How many changes ``undo`` can go back.
HISTORY_LIMIT = 50

_SECTIONS = {"merge": "merges", "alias": "aliases", "rename": "renames"}
_REQUIRED = {"merge": ("from", "into"), "alias": ("name", "entity"), "rename": ("entity", "label")}
#: The fields that are names a person reads (the others are entity keys).
_NAMES = frozenset({"name", "label"})
_REPAIR = (
    "fix the file, or run `kg entities undo` or a new `kg entities` correction, "
    "which leave such rows out"
)


def _row_problem(section: str, row) -> str | None:
    """Why a row of ``section`` cannot be used (None when it can); scalars become strings."""
    needs = _REQUIRED[section]
    if not isinstance(row, dict):
        return "is not a mapping"
    for key, value in list(row.items()):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            row[key] = str(value)
    for key in needs:
        value = row.get(key)
        if not isinstance(value, str) or not value.strip():
            return "needs " + " and ".join(f"'{k}'" for k in needs)
        if key in _NAMES and not name_key(value):
            return f"has {key} {value!r}, which is not a name"
    label = row.get("label")
    if label is not None and not isinstance(label, str):
        return "has a 'label' that is not a string"
    return None


def _history_problem(entry) -> str | None:
    if not isinstance(entry, dict) or entry.get("section") not in _SECTIONS:
        return "needs a 'section' (merge, alias or rename)"
    for key in ("added", "removed"):
        rows = entry.get(key) or []
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            return f"has '{key}' that is not a list of rows"
    return None


def _check_name(value: str, what: str) -> str:
    if not isinstance(value, str) or not name_key(value):
        raise ConfigError(f"{value!r} is not a name: {what} needs a letter or a digit")
    return value


def _check_key(value: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{what} needs an entity key, not {value!r}")
    return value


def entity_key(name: str) -> str:
    """The entity key the extractor gives a name (the last part of its IRI).

    >>> entity_key("Tarn Laboratories Inc.")
    'tarn-laboratories'
    """
    return name_key(name).replace(" ", "-")


class _Dumper(yaml.SafeDumper):
    """Plain YAML: a row written twice (a merge and its history) is written out twice."""

    def ignore_aliases(self, data) -> bool:
        return True


@dataclass
class Curation:
    """Merges, aliases and renames, in the order they were made, and their history."""

    merges: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    renames: list[dict] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)
    #: Rows :meth:`load` left out with ``repair`` (what each was and why), not saved.
    dropped: list[str] = field(default_factory=list, compare=False)

    # ----------------------------------------------------------------- reading
    @classmethod
    def load(cls, path: str | Path, *, repair: bool = False) -> Curation:
        """The curation at ``path``; an empty one if the file does not exist.

        A row that cannot be used (a merge without 'into', an alias whose name
        has no letter) raises :class:`ConfigError`; with ``repair`` it is left
        out and described in :attr:`dropped`, so that a correction or an undo
        can go on and save a sound file. A file that is not YAML always raises.
        """
        p = Path(path)
        if not p.exists():
            return cls()
        try:
            data = yaml.safe_load(p.read_text("utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError, ValueError) as exc:
            reason = " ".join(str(exc).split())[:300]
            raise ConfigError(
                f"{p}: not a readable curation file ({reason}); fix it or move it away"
            ) from None
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: expected 'merge:' and 'alias:' lists; fix it or move it away")
        # rows shared through YAML anchors would change together
        data = copy.deepcopy(data)
        rows: dict[str, list] = {}
        dropped: list[str] = []

        def usable(section: str, items, problem) -> list:
            if not isinstance(items, list):
                items = [items]
            kept = []
            for n, row in enumerate(items, start=1):
                why = problem(row)
                if why is None:
                    kept.append(row)
                elif repair:
                    dropped.append(f"{section} {n} ({why})")
                else:
                    every = "history entry" if section == "history" else section
                    raise ConfigError(
                        f"{p}: {section} {n} {why} (every {every} must be whole; {_REPAIR})"
                    )
            return kept

        for section in _REQUIRED:
            rows[section] = usable(
                section, data.get(section) or [], lambda row, s=section: _row_problem(s, row)
            )
        history = usable("history", data.get("history") or [], _history_problem)
        return cls(rows["merge"], rows["alias"], rows["rename"], history, dropped)

    def save(self, path: str | Path) -> None:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        data: dict = {"merge": self.merges, "alias": self.aliases}
        if self.renames:
            data["rename"] = self.renames
        if self.history:
            data["history"] = self.history[-HISTORY_LIMIT:]
        tmp = p.with_suffix(".tmp")
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
        tmp.write_text(text, "utf-8")
        tmp.replace(p)

    def __bool__(self) -> bool:
        return bool(self.merges or self.aliases or self.renames)

    @property
    def fingerprint(self) -> str:
        """A short hash: articles read under another curation are read again."""
        state = [self.merges, self.aliases] + ([self.renames] if self.renames else [])
        raw = json.dumps(state, sort_keys=True)
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:8]

    # ---------------------------------------------------------------- applying
    def _renamed(self, key: str) -> dict | None:
        return next((r for r in reversed(self.renames) if r["entity"] == key), None)

    def resolve_key(self, key: str) -> tuple[str, str | None]:
        """The key an entity key is merged or renamed into (following chains), and its
        label."""
        label = None
        seen = set()
        while key not in seen:
            seen.add(key)
            row = next((m for m in self.merges if m["from"] == key), None)
            if row is not None:
                key, label = row["into"], row.get("label") or label
                continue
            renamed = self._renamed(key)
            if renamed is None:
                break
            key, label = entity_key(renamed["label"]) or key, renamed["label"]
        return key, label

    def alias_target(self, name: str) -> tuple[str, str | None] | None:
        """(entity key, label) that a curated alias names, or None.

        A rename that keeps the key ("Acme" to "ACME Corp.") is applied here
        too, to the names that make that key: the extractor takes a label from
        a merge only when the key changes.
        """
        k = name_key(name)
        for row in reversed(self.aliases):
            if name_key(row["name"]) == k:
                key, label = self.resolve_key(row["entity"])
                return key, label or row.get("label")
        key = k.replace(" ", "-")
        renamed = self._renamed(key)
        if (
            renamed is not None
            and entity_key(renamed["label"]) == key
            and not any(m["from"] == key for m in self.merges)
        ):
            return key, renamed["label"]
        return None

    def merged_into(self, key: str) -> list[dict]:
        """The merges whose entity ends up as ``key``."""
        return [m for m in self.merges if self.resolve_key(m["from"])[0] == key]

    # ---------------------------------------------------------------- changing
    def _change(self, section: str, what: str, change) -> dict:
        """Apply ``change`` to a section's rows and record it for :meth:`undo`."""
        rows = getattr(self, _SECTIONS[section])
        before = copy.deepcopy(rows)
        change(rows)
        added = copy.deepcopy([r for r in rows if r not in before])
        removed = [r for r in before if r not in rows]
        entry = {"change": what, "section": section, "added": added, "removed": removed}
        self.history.append(entry)
        self.history[:] = self.history[-HISTORY_LIMIT:]
        return entry

    def add_merge(self, source: str, target: str, label: str | None) -> None:
        _check_key(source, "a merge")
        _check_key(target, "a merge")
        if self.resolve_key(target)[0] == source:
            raise ConfigError(
                f"cannot merge {source} into {target}: {target} is merged into {source} already"
            )

        def change(rows):
            rows[:] = [m for m in rows if m["from"] != source]
            rows.append({"from": source, "into": target, "label": label})

        self._change("merge", f"merge {source} into {target}", change)

    def add_alias(self, name: str, key: str, label: str | None) -> None:
        """Make ``name`` always mean entity ``key``; a name without a letter or a digit
        ("" or "  ") is refused before anything changes."""
        _check_name(name, "an alias")
        _check_key(key, "an alias")

        def change(rows):
            rows[:] = [a for a in rows if name_key(a["name"]) != name_key(name)]
            rows.append({"name": name, "entity": key, "label": label})

        self._change("alias", f"alias {name!r} for {key}", change)

    def add_rename(self, key: str, label: str) -> str:
        """Call entity ``key`` ``label`` from now on; returns its key under the new name."""
        _check_key(key, "a rename")
        new_key = entity_key(label) if isinstance(label, str) else ""
        if not new_key:
            raise ConfigError(f"{label!r} is not a name: a rename needs a letter or a digit")

        def change(rows):
            # earlier renames into this key now go straight to the new name
            for r in rows:
                if r["entity"] != key and entity_key(r["label"]) == key:
                    r["label"] = label
            rows[:] = [r for r in rows if r["entity"] != key]
            rows.append({"entity": key, "label": label})

        self._change("rename", f"rename {key} to {label!r}", change)
        return new_key

    def remove_merge(self, source: str) -> list[dict]:
        """Split ``source`` out of the entity it was merged into; returns the rows removed."""
        removed = [m for m in self.merges if m["from"] == source]
        if not removed:
            raise ConfigError(f"{source} is not merged into anything")

        def change(rows):
            rows[:] = [m for m in rows if m["from"] != source]

        self._change("merge", f"split {source} out of {removed[0]['into']}", change)
        return removed

    def undo(self) -> dict:
        """Take back the last change (its history entry is returned)."""
        if not self.history:
            raise ConfigError("no curation change to undo")
        entry = self.history.pop()
        rows = getattr(self, _SECTIONS[entry["section"]])
        for row in entry.get("added") or []:
            if row in rows:
                rows.remove(row)
        for row in entry.get("removed") or []:
            if row not in rows:
                rows.append(row)
        return entry


# ------------------------------------------------------------------- review
_SIMILAR = 0.85  # difflib ratio from which two names look like one
_BLOCK_LIMIT = 200  # a word shared by more entities than this says nothing


def likely_duplicates(
    entities: list[dict], same_as: dict[str, set[str]] | None = None
) -> list[dict]:
    """Pairs of entities (dicts of :func:`~kg.query.listing.list_entities`) that may be one,
    most likely first: the same Wikidata id (``same_as``: IRI -> ids), a name in
    common, names that are nearly the same, or one name within the other.

    Each pair: ``merge`` (the entity to merge, the one with fewer articles or the
    shorter name) and ``into``, ``reasons``, ``score`` and the ``command`` that merges.
    """
    same_as = same_as or {}
    names = {e["iri"]: {name_key(n) for n in [e["label"], *e["aliases"]]} - {""} for e in entities}
    blocks: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entities):
        for n in names[e["iri"]]:
            blocks["name:" + n].add(i)
            for word in n.split():
                blocks["word:" + word[:4]].add(i)
        for wd in same_as.get(e["iri"], ()):
            blocks["wd:" + wd].add(i)
    labels = Counter(name_key(e["label"]) for e in entities)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= _BLOCK_LIMIT:
            ms = sorted(members)
            pairs.update((a, b) for i, a in enumerate(ms) for b in ms[i + 1 :])
    out = []
    for i, j in sorted(pairs):
        a, b = entities[i], entities[j]
        reasons, score = [], 0.0
        shared_wd = same_as.get(a["iri"], set()) & same_as.get(b["iri"], set())
        if shared_wd:
            reasons.append("same Wikidata id " + ", ".join(sorted(shared_wd)))
            score = max(score, 1.0)
        compatible = a["type"] == b["type"] or "Other" in (a["type"], b["type"])
        shared = names[a["iri"]] & names[b["iri"]]
        if shared and compatible:
            reasons.append("both called " + ", ".join(repr(n) for n in sorted(shared)))
            score = max(score, 0.9)
        ka, kb = name_key(a["label"]), name_key(b["label"])
        ratio = difflib.SequenceMatcher(None, ka, kb).ratio()
        if compatible and ratio >= _SIMILAR and ka != kb:
            reasons.append(f"similar names ({ratio:.2f})")
            score = max(score, round(0.6 + 0.3 * ratio, 2))
        wa, wb = ka.split(), kb.split()
        short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        if (
            a["type"] == b["type"]
            and short
            and len(short) < len(long_)
            and short in (long_[: len(short)], long_[-len(short) :])
        ):
            reasons.append(f"{' '.join(short)!r} is part of {' '.join(long_)!r}")
            score = max(score, 0.6)
        if not reasons:
            continue
        merge, into = sorted((a, b), key=lambda e: (len(e["articles"]), len(e["label"])))
        out.append(
            {
                "merge": {"iri": merge["iri"], "label": merge["label"], "type": merge["type"]},
                "into": {"iri": into["iri"], "label": into["label"], "type": into["type"]},
                "reasons": reasons,
                "score": score,
                "command": f"kg entities merge {_quote(_name(merge, labels))} "
                f"{_quote(_name(into, labels))}",
            }
        )
    out.sort(key=lambda p: (-p["score"], p["into"]["label"].lower(), p["merge"]["label"].lower()))
    return out


def _name(entity: dict, labels) -> str:
    """What to type for an entity: its label, or its key when another has that label."""
    if labels[name_key(entity["label"])] == 1:
        return entity["label"]
    return entity["iri"].rsplit("/", 1)[-1]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '\\"') + '"'


def review_entities(store) -> list[dict]:
    """The likely duplicates among the store's entities (see :func:`likely_duplicates`)."""
    same_as: dict[str, set[str]] = {}
    for r in store.select("SELECT DISTINCT ?e ?wd WHERE { GRAPH ?g { ?e owl:sameAs ?wd } }"):
        same_as.setdefault(r["e"], set()).add(r["wd"].rsplit("/", 1)[-1])
    return likely_duplicates(list_entities(store), same_as)
