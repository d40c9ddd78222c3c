"""Checks on a SPARQL text before any parser sees it: its size, its depth, and what it fetches.

Oxigraph's parser and evaluator recurse once per level of nesting and once per
operator in a chain, and a deep enough query overflows the stack and kills
the process (a FILTER of 20,000 ``||``, 5,000 nested parentheses). A query
may also make the process fetch URLs of its choosing: ``SERVICE`` in a query,
``LOAD`` in an update. :func:`check_sparql` reads the text with a small lexer
(strings, IRIs and comments are skipped whole) and raises
:class:`~kg.errors.QueryError` when a limit is passed or a URL is not allowed.

>>> check_sparql("SELECT * WHERE { ?s ?p ?o FILTER(?o = 1 || ?o = 2) }")
frozenset()
>>> check_sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
... # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.QueryError: SERVICE <http://example.org/sparql> is refused: kg fetches no URL ...
>>> check_sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
...              allow_service=["http://example.org/"])
frozenset({'SERVICE'})
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from rdflib.namespace import DefinedNamespace

from .. import vocab
from ..errors import QueryError
from ..vocab import PREFIXES

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_UPDATE_CHARS",
    "MAX_NESTING",
    "MAX_OPERATORS",
    "MAX_PATTERNS",
    "check_sparql",
    "check_terms",
    "allowed",
]

#: The longest query, in characters (a long VALUES list is fine; a novel is not).
MAX_QUERY_CHARS = 4_000_000
#: The longest update, in characters (as much as ``kg serve`` takes in a request).
MAX_UPDATE_CHARS = 64 * 1024 * 1024
#: How deep brackets ( [ { may nest (the parser overflows its stack near 1,000).
MAX_NESTING = 128
#: Operators in one text: || && ! + - * / | ^ = < > UNION MINUS OPTIONAL (near 3,000 crash).
MAX_OPERATORS = 1000
#: Triple-pattern separators . ; , inside groups, outside INSERT/DELETE DATA (near 10,000).
MAX_PATTERNS = 5000

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][^\W]\w*)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>(?:[^\W\d]|[_:@])(?:[\w:%\\\-]|\.(?=[\w:%\\\-]))*)
  | (?P<op>\|\||&&|!=|<=|>=|\^\^|[!|/^+\-*=<>])
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<sep>[.;,])
  | (?P<other>.)
""",
    re.VERBOSE | re.DOTALL,
)
#: Inside INSERT DATA / DELETE DATA only braces matter (strings, IRIs, comments skipped).
_DATA = re.compile(
    r"""
    (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20\#]*\#[^<>"{}|^`\\\x00-\x20]*>)  # only one with a "#"
  | (?P<space>\#[^\n]*)
  | (?P<open>\{)
  | (?P<close>\})
""",
    re.VERBOSE | re.DOTALL,
)
_CHAIN_WORDS = frozenset({"UNION", "MINUS", "OPTIONAL"})
_URL_WORDS = frozenset({"SERVICE", "LOAD", "PREFIX", "SILENT"})


def allowed(url: str, prefixes: Iterable[str]) -> bool:
    """True when ``url`` starts with one of the allowed ``prefixes``."""
    return any(url.startswith(prefix) for prefix in prefixes if prefix)


def _target(tokens: list[tuple[str, str]], i: int, declared: dict[str, str]) -> str | None:
    """The absolute IRI that token ``i`` names (an IRI or a prefixed name), else None."""
    if i >= len(tokens):
        return None
    kind, text = tokens[i]
    if kind == "iri":
        iri = text[1:-1]
        return iri if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", iri) else None
    if kind == "word" and ":" in text:
        prefix, _, local = text.partition(":")
        ns = declared.get(prefix)
        return ns + local if ns is not None else None
    return None


def _fetches(
    tokens: list[tuple[str, str]], keyword: str, prefixes: Sequence[str], option: str, what: str
) -> bool:
    """Check every ``keyword`` (SERVICE, LOAD) against ``prefixes``; True if there is one."""
    declared = dict(PREFIXES)
    found = False
    for i, (kind, text) in enumerate(tokens):
        if kind != "word":
            continue
        upper = text.upper()
        if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
            declared[tokens[i + 1][1].rstrip(":")] = tokens[i + 2][1][1:-1]
        if upper != keyword:
            continue
        found = True
        j = i + 1
        if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "SILENT":
            j += 1
        target = _target(tokens, j, declared)
        shown = tokens[j][1] if j < len(tokens) else "(nothing)"
        if not prefixes:
            raise QueryError(
                f"{keyword} {shown} is refused: kg fetches no URL for {what} "
                f"unless allowed ({option} URL-PREFIX)"
            )
        if target is None:
            raise QueryError(
                f"{keyword} {shown} is refused: name the URL in full "
                f"(<http://...>); only URLs allowed with {option} are fetched"
            )
        if not allowed(target, prefixes):
            raise QueryError(
                f"{keyword} <{target}> is refused: not under a URL allowed with "
                f"{option} ({', '.join(prefixes)})"
            )
    return found


def _skip_data(text: str, pos: int) -> int:
    """The end of the INSERT DATA / DELETE DATA block whose "{" ends at ``pos``."""
    depth = 1
    for match in _DATA.finditer(text, pos):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


def check_sparql(
    text: str,
    *,
    update: bool = False,
    allow_service: Sequence[str] = (),
    allow_load: Sequence[str] = (),
) -> frozenset[str]:
    """Refuse a query (or, with ``update``, an update) that is too long, nests too deep,
    chains too many operators, or fetches a URL that is not allowed.

    ``SERVICE`` (federation) is allowed only to an absolute IRI that starts with
    one of ``allow_service``; ``LOAD`` only from one under ``allow_load``. Raises
    :class:`~kg.errors.QueryError` with a one-line reason; else returns the keywords
    by which the text fetches URLs (``SERVICE``, ``LOAD``), if any.
    """
    what = "update" if update else "query"
    longest = MAX_UPDATE_CHARS if update else MAX_QUERY_CHARS
    if len(text) > longest:
        raise QueryError(f"the {what} is {len(text):,} characters long; kg takes up to {longest:,}")
    kept: list[tuple[str, str]] = []  # the keywords that name URLs, and the tokens after them
    keep = 0
    operators = patterns = 0
    innermost: list[str] = []
    previous = ""
    pos = 0
    while pos < len(text):
        resume = None
        for match in _TOKEN.finditer(text, pos):
            kind = match.lastgroup
            if kind == "space":
                continue
            token = match.group()
            word = token.upper() if kind == "word" else ""
            if word in _URL_WORDS:
                kept.append((kind, token))
                keep = 2
            elif keep:
                kept.append((kind, token))
                keep -= 1
            if kind == "open":
                if token == "{" and previous == "DATA":  # data: no operators, no patterns
                    resume = _skip_data(text, match.end())
                    previous = ""
                    break
                innermost.append(token)
                if len(innermost) > MAX_NESTING:
                    raise QueryError(
                        f"the {what} nests brackets more than {MAX_NESTING} "
                        "deep; kg refuses it before parsing (write it flatter)"
                    )
            elif kind == "close":
                if innermost:
                    innermost.pop()
            elif (kind == "op" and token != "^^") or word in _CHAIN_WORDS:
                operators += 1
                if operators > MAX_OPERATORS:
                    raise QueryError(
                        f"the {what} has more than {MAX_OPERATORS:,} operators "
                        "(||, &&, UNION, MINUS, OPTIONAL, /, |...); kg refuses it "
                        "before parsing (use VALUES or IN for long lists of "
                        "alternatives)"
                    )
            elif kind == "sep" and innermost and innermost[-1] in "{[":
                patterns += 1
                if patterns > MAX_PATTERNS:
                    raise QueryError(
                        f"the {what} has more than {MAX_PATTERNS:,} triple "
                        "patterns; kg refuses it before parsing"
                    )
            previous = word
        if resume is None:
            break
        pos = resume
    fetches = set()
    if _fetches(kept, "SERVICE", allow_service, "--allow-service", "a query"):
        fetches.add("SERVICE")
    if update and _fetches(kept, "LOAD", allow_load, "--allow-load", "an update"):
        fetches.add("LOAD")
    return frozenset(fetches)


def _closed_terms() -> dict[str, frozenset[str]]:
    """Namespace -> its terms, for the closed vocabularies among kg's prefixes."""
    out = {}
    for name in dir(vocab):
        ns = getattr(vocab, name)
        if isinstance(ns, type) and issubclass(ns, DefinedNamespace) and ns is not DefinedNamespace:
            terms = set()
            for klass in ns.__mro__:
                terms |= set(getattr(klass, "__annotations__", {}))
            terms |= set(getattr(ns, "_extras", []))
            out[str(ns._NS)] = frozenset(t for t in terms if not t.startswith("_"))
    return out


def _suggest(local: str, terms: frozenset[str]) -> str | None:
    same = [t for t in terms if t.lower() == local.lower()]
    if same:
        return same[0]
    close = difflib.get_close_matches(local, sorted(terms), n=1, cutoff=0.75)
    return close[0] if close else None


def check_terms(text: str) -> list[str]:
    """Check the prefixed names of a query: raise :class:`~kg.errors.QueryError` naming a
    prefix that is neither kg's nor declared in the query, and return a warning for each
    term that a closed vocabulary of kg's (nkg:, oa:, rdf:, rdfs:, owl:, skos:, prov:,
    schema:, xsd:) does not have, with the term it most likely means.

    >>> check_terms("SELECT * WHERE { ?a nkg:partnerof ?b }")
    ['nkg:partnerof is not a term of the vocabulary; did you mean nkg:partnerOf?']
    >>> check_terms("SELECT * WHERE { ?a foo:bar ?b }")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: unknown prefix foo: (in foo:bar); ...
    """
    declared = dict(PREFIXES)
    tokens = [
        (m.lastgroup, m.group()) for m in _TOKEN.finditer(text) if m.lastgroup not in ("space",)
    ]
    skip = set()
    for i, (kind, token) in enumerate(tokens):
        if kind == "word" and token.upper() == "PREFIX" and i + 1 < len(tokens):
            name = tokens[i + 1][1]
            skip.add(i + 1)
            if i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
                declared[name.rstrip(":")] = tokens[i + 2][1][1:-1]
    closed = _closed_terms()
    warnings, seen = [], set()
    for i, (kind, token) in enumerate(tokens):
        if kind != "word" or ":" not in token or i in skip or token in seen:
            continue
        seen.add(token)
        prefix, _, local = token.partition(":")
        if prefix == "_" or prefix.upper() in ("BASE", "PREFIX"):
            continue
        if prefix not in declared:
            known = ", ".join(f"{p}:" for p in PREFIXES)
            raise QueryError(
                f"unknown prefix {prefix}: (in {token}); kg declares {known} "
                f"- or declare it: PREFIX {prefix}: <...>"
            )
        terms = closed.get(declared[prefix])
        if terms is None or not local or local in terms or "\\" in local or "%" in local:
            continue
        better = _suggest(local, terms)
        hint = f"; did you mean {prefix}:{better}?" if better else ""
        warnings.append(f"{token} is not a term of the vocabulary{hint}")
    return warnings
