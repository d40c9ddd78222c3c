"""The relation patterns, as tables: which words signal which predicate and
where its two arguments sit in the dependency parse.

Three kinds of trigger:

- **event verbs** ("X acquired Y", "Y was sued by X", "X, which develops Y"):
  the agent is the verb's subject (or its "by" phrase in the passive), the
  patient its object or the object of one of the listed prepositions;
- **event nouns** ("a partnership with Y", "X's lawsuit against Y",
  "the acquisition of Y by X"): the agent is the possessor, the "by" phrase or
  the subject of the verb that governs the noun; the patient the object of a
  listed preposition;
- **role nouns** ("Sam Altman, OpenAI's chief executive", "the ChatGPT maker",
  "Starlink, the satellite arm of SpaceX"): the *referent* is who holds the
  role (by apposition, copula or a name the noun qualifies), the *related*
  entity the possessor, the "of"/"at" object or a name compounded with it.

``reverse`` swaps subject and object (the trigger's agent is the claim's
object: "X owns Y" gives Y subsidiaryOf X).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Trigger", "VERBS", "NOUNS", "ROLES", "HYPHEN_VERBS", "EXEC_TITLE_WORDS", "DOMAINS",
           "PAST_ROLE_WORDS", "ENDING_VERBS", "INTO_VERBS", "SALE_WORDS", "JOINT_WORDS"]


@dataclass(frozen=True)
class Trigger:
    predicate: str
    preps: frozenset[str] = frozenset()  # prepositions introducing the patient
    direct: bool = True  # the direct object is the patient
    reverse: bool = False
    object_types: tuple[str, ...] = ()  # allowed types of the claim's object, if restricted
    subject_types: tuple[str, ...] = ()
    particle: str | None = None  # a required particle ("team up", "take over")
    object_word: tuple[str, ...] | str | None = None  # a required direct object ("join forces")
    ends: bool = False  # the trigger says the relation ended ("stepped down as")
    owner_object: bool = False  # the possessor of the direct object is the patient
    money_object: bool = False  # only with a sum as direct object ("put $2bn into")
    needs_prep: str | None = None  # only when the verb has this preposition
    bars_prep: str | None = None  # never when the verb has this preposition
    confidence: float = 0.8


def _t(predicate, preps=(), **kw) -> Trigger:
    return Trigger(predicate, frozenset(preps), **kw)


ORGPER = ("Organization", "Person")
ORG = ("Organization",)
PRODUCT = ("Product",)

#: lemma -> trigger, for verbs.
VERBS: dict[str, list[Trigger]] = {
    "acquire": [_t("acquires", object_types=ORG)],
    "buy": [_t("acquires", object_types=ORG)],
    "purchase": [_t("acquires", object_types=ORG)],
    "take": [_t("acquires", particle="over", object_types=ORG)],
    "absorb": [_t("acquires", object_types=ORG)],
    "sue": [_t("sues", confidence=0.9)],
    "countersue": [_t("sues", confidence=0.9)],
    "merge": [_t("mergesWith", ("with",), direct=False, object_types=ORG, subject_types=ORG)],
    "combine": [_t("mergesWith", ("with",), direct=False, object_types=ORG, subject_types=ORG)],
    "invest": [_t("investsIn", ("in",), direct=False)],
    "back": [_t("investsIn", object_types=ORG)],
    "fund": [_t("investsIn", object_types=ORG)],
    "commit": [_t("investsIn", ("to",), direct=False, object_types=ORG, confidence=0.6)],
    "finance": [_t("investsIn", object_types=ORG)],
    # "Beta raised $50 million from Acme and Gamma": the lenders invest in Beta
    "raise": [_t("investsIn", ("from",), direct=False, reverse=True, object_types=ORGPER,
                 subject_types=ORGPER, money_object=True)],
    # "Acme will pay $3bn for Beta": a price paid for a company
    "pay": [_t("acquires", ("for",), direct=False, object_types=ORG, money_object=True)],
    # "put $2 billion into xAI", "poured $500m into Beta"
    **{w: [_t("investsIn", ("into", "in"), direct=False, object_types=ORG, money_object=True)]
       for w in ("put", "pour", "inject", "plough", "plow", "sink", "pump")},
    "found": [_t("founderOf", object_types=ORG, confidence=0.85)],
    "co-found": [_t("founderOf", object_types=ORG, confidence=0.85)],
    "cofound": [_t("founderOf", object_types=ORG, confidence=0.85)],
    "co-founded": [_t("founderOf", object_types=ORG, confidence=0.85)],
    "establish": [_t("founderOf", object_types=ORG, subject_types=("Person",))],
    "start": [_t("founderOf", object_types=ORG, subject_types=("Person",), confidence=0.7)],
    "set": [_t("founderOf", particle="up", object_types=ORG, subject_types=("Person",))],
    "lead": [_t("executiveOf", object_types=ORG, subject_types=("Person",), bars_prep="in")],
    "head": [_t("executiveOf", object_types=ORG, subject_types=("Person",))],
    "run": [_t("executiveOf", object_types=ORG, subject_types=("Person",))],
    "chair": [_t("executiveOf", object_types=ORG, subject_types=("Person",))],
    "resign": [_t("executiveOf", ("as", "from"), direct=False, subject_types=("Person",),
                  object_types=ORG, ends=True)],
    "step": [_t("executiveOf", ("as", "from"), direct=False, particle="down",
                subject_types=("Person",), object_types=ORG, ends=True)],
    "own": [_t("subsidiaryOf", reverse=True, object_types=ORG, subject_types=ORG),
            # "owns 40% of Beta"
            _t("investsIn", ("of", "in"), direct=False, object_types=ORG,
               object_word=("%", "percent", "stake", "share", "shares", "quarter", "third",
                            "half", "majority", "minority"))],
    "hold": [_t("investsIn", ("of", "in"), direct=False, object_types=ORG,
                object_word=("%", "percent", "share", "shares", "quarter", "third", "half",
                             "majority", "minority"))],
    "develop": [_t("develops", object_types=PRODUCT)],
    "make": [_t("develops", object_types=PRODUCT)],
    "build": [_t("develops", object_types=PRODUCT, bars_prep="into")],
    "create": [_t("develops", object_types=PRODUCT)],
    "design": [_t("develops", object_types=PRODUCT)],
    "launch": [_t("develops", object_types=PRODUCT, confidence=0.7),
               _t("founderOf", object_types=ORG, subject_types=("Person",), confidence=0.7)],
    "release": [_t("develops", object_types=PRODUCT, confidence=0.7)],
    "unveil": [_t("develops", object_types=PRODUCT, confidence=0.7)],
    "partner": [_t("partnerOf", ("with",), direct=False, confidence=0.85)],
    "team": [_t("partnerOf", ("with",), direct=False, particle="up")],
    "join": [_t("partnerOf", ("with",), direct=False, object_word=("force",))],
    "collaborate": [_t("partnerOf", ("with",), direct=False)],
    "cooperate": [_t("partnerOf", ("with",), direct=False)],
    "co-operate": [_t("partnerOf", ("with",), direct=False)],
    "ally": [_t("partnerOf", ("with",), direct=False)],
    "supply": [_t("contractWith", ("to",))],
    "provide": [_t("contractWith", ("to",), direct=False, object_types=ORGPER)],
    # "HSBC hired Corvale to build its platform": a firm hired is a supplier
    **{w: [_t("contractWith", reverse=True, object_types=ORG, subject_types=ORG)]
       for w in ("hire", "retain", "enlist", "tap")},
    "award": [_t("contractWith", reverse=True, object_types=ORGPER, subject_types=ORGPER),
              # "the contract was awarded to Acme by the Navy"
              _t("contractWith", ("to",), direct=False, reverse=True, object_types=ORGPER,
                 subject_types=ORGPER)],
    "license": [_t("contractWith", ("to",), direct=False),
                _t("contractWith", ("from",), direct=False, reverse=True),
                # "Google licensed Acme's technology": Acme supplies Google
                _t("contractWith", direct=False, reverse=True, owner_object=True)],
    "licence": [_t("contractWith", ("to",), direct=False),
                _t("contractWith", ("from",), direct=False, reverse=True),
                _t("contractWith", direct=False, reverse=True, owner_object=True)],
    "grant": [_t("contractWith", object_word=("licence", "license"))],
    "compete": [_t("rivalOf", ("with", "against"), direct=False)],
    "rival": [_t("rivalOf")],
    "host": [_t("offers", object_types=PRODUCT, subject_types=ORG)],
    "offer": [_t("offers", object_types=PRODUCT, subject_types=ORG, confidence=0.7)],
    "integrate": [_t("offers", object_types=PRODUCT, subject_types=ORG)],
    "distribute": [_t("offers", object_types=PRODUCT, subject_types=ORG)],
    "sell": [_t("offers", object_types=PRODUCT, subject_types=ORG, confidence=0.6)],
    "add": [_t("offers", object_types=PRODUCT, subject_types=ORG, confidence=0.6)],
}

#: lemma -> trigger, for event nouns.
NOUNS: dict[str, list[Trigger]] = {
    "partnership": [_t("partnerOf", ("with", "between"))],
    "collaboration": [_t("partnerOf", ("with", "between"))],
    "alliance": [_t("partnerOf", ("with", "between"))],
    "tie-up": [_t("partnerOf", ("with", "between"))],
    "venture": [_t("partnerOf", ("with", "between"), confidence=0.6)],
    "effort": [_t("partnerOf", ("between",), confidence=0.6)],
    "deal": [_t("partnerOf", ("with", "between"), confidence=0.5)],
    "agreement": [_t("partnerOf", ("with", "between"), confidence=0.5)],
    "lawsuit": [_t("sues", ("against",))],
    "suit": [_t("sues", ("against",))],
    "case": [_t("sues", ("against",), confidence=0.6)],
    "action": [_t("sues", ("against",), confidence=0.6)],
    "fight": [_t("sues", ("with", "against"), confidence=0.6)],
    "damage": [_t("sues", ("from",), confidence=0.7)],
    "acquisition": [_t("acquires", ("of",), object_types=ORG)],
    "takeover": [_t("acquires", ("of",), object_types=ORG)],
    "purchase": [_t("acquires", ("of",), object_types=ORG)],
    "buyout": [_t("acquires", ("of",), object_types=ORG)],
    "merger": [_t("mergesWith", ("with", "between", "of"), object_types=ORG)],
    "investment": [_t("investsIn", ("in",))],
    "stake": [_t("investsIn", ("in",))],
    "round": [_t("investsIn", ("in",), confidence=0.6)],
    "contract": [_t("contractWith", ("with", "from"))],
    # "kept the licence to Arm's technology": Arm supplies the licence holder
    **{w: [_t("contractWith", ("to", "for", "from"), reverse=True, owner_object=True)]
       for w in ("licence", "license")},
    "support": [_t("offers", ("for",), object_types=PRODUCT, subject_types=ORG, confidence=0.7)],
    "rivalry": [_t("rivalOf", ("with", "between"))],
    "competition": [_t("rivalOf", ("with", "between"), confidence=0.6)],
}

#: lemma -> trigger, for role nouns: the referent holds the role toward the related entity.
ROLES: dict[str, list[Trigger]] = {
    **{w: [_t("executiveOf", ("of", "at"), subject_types=("Person",), object_types=ORG)]
       for w in ("ceo", "executive", "officer", "president", "chairman", "chairwoman",
                 "chair", "head", "boss", "cfo", "coo", "cto", "leader", "director", "chief")},
    **{w: [_t("founderOf", ("of",), object_types=ORG)]
       for w in ("founder", "co-founder", "cofounder")},
    **{w: [_t("develops", ("of",), object_types=PRODUCT)]
       for w in ("maker", "developer", "creator", "manufacturer", "owner_of_product")},
    **{w: [_t("subsidiaryOf", ("of",), object_types=ORG, subject_types=ORG)]
       for w in ("arm", "unit", "division", "subsidiary", "affiliate")},
    **{w: [_t("subsidiaryOf", ("of",), reverse=True, object_types=ORG, subject_types=ORG)]
       for w in ("parent", "owner")},
    **{w: [_t("investsIn", ("in", "of"))] for w in ("investor", "backer", "shareholder")},
    **{w: [_t("rivalOf", ("to", "of"))] for w in ("rival", "competitor")},
    "partner": [_t("partnerOf", ("of", "to"))],
    # "Beta, now part of Acme"
    "part": [_t("subsidiaryOf", ("of",), object_types=ORG, subject_types=ORG)],
    "supplier": [_t("contractWith", ("to", "for"))],
    # "Zoom, an Oracle customer", "won Zoom as a cloud customer": the supplier holds the
    # contract with its customer
    **{w: [_t("contractWith", ("of",), reverse=True, object_types=ORG)]
       for w in ("customer", "client")},
    "contractor": [_t("contractWith", ("to", "for"))],
}

_PARTY = ("Organization", "Person")

#: What each predicate relates (GUIDELINES.md): allowed types of subject and object.
DOMAINS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "partnerOf": (_PARTY, _PARTY),
    "sues": (_PARTY, _PARTY),
    "acquires": (_PARTY, ("Organization",)),
    "mergesWith": (("Organization",), ("Organization",)),
    "investsIn": (_PARTY, ("Organization",)),
    "founderOf": (_PARTY, ("Organization",)),
    "executiveOf": (("Person",), ("Organization",)),
    "subsidiaryOf": (("Organization",), ("Organization",)),
    "develops": (_PARTY, ("Product",)),
    "contractWith": (_PARTY, _PARTY),
    "offers": (("Organization",), ("Product",)),
    "rivalOf": (_PARTY, _PARTY),
}

#: "Musk-founded", "SpaceX-owned": the name before the hyphen -> predicate, reverse.
HYPHEN_VERBS: dict[str, tuple[str, bool]] = {
    "founded": ("founderOf", False),
    "co-founded": ("founderOf", False),
    "led": ("executiveOf", False),
    "run": ("executiveOf", False),
    "owned": ("subsidiaryOf", True),
    "backed": ("investsIn", False),
    "funded": ("investsIn", False),
    "made": ("develops", False),
    "built": ("develops", False),
}

#: Words that sell a company: "sold Beta to Gamma", "Beta's sale to Gamma" (the buyer is
#: the object of "to"; what is sold the object, else the possessor).
SALE_WORDS = frozenset({"sell", "sale", "divest", "divestiture", "offload"})

#: Adverbs that make a coordinated subject partners: "Acme and Beta will jointly develop".
JOINT_WORDS = frozenset({"jointly", "together"})

#: Verbs that put a product into another's: "built Grok into its cars" (the
#: builder offers it), "Grok is built into X" (X offers it).
INTO_VERBS = frozenset({"build", "integrate", "embed", "bake", "fold", "put", "bring"})

#: Words that put a role in the past: "former chief executive", "ex-partner".
PAST_ROLE_WORDS = frozenset({"former", "ex", "onetime", "one-time", "erstwhile", "previous"})

#: Verbs that end the relation their object names: "ended the partnership".
ENDING_VERBS = frozenset({"end", "terminate", "dissolve", "sever", "exit", "unwind"})

#: Words that make "officer", "executive" or "director" a title of office.
EXEC_TITLE_WORDS = frozenset({"chief", "executive", "managing", "general", "vice", "co-chief",
                              "interim", "acting"})
