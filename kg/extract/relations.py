"""Relations between entities, read from the dependency parse.

The trigger tables live in :mod:`kg.extract.patterns`; this module finds
each trigger's two arguments in the tree and the polarity of the statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import SYMMETRIC_PREDICATES
from .lexicon import (
    HEDGING_AUX,
    HEDGING_HEADS,
    NEGATING_HEADS,
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    PRODUCT_NOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from .patterns import (
    DOMAINS,
    ENDING_VERBS,
    EXEC_TITLE_WORDS,
    HYPHEN_VERBS,
    INTO_VERBS,
    NOUNS,
    PAST_ROLE_WORDS,
    ROLES,
    VERBS,
    Trigger,
)
from .resolve import DocEntities, DocEntity

__all__ = ["RawClaim", "find_relations", "agent_phrases", "FILING_VERBS", "DAMAGE_VERBS"]

#: Verbs whose subject claims the damages they govern ("seeking $5bn in damages from Y").
DAMAGE_VERBS = frozenset({"seek", "want", "demand", "claim", "ask", "request", "pursue"})

#: Verbs whose subject brings the lawsuit they govern ("X filed a suit against Y").
FILING_VERBS = frozenset({"file", "bring", "launch", "lodge", "pursue", "initiate", "mount",
                          "wage", "press", "take", "escalate", "seek", "lead", "join",
                          "be", "lock", "accuse", "charge", "allege"})

_SUBJ = ("nsubj", "csubj")
_OBJ = ("dobj", "obj")
_PARTY_TYPES = ("Organization", "Person", "Product")


@dataclass
class RawClaim:
    subject: DocEntity
    predicate: str
    object: DocEntity
    token: object  # the trigger token
    confidence: float
    method: str
    polarity: str = "asserted"
    shared: bool = False  # one of several parties named together (amounts are not split)
    ended: bool = False  # the relation no longer holds
    end_dated: bool = False  # the trigger's time phrase dates the end ("resigned in 2021")


#: Trigger verbs with no direct object: a participle of one modifying a name is its action.
_INTRANSITIVE = frozenset(lemma for lemma, triggers in VERBS.items()
                          if all(not t.direct for t in triggers))

#: Verbs whose object does what their "of"/"for" clause says: "accused Beta of copying".
_ACCUSING_VERBS = frozenset({"accuse", "charge", "blame", "credit", "suspect", "sue", "fine",
                             "criticise", "criticize", "praise", "thank", "convict",
                             "fin"})  # the lemmatizer's reading of "fined"

#: Verbs that take on someone else's people: "Acme hired its co-founder" is another's.
_HIRING_VERBS = frozenset({"hire", "poach", "recruit", "lure"})

#: Titles that before a name are a public office, not a company's: "President Jane Doe".
_PUBLIC_TITLES = frozenset({"president", "leader"})

#: Words that make a deal or an agreement a contract: "a supply agreement".
_SUPPLY_WORDS = frozenset({"supply", "licensing", "licence", "license", "distribution",
                           "service", "services", "procurement", "outsourcing", "purchase"})

#: Pronouns that stand for the subject of their own verb.
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})

#: Conjunctions whose clause states a fact, whatever the main clause does.
_FACT_MARKS = frozenset({"after", "before", "because", "since", "when", "once", "until",
                         "while", "as"})

#: "one of its co-founders": the title is held by who "one" is.
_ONE_OF = frozenset({"one", "two", "three", "some", "several", "among"})

#: Verbs that give someone a role: "Acme named Jane Doe chief executive".
_NAMING_VERBS = frozenset({"name", "appoint", "make", "elect", "hire", "install", "promote"})

#: Verbs that say what their subject is ("Acme is / became / remains Beta's partner").
_COPULAS = frozenset({"be", "become", "remain", "stay"})


def verb_lemma(tok) -> str:
    """The lemma of a verb, mending the lemmatizer on hyphenated words ("co-founded")."""
    lemma = tok.lemma_.lower()
    if lemma.startswith("co-found"):
        return "co-found"
    return lemma


def noun_lemma(tok) -> str:
    """The lemma of a noun, joining words the tokenizer split at a hyphen
    ("co-founder", "start-up")."""
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 2].whitespace_:
        joined = f"{tok.doc[tok.i - 2].lower_}-{lemma}"
        if joined in ("co-founder", "start-up"):
            return "startup" if joined == "start-up" else "founder"
    return lemma


class _Reader:
    def __init__(self, doc, ents: DocEntities, quoted: dict | None = None):
        self.doc = doc
        self.ents = ents
        #: (start, end) of each quotation -> its speaker (see attribution.quote_sources)
        self.quoted = quoted or {}
        #: entities a description must not resolve to: the other party of the claim
        #: being read ("Acme ... extending its partnership with the start-up")
        self.avoid: set[int] = set()

    # ---------------------------------------------------------------- referents
    def refer(self, tok, seen=None, conj: bool = True) -> list[DocEntity]:
        """The entities the phrase headed by ``tok`` denotes (conjuncts included
        unless ``conj`` is false)."""
        seen = seen if seen is not None else set()
        if tok.i in seen:
            return []
        seen.add(tok.i)
        out: list[DocEntity] = []
        e = self.ents.at(tok)
        lower = tok.lower_
        if e is not None:
            out.append(e)
        elif lower in RELATIVE_PRONOUNS and tok.i >= 2 and self.doc[tok.i - 1].text == "," \
                and self.ents.at(self.doc[tok.i - 2]) is not None:
            # "OpenAI, whose ChatGPT ...": the name right before, whatever the parse says
            out.append(self.ents.at(self.doc[tok.i - 2]))
        elif lower in ("we", "our", "us"):
            # '"We are delighted to partner with Beta," said Jane Doe, Acme's chief
            # executive': the speaker's organisation
            org = self._speaker_organisation(tok)
            out += [org] if org else []
        elif lower in _REFLEXIVES:
            # "Anthropic has marketed itself as a rival to OpenAI"
            verb = tok.head
            out += self.subject_of(verb, seen=seen) if verb.pos_ in ("VERB", "AUX") else []
        elif lower in RELATIVE_PRONOUNS:
            # "X, which ...", "X, whose chatbot ...": the noun the relative clause hangs on
            node = tok.head
            for _ in range(4):
                if node.dep_ == "relcl" or node.head.i == node.i:
                    break
                node = node.head
            if node.dep_ == "relcl":
                out += self.refer(node.head, seen)
        elif lower in PERSON_PRONOUNS:
            a = self.ents.antecedent(tok, ("Person",), exclude=self._binders(tok))
            out += [a] if a else []
        elif lower in ORG_PRONOUNS:
            group = self._plural_subject(tok, seen) if lower in ("their", "they", "them") else []
            if len(group) > 1:
                out += group  # "Acme and Beta ended their partnership"
            elif lower == "them":
                pass  # "pick models, test them and run them": things, not a company
            else:
                a = self._coordinated_owner(tok) or self._controller(tok, ("Organization",)) \
                    or self.ents.antecedent(tok, ("Organization",), exclude=self._binders(tok))
                out += [a] if a else []
        elif tok.pos_ in ("NOUN", "PROPN"):
            out += self._refer_noun(tok, seen)
        for c in tok.children:
            if c.dep_ == "conj" and conj:
                out += self.refer(c, seen)
        return _unique(out)

    def _speaker_organisation(self, tok) -> DocEntity | None:
        """The organisation of whoever speaks the quotation around ``tok``: the
        speaker itself, or the company of the speaker's title ("said Jane Doe,
        Acme's chief executive", "said Acme chief executive Jane Doe")."""
        speaker = next((who for (start, end), who in self.quoted.items()
                        if start <= tok.idx < end), None)
        if speaker is None or speaker.type == "Organization":
            return speaker
        for m in speaker.mentions:
            root = self.doc[m.start:m.end].root
            for title in root.children:
                if title.dep_ not in ("appos", "compound") or noun_lemma(title) not in ROLES:
                    continue
                for c in title.children:
                    found = []
                    if c.dep_ in ("poss", "compound", "nmod"):
                        found = self.refer(c)
                    elif c.dep_ == "prep" and c.lower_ in ("of", "at"):
                        found = [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
                    orgs = [e for e in found if e.type == "Organization"]
                    if orgs:
                        return orgs[0]
        return None

    def _coordinated_owner(self, tok) -> DocEntity | None:
        """ "OpenAI and its chief executive", "sued Acme along with its founder":
        "its" is the organisation the phrase is joined to."""
        if tok.lower_ != "its" or tok.dep_ != "poss":
            return None
        phrase = tok.head
        if phrase.dep_ == "compound":
            phrase = phrase.head
        if phrase.dep_ == "conj":
            first = phrase.head
        elif phrase.dep_ == "pobj" and phrase.head.lower_ == "with" \
                and self.doc[phrase.head.i - 1].lower_ == "along":
            verb = phrase.head.head
            if verb.lower_ == "along":
                verb = verb.head
            objs = [c for c in verb.children if c.dep_ in _OBJ]
            if not objs and verb.dep_ == "conj":  # "which Musk co-founded and is suing"
                objs = [c for c in verb.head.children if c.dep_ in _OBJ]
            first = objs[0] if objs else None
        else:
            return None
        hit = [e for e in self.refer(first, conj=False) if e.type == "Organization"] \
            if first is not None else []
        return hit[0] if len(hit) == 1 else None

    def _binders(self, tok) -> set[int]:
        """Who an object pronoun cannot mean: the subject of its own verb ("Acme
        sued Beta, accusing it of ..." -- "it" is not Acme)."""
        verb = tok.head
        if verb.dep_ == "compound":
            verb = verb.head  # "its co-founder Jane Doe"
        if tok.dep_ == "poss" and verb.dep_ in _OBJ and verb.head.lemma_.lower() in _HIRING_VERBS:
            verb = verb.head  # "Acme hired its co-founder": the co-founder of another
        elif tok.dep_ not in ("dobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
            return set()
        return {e.index for e in self.subject_of(verb)}

    def _controller(self, tok, types) -> DocEntity | None:
        """Who does what a subjectless clause says, when the verb above names them
        as its object: "accused Beta of copying lyrics to train its chatbot" (its =
        Beta's)."""
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ in _SUBJ + ("nsubjpass",) for c in node.children):
                return None
            obj = self._accused(node) if node.dep_ == "pcomp" else None
            if obj is not None:
                hit = [e for e in self.refer(obj) if e.type in types]
                return hit[0] if len(hit) == 1 else None
            if node.dep_ not in ("xcomp", "advcl", "conj", "acl", "pcomp"):
                return None
        return None

    @staticmethod
    def _accused(verb):
        """The object of "accused Beta of copying", who does the copying."""
        prep = verb.head
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
            return None
        gov = prep.head  # "of" hangs on the verb, or on one of its objects
        accusing = gov.head if gov.dep_ in _OBJ + ("dative",) else gov
        if accusing.lemma_.lower() not in _ACCUSING_VERBS:
            return None
        # "fined Acme $5m for ...": the one fined, not the sum
        objs = [c for c in accusing.children if c.dep_ in _OBJ + ("dative",)
                and c.ent_type_ not in ("MONEY", "CARDINAL")]
        if gov in objs:
            return gov
        return objs[0] if objs else None

    def _plural_subject(self, tok, seen) -> list[DocEntity]:
        """The coordinated subject of the clause around ``tok``, if it has one."""
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                return []
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subj = [c for c in node.children if c.dep_ in _SUBJ and c.i != tok.i]
                if subj:
                    return self.refer(subj[0], seen)
                if not any(c.i == tok.i for c in node.children):
                    return []
                # "Acme and Beta said they would merge": "they" is the subject here,
                # so the group is the subject of the clause above
        return []

    def _refer_noun(self, tok, seen) -> list[DocEntity]:
        for c in tok.children:
            if c.dep_ == "appos":
                hit = self.refer(c, seen)
                if hit:
                    return hit
        lemma = noun_lemma(tok)
        if tok.dep_ == "appos" and lemma not in ROLES:
            hit = self.ents.at(tok.head)
            if hit:
                return [hit]
        for c in tok.children:
            # "researchers including Jane Doe", "rivals such as Acme"
            if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                hit = [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p, seen)]
                if hit:
                    return hit
        if lemma in PRODUCT_NOUNS or (lemma in ORG_NOUNS and lemma not in ROLES):
            # "the Grok chatbot", "the Mawingu network"; not "OpenAI researchers" nor
            # "a San Francisco start-up"
            wanted = "Product" if lemma in PRODUCT_NOUNS else "Organization"
            for c in _compounds(tok):
                e = self.ents.at(c)
                if e is not None and e.type == wanted:
                    return [e]
        if lemma in ROLES:
            return self.role_referent(tok, seen)
        if tok.tag_ in ("NNS", "CD") or tok.ent_type_ == "CARDINAL":
            listed = self._listed_after(tok)
            if listed:
                return listed
        if lemma in ORG_NOUNS and any(c.lower_ in ("the", "this", "a", "an") for c in tok.children):
            # a description set off by a comma right after a name is about that name
            # ("Blue Origin, the rocket company founded by ...")
            left = tok.left_edge.i
            named = self.ents.at(self.doc[left - 2]) if left >= 2 else None
            if named is not None and self.doc[left - 1].text == "," and tok.dep_ != "poss" \
                    and named.type != "Person":
                return [named]
        if lemma in ORG_NOUNS and any(c.lower_ in ("the", "this") for c in tok.children):
            a = self.ents.antecedent(tok, ("Organization",), skip=_clause(tok), description=True,
                                     noun=tok.lower_, exclude=self.avoid)
            return [a] if a else []
        return []

    def _listed_after(self, tok) -> list[DocEntity]:
        """The names listed after a plural phrase: "hundreds of companies, among them
        Apple, Qualcomm and Samsung", "customers, including Beta and Gamma"."""
        doc = self.doc
        i = max(t.i for t in tok.subtree if t.i >= tok.i) + 1
        words = [t.lower_ for t in doc[i:i + 3]]
        if words[:1] != [","]:
            return []
        if words[1:3] == ["among", "them"] or words[1:3] == ["such", "as"]:
            i += 3
        elif words[1:2] == ["including"]:
            i += 2
        else:
            return []
        out: list[DocEntity] = []
        while i < len(doc):
            e = self.ents.at(doc[i])
            if e is not None:
                out.append(e)
            elif doc[i].text not in (",", "and", "or"):
                break
            i += 1
        return _unique(out) if len(out) > 1 or (out and doc[i - 1].text not in (",",)) else []

    def role_referent(self, tok, seen=None) -> list[DocEntity]:
        """Who holds the role the noun ``tok`` names."""
        seen = seen if seen is not None else {tok.i}
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _ONE_OF:
            # "Greg Brockman, OpenAI's president and one of its co-founders"
            tok = tok.head.head
            while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
                tok = tok.head
        # the name set beside the title first ("chief financial officer Ned Segal", not
        # the "and Jane Doe" after it), then the name the title is set beside ("Jane
        # Doe, Acme's chief executive")
        for c in tok.children:
            if c.dep_ == "appos" and c.i > tok.i and not any(
                    t.is_punct for t in self.doc[tok.i + 1:c.left_edge.i]):
                hit = self.refer(c, seen, conj=False)
                if hit:
                    return hit
        if tok.dep_ == "appos":
            return self.refer(tok.head, seen)
        for c in tok.children:
            if c.dep_ == "appos":
                hit = self.refer(c, seen, conj=False)
                if hit:
                    return hit
        if tok.dep_ == "nmod" and tok.head.dep_ == "appos":
            # "Ilya Sutskever, a co-founder and board member": two titles read as one
            return self.refer(tok.head.head, seen)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                hit = [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p, seen)]
                if hit:
                    return hit
        for c in tok.children:
            # "named Jane Doe chief executive", parsed as a name modifying the title
            e = self.ents.at(c) if c.dep_ in ("nmod", "compound") \
                and tok.dep_ in ("oprd", "dobj") else None
            if e is not None and e.type == "Person":
                return [e]
        if tok.dep_ in ("attr", "acomp", "oprd") and tok.head.lemma_ in _COPULAS:
            return self.subject_of(tok.head, seen=seen)
        if tok.dep_ == "oprd":
            # "named Jane Doe chief executive", "Jane Doe was named chief executive"
            named = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
            return self.refer(named[0], seen) if named else []
        if tok.dep_ in ("compound", "amod") and self.ents.at(tok.head):
            return [self.ents.at(tok.head)]
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            # "named X as chief executive"
            verb = tok.head.head
            objs = [c for c in verb.children if c.dep_ in _OBJ]
            return self.refer(objs[0], seen) if objs else self.subject_of(verb, seen=seen)
        if any(c.lower_ in ("the", "this") for c in tok.children):
            role = ROLES.get(noun_lemma(tok))
            types = ("Person",) if role and role[0].predicate in (
                "executiveOf", "founderOf") else ("Organization",)
            a = self.ents.antecedent(tok, types, skip=_clause(tok), description=True,
                                     exclude=self.avoid)
            return [a] if a else []
        return []

    def subject_of(self, verb, depth: int = 0, seen=None) -> list[DocEntity]:
        """The entities doing what ``verb`` says, climbing through control and coordination."""
        if depth > 4:
            return []
        seen = seen if seen is not None else set()
        for c in verb.children:
            if c.dep_ in _SUBJ:
                hit = self.refer(c, seen)
                if not hit:
                    for p in c.children:
                        if p.dep_ == "poss":
                            hit = self.refer(p, seen)
                return hit
        if verb.dep_ == "relcl":
            return self.refer(verb.head, seen)
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and verb.head.pos_ == "NOUN":
            # "Acme's plan to buy Beta", "Acme is in talks to buy Beta": whose plan, talks
            noun = verb.head
            owners = [e for c in noun.children if c.dep_ == "poss" for e in self.refer(c, seen)]
            if owners:
                return owners
            governor = self._governing_verb(noun) or (
                noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None)
            return self.subject_of(governor, depth + 1, seen) if governor is not None else []
        if verb.dep_ == "acl" and (verb.tag_ == "VBG" or verb.lemma_.lower() in _INTRANSITIVE):
            # "Acme, adding support for ...", and "Acme partnered with ..." misparsed as
            # a modifier of the name
            return self.refer(verb.head, seen)
        accused = self._accused(verb) if verb.dep_ == "pcomp" else None
        if accused is not None:
            return self.refer(accused, seen)
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp") and verb.head != verb:
            head = verb.head
            if head.dep_ == "prep":
                head = head.head
            return self.subject_of(head, depth + 1, seen)
        return []

    # ----------------------------------------------------------------- triggers
    def verb_claims(self, tok) -> list[RawClaim]:
        out = []
        for trig in VERBS.get(verb_lemma(tok), ()):
            if trig.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == trig.particle
                                         for c in tok.children):
                continue
            if trig.object_word and not any(c.dep_ in _OBJ and c.lemma_.lower() in trig.object_word
                                            for c in tok.children):
                continue
            if trig.money_object and not any(c.dep_ in _OBJ and _is_sum(c) for c in tok.children):
                continue
            preps = {c.lower_ for h in [tok, *(c for c in tok.children if c.dep_ in _OBJ)]
                     for c in h.children if c.dep_ == "prep"}
            if trig.needs_prep and trig.needs_prep not in preps:
                continue
            if trig.bars_prep and trig.bars_prep in preps:
                continue
            passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in tok.children) or (
                tok.dep_ == "acl" and tok.tag_ == "VBN" and trig.direct)
            patients: list[DocEntity] = []
            agents: list[DocEntity] = []
            if passive:
                for c in tok.children:
                    if c.dep_ == "agent":
                        agents += [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
                    if c.dep_ == "nsubjpass":
                        patients += self.refer(c)
                participle = tok
                while participle.dep_ == "conj" and participle.head.tag_ == "VBN":
                    participle = participle.head  # "co-founded by X and run by Y"
                if participle.dep_ == "acl" and not patients:
                    patients += self.refer(participle.head)
                if not patients and participle.dep_ == "advcl" and participle.i >= 2 \
                        and self.doc[participle.i - 1].text == "," \
                        and self.ents.at(self.doc[participle.i - 2]) is not None:
                    # "For OpenAI, led by chief executive Sam Altman, ..."
                    patients.append(self.ents.at(self.doc[participle.i - 2]))
                if tok.dep_ == "xcomp" and not patients:
                    # "Beta agreed to be acquired by Acme"
                    patients += self.subject_of(tok.head)
            else:
                agents = self.subject_of(tok)
                self.avoid = {a.index for a in agents}
                # "Musk started OpenAI alongside Altman and Brockman"
                agents += [e for c in tok.children if c.dep_ == "prep"
                           and c.lower_ in ("alongside",) for p in c.children
                           if p.dep_ == "pobj" for e in self.refer(p)]
                if trig.direct:
                    for c in tok.children:
                        if c.dep_ in _OBJ or c.dep_ == "dative":
                            patients += self.refer(c)
                        elif c.dep_ in ("npadvmod", "ccomp") and self.ents.at(c) and c.i > tok.i:
                            # "runs the carmaker Tesla", "makes Office 365", misread as an
                            # adverbial or a clause
                            patients.append(self.ents.at(c))
                    has_object = any(c.dep_ in _OBJ for c in tok.children)
                    if not patients and tok.dep_ == "relcl" and not has_object:
                        # "SpaceX, the company Musk runs": the object is what the clause describes
                        patients += self.refer(tok.head)
                    if not patients and tok.dep_ == "conj" and not has_object:
                        # "which Musk founded in 2002 and still leads": the first verb's
                        # relative pronoun is the second's object too
                        patients += [e for c in tok.head.children if c.dep_ in _OBJ
                                     and c.lower_ in RELATIVE_PRONOUNS for e in self.refer(c)]
                elif trig.object_word:
                    patients += [e for c in tok.children if c.dep_ == "dative"
                                 for e in self.refer(c)]
                elif trig.owner_object:
                    patients += [e for c in tok.children if c.dep_ in _OBJ
                                 for p in c.children if p.dep_ == "poss" for e in self.refer(p)]
            if trig.ends:
                # "stepped down as chief executive of Acme": the organisation of the role
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "as":
                        for role in c.children:
                            patients += [e for r in role.subtree if r.dep_ == "pobj"
                                         and r.head.lower_ in ("of", "at") for e in self.refer(r)]
                            patients += [e for p in role.children if p.dep_ == "poss"
                                         for e in self.refer(p)]
            heads = [tok] + [c for c in tok.children if c.dep_ in _OBJ and (c.like_num or
                                                                          c.ent_type_ == "MONEY")]
            for h in heads:  # "invested $10 billion in Beta": the parser may hang it on the sum
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ in trig.preps:
                        patients += [e for p in c.children if p.dep_ == "pobj"
                                     for e in self.refer(p)]
            self.avoid = set()
            method = f"verb:{verb_lemma(tok)}" + (":passive" if passive else "")
            found = self._pairs(trig, agents, patients, tok, method)
            for c in found:
                c.ended = c.end_dated = trig.ends
            out += found
        return out

    def into_claims(self, tok) -> list[RawClaim]:
        """ "Tesla built Grok into its cars": Tesla offers Grok; "Grok is built into
        X and into Tesla's cars": X and Tesla offer it."""
        objs = [c for c in tok.children if c.dep_ in _OBJ + ("nsubjpass",)]
        preps = [c for h in [tok, *objs] for c in h.children
                 if c.dep_ == "prep" and c.lower_ == "into"]
        if not preps:
            return []
        products = [e for c in objs for e in self.refer(c) if e.type == "Product"]
        if any(c.dep_ == "nsubjpass" for c in objs):
            hosts = []
            for p in (p for c in preps for p in c.children if p.dep_ == "pobj"):
                # "into Tesla's cars": the cars' owner
                owner = [e for c in p.children if c.dep_ == "poss" for e in self.refer(c)]
                hosts += owner or self.refer(p)
        else:
            hosts = self.subject_of(tok)
        trig = Trigger("offers", subject_types=("Organization",), object_types=("Product",),
                       confidence=0.75)
        return self._pairs(trig, _unique(hosts), products, tok, f"verb:{verb_lemma(tok)}:into")

    def gap_claims(self, tok) -> list[RawClaim]:
        """A relative clause without "which" whose object is the name before it:
        "SpaceX, the company Musk founded in 2002, ...", "Tesla, the carmaker Musk
        also runs". Read from the words, as the parser often misreads these."""
        doc = self.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM")
                                or self.ents.at(nxt)):
            return []  # the verb has an object of its own
        j = tok.i - 1
        while j >= 0 and doc[j].pos_ == "ADV":
            j -= 1
        agent = self.ents.at(doc[j]) if j >= 0 else None
        if agent is None:
            return []
        k = j
        while k > 0 and self.ents.at(doc[k - 1]) is agent:
            k -= 1
        k -= 1  # the noun of the description: "company", "maker", "start-up"
        if k < 3 or noun_lemma(doc[k]) not in ORG_NOUNS | PRODUCT_NOUNS or self.ents.at(doc[k]):
            return []
        while k > 0 and doc[k - 1].lower_ not in ("the", "a", "an"):
            k -= 1
            if doc[k].pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT") or doc[k].text == ",":
                return []
            if tok.i - k > 10:
                return []
        if k < 3 or doc[k - 2].text != ",":
            return []
        described = self.ents.at(doc[k - 3])
        if described is None or described is agent:
            return []
        out = []
        for trig in VERBS.get(verb_lemma(tok), ()):
            if trig.direct and not trig.particle and not trig.object_word \
                    and not trig.needs_prep:
                out += self._pairs(trig, [agent], [described], tok,
                                   f"gap:{verb_lemma(tok)}")
        return out

    def noun_claims(self, tok) -> list[RawClaim]:
        out = []
        lemma = tok.lemma_.lower()
        for trig in NOUNS.get(lemma, ()):
            if tok.lemma_.lower() == "fight" and not any(
                    c.lower_ in ("legal", "court", "courtroom") for c in tok.children):
                continue
            if tok.lemma_.lower() == "effort" and not any(c.lower_ == "joint"
                                                          for c in tok.children):
                continue
            if lemma == "round" and not any(c.lower_ in ("funding", "financing", "investment",
                                                         "series", "seed")
                                            for c in tok.children):
                continue
            if trig.predicate == "partnerOf" and lemma in ("deal", "agreement") and any(
                    c.lower_ in _SUPPLY_WORDS for c in tok.children):
                # "a multiyear supply agreement with Beta": a contract, not a partnership
                trig = Trigger("contractWith", trig.preps, confidence=0.7)
            agents: list[DocEntity] = []
            patients: list[DocEntity] = []
            between: list[DocEntity] = []
            for c in tok.children:
                if c.dep_ == "poss":
                    agents += self.refer(c)
            self.avoid = {a.index for a in agents}
            for c in tok.children:
                if c.dep_ == "poss":
                    continue
                if c.dep_ == "prep" and c.lower_ == "by":
                    agents += [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
                elif c.dep_ == "prep" and c.lower_ == "between":
                    between += [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
                elif c.dep_ == "prep" and c.lower_ in trig.preps:
                    patients += self._prep_objects(c, trig)
            if not agents:
                # "the acquisition of X, the social network, by xAI": the parser may hang
                # "by" on the object or its apposition
                agents += [e for b in agent_phrases(tok) for p in b.children
                           if p.dep_ == "pobj" for e in self.refer(p)]
            self.avoid = set()
            governor = self._governing_verb(tok)
            if trig.predicate == "sues" and governor is not None and not patients:
                # "Acme accused Beta of stealing secrets in a lawsuit": Beta is the defendant
                accuser = governor
                while accuser.dep_ == "pcomp" and accuser.head.dep_ == "prep":
                    accuser = accuser.head.head
                if accuser.lemma_.lower() in ("accuse", "charge", "allege"):
                    governor = accuser
                    patients = [e for c in accuser.children if c.dep_ in _OBJ
                                for e in self.refer(c)]
            if (trig.predicate == "sues" and governor is not None
                    and governor.lemma_.lower() not in FILING_VERBS):
                governor = None
            if trig.predicate == "sues" and lemma == "damage":
                agents, patients = self._damages(tok)
            if not agents and governor is not None:
                agents = self.subject_of(governor)
            if not agents and trig.predicate != "sues" and trig.confidence >= 0.6:
                # not for a weak word: "X and Y called off the purchase after the deal
                # ran into opposition" is no deal between X and Y
                agents = self._outer_subject(tok)
            if not patients and governor is not None:
                for c in governor.children:
                    if c.dep_ == "prep" and c.lower_ in trig.preps and c.lower_ != "of":
                        patients += self._prep_objects(c, trig)
            if patients and governor is not None:
                # "a partnership with Beta, ..., and Gamma": the parser may hang the last
                # name on the verb
                patients += [self.ents.at(c) for c in governor.children
                             if c.dep_ == "conj" and c.pos_ == "PROPN" and self.ents.at(c)]
            method = f"noun:{tok.lemma_.lower()}"
            if between and trig.predicate in SYMMETRIC_PREDICATES:
                found = self._group(trig, between, tok, method)
            elif trig.predicate == "mergesWith" and not patients and len(agents) == 1:
                continue
            else:
                found = self._pairs(trig, agents, patients, tok, method)
            if governor is not None and governor.lemma_.lower() in ENDING_VERBS:
                for c in found:
                    c.ended = c.end_dated = True  # "ended their partnership": held until then
            out += found
        return out

    def role_claims(self, tok) -> list[RawClaim]:
        lemma = noun_lemma(tok)
        triggers = ROLES.get(lemma, ())
        if not triggers:
            return []
        if lemma in ("officer", "executive", "director") and not any(
                c.lower_ in EXEC_TITLE_WORDS for c in tok.children):
            return []
        if lemma == "chief" and tok.pos_ != "NOUN":
            return []  # "chief" of "chief executive" is read with its noun
        out = []
        # "X, Acme's co-founder, chairman and largest shareholder": later titles share
        # the holder and the company of the first
        first = tok
        while first.dep_ == "conj" and noun_lemma(first.head) in ROLES and not any(
                c.dep_ in ("poss", "det", "appos") for c in first.children):
            first = first.head  # not "the ChatGPT maker and its chief executive, Sam Altman"
        referents = self.role_referent(first)
        for trig in triggers:
            related: list[DocEntity] = []
            for c in [*tok.children, *(first.children if first.i != tok.i else ())]:
                if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and self.ents.at(c)):
                    related += self.refer(c)
                elif c.dep_ == "prep" and c.lower_ in trig.preps:
                    related += [e for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
            if tok.dep_ in ("compound", "amod") and self.ents.at(tok.head):
                # "Microsoft CEO Satya Nadella", "Acme's rival Beta Corp": the company is a
                # sibling modifier of the name
                related += [self.ents.at(c) for c in tok.head.children
                            if c.dep_ in ("compound", "nmod", "poss") and c.i < tok.i
                            and self.ents.at(c) and self.ents.at(c) is not self.ents.at(tok.head)]
            related = [e for e in related if e not in referents]
            as_role = tok.dep_ == "pobj" and tok.head.lower_ == "as"
            namer = tok.head.head if as_role else (
                tok.head if tok.dep_ in ("oprd", "dobj") else None)
            if not related and namer is not None and namer.pos_ == "VERB" \
                    and (namer.lemma_.lower() in _NAMING_VERBS or as_role and any(
                        c.dep_ in _OBJ for c in namer.children)) \
                    and not any(c.dep_ == "nsubjpass" for c in namer.children):
                # "Acme named Jane Doe (as) chief executive", "Acme won Beta as a customer":
                # of the organisation that named her, that won it
                related = [e for e in self.subject_of(namer) if e.type == "Organization"]
                referents = [e for e in referents if e not in related]
            method = f"role:{lemma}"
            past = any(c.lower_ in PAST_ROLE_WORDS for c in tok.children) or (
                tok.i >= 2 and self.doc[tok.i - 1].text == "-"
                and self.doc[tok.i - 2].lower_ == "ex")
            if not related and trig.predicate in ("executiveOf", "founderOf") \
                    and lemma not in _PUBLIC_TITLES and self._bare_title(tok, referents):
                # "chief executive Jane Doe", "Jane Doe, the chief technology officer,",
                # "serves as chief executive": of the organisation the story is about
                a = self.ents.story_organisation(tok)
                related = [a] if a else []
                method += ":context"
            if not related and trig.predicate in SYMMETRIC_PREDICATES and len(referents) > 1 \
                    and tok.dep_ in ("attr", "acomp", "oprd", "appos"):
                # "Acme and Beta are partners"; not "sued rivals, including Acme and Beta"
                found = self._group(trig, referents, tok, method)
            elif related:
                found = self._pairs(trig, referents, related, tok, method)
            else:
                found = []
            for c in found:
                c.ended = past
            out += found
        return out

    def _bare_title(self, tok, referents) -> bool:
        """A title held by a named person with no organisation said: before the name,
        beside it with "the" or "a", or after "as"."""
        if not any(e.type == "Person" for e in referents):
            return False
        if tok.dep_ == "compound" and self.ents.at(tok.head):
            return True
        if any(c.dep_ == "appos" and self.ents.at(c) for c in tok.children):
            return True
        title = tok.head if tok.dep_ == "nmod" and tok.head.dep_ == "appos" else tok
        if title.dep_ == "appos" and any(c.lower_ in ("the", "a", "an") for c in title.children):
            return True
        return tok.dep_ == "pobj" and tok.head.lower_ == "as"

    def owner_claims(self, tok) -> list[RawClaim]:
        """An organisation's own product: "xAI's Grok models", "its Claude chatbot",
        "Azure, Microsoft's cloud platform", "Its chatbot, Grok"."""
        product = self.ents.at(tok)
        if product is None or product.type != "Product":
            return []
        nouns = [tok]
        if tok.dep_ in ("compound", "appos") or tok.head.lower_ in PRODUCT_NOUNS:
            nouns.append(tok.head)
        first = tok
        while first.dep_ == "conj" and first.head.pos_ == "PROPN":
            first = first.head  # "its own Apple Watch and Apple Pay", not "OpenAI's GPT-4o
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in first.children):
                nouns.append(first)  # and DeepSeek-R1"
        # "Azure, Microsoft's cloud platform"; not a list "Sony's PlayStation, Microsoft's X-Box"
        nouns += [c for c in tok.children if c.dep_ == "appos" and not c.ent_type_
                  and (c.pos_ == "NOUN" or c.lower_ in PRODUCT_NOUNS)]
        owners = [e for n in nouns for c in n.children if c.dep_ == "poss"
                  for e in self.refer(c)]
        # "DeepSeek-R1, the reasoning model from DeepSeek", "the Zephyr app by Acme"
        owners += [e for n in nouns if n.i == tok.i or noun_lemma(n) in PRODUCT_NOUNS
                   for c in n.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                   for p in c.children if p.dep_ == "pobj" for e in self.refer(p)
                   if e.type == "Organization"]
        # "the start-up behind the Grok chatbot", "Acme, the company behind Zephyr"
        owners += [e for n in nouns if n.dep_ == "pobj" and n.head.lower_ == "behind"
                   for e in self.refer(n.head.head) if e.type == "Organization"]
        # "Meta's Llama" read from the words, whatever the parse
        first = min(m.start for m in product.mentions if m.start <= tok.i < m.end) \
            if any(m.start <= tok.i < m.end for m in product.mentions) else tok.i
        if first >= 2 and self.doc[first - 1].tag_ == "POS":
            owner = self.ents.at(self.doc[first - 2])
            if owner is not None and owner.type == "Organization":
                owners.append(owner)
        trig = Trigger("develops", object_types=("Product",), subject_types=("Organization",),
                       confidence=0.6)
        return self._pairs(trig, _unique(owners), [product], tok, "poss:product")

    def hyphen_claims(self, tok) -> list[RawClaim]:
        """ "the Musk-founded start-up": name, hyphen, participle, noun."""
        rule = HYPHEN_VERBS.get(tok.lower_)
        if rule is None or tok.i < 2 or self.doc[tok.i - 1].text != "-":
            return []
        named = self.ents.at(self.doc[tok.i - 2])
        if named is None:
            return []
        noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
        while noun is not None and noun.dep_ == "compound":
            noun = noun.head
        if noun is None:
            return []
        referents = self.refer(noun) or self.role_referent(noun)
        predicate, reverse = rule
        trig = Trigger(predicate, reverse=reverse, confidence=0.75)
        return self._pairs(trig, [named], referents, tok, "hyphen:" + tok.lower_)

    # ------------------------------------------------------------------ helpers
    def _prep_objects(self, prep, trig: Trigger) -> list[DocEntity]:
        """What the objects of ``prep`` denote; with ``trig.owner_object``, the owner
        of a thing that names no one ("the licence to Arm's technology": Arm)."""
        out = []
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            hit = self.refer(p)
            if not hit and trig.owner_object:
                hit = [e for q in p.children if q.dep_ == "poss" for e in self.refer(q)]
            out += hit
        return out

    def _governing_verb(self, tok):
        head = tok
        for _ in range(4):
            if head.dep_ in ("dobj", "attr", "nsubjpass", "oprd", "npadvmod", "conj", "appos"):
                head = head.head
            elif head.dep_ == "pobj" and head.head.dep_ == "prep":
                head = head.head.head
            else:
                break
            if head.pos_ in ("VERB", "AUX"):
                return head
        return None

    def _damages(self, tok) -> tuple[list[DocEntity], list[DocEntity]]:
        """ "X is seeking $5bn in damages from Y": the claimant and who should pay."""
        node = tok
        for _ in range(5):
            if node.head.i == node.i:
                return [], []
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
        if node.lemma_.lower() not in DAMAGE_VERBS:
            return [], []
        payers = [e for t in node.subtree if t.dep_ == "prep" and t.lower_ == "from"
                  for p in t.children if p.dep_ == "pobj" for e in self.refer(p)]
        return self.subject_of(node), payers

    def _outer_subject(self, tok) -> list[DocEntity]:
        """The subject of the nearest verb above ``tok`` whose subject is not ``tok``'s
        own phrase: "Acme announced a partnership with Beta to ..." even when the
        parser made "partnership" the subject of "to expand"."""
        node = tok
        for _ in range(5):
            if node.head.i == node.i:
                return []
            if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
                return []  # a clause of its own: "X needs Y, and a stake in Z would ..."
            child, node = node, node.head
            if node.lemma_.lower() in SPEECH_VERBS:
                return []  # the speaker is not a party to what they report
            if node.pos_ in ("VERB", "AUX"):
                subj = [c for c in node.children if c.dep_ in _SUBJ and c.i != child.i]
                if subj:
                    return self.refer(subj[0])
        return []

    def _pairs(self, trig: Trigger, agents, patients, tok, method) -> list[RawClaim]:
        out = []
        if not patients and trig.predicate in SYMMETRIC_PREDICATES and len(agents) > 1:
            return self._group(trig, agents, tok, method)
        for a in agents:
            for p in patients:
                s, o = (p, a) if trig.reverse else (a, p)
                if trig.confidence >= 0.75 and method.startswith(("role:", "hyphen:")):
                    # "a co-founder of ... Twitch", "the maker of Fortnite", "Amazon-owned"
                    _retype(s, trig.subject_types)
                    _retype(o, trig.object_types)
                if s is o or s.type not in _PARTY_TYPES or o.type not in _PARTY_TYPES:
                    continue
                if trig.subject_types and s.type not in trig.subject_types:
                    continue
                if trig.object_types and o.type not in trig.object_types:
                    continue
                # a sum is not split between several payers ("raised $50m from A and B")
                payers = patients if trig.reverse and trig.money_object else agents
                out.append(RawClaim(s, trig.predicate, o, tok, trig.confidence, method,
                                    shared=len(payers) > 1))
        return out

    def _group(self, trig: Trigger, members, tok, method) -> list[RawClaim]:
        # a weak word ("deal", "effort") joins organisations, not the people named with it
        weak = trig.confidence < 0.7
        members = [m for m in members
                   if m.type == "Organization" or (m.type == "Person" and not weak)]
        return [RawClaim(a, trig.predicate, b, tok, trig.confidence - 0.1, method + ":group")
                for a, b in combinations(members, 2) if a is not b]


def _retype(e: DocEntity, types: tuple[str, ...]) -> None:
    """What a name does outweighs NER's guess: the founder of "Twitch" makes it a
    company, "the maker of Fortnite" makes Fortnite a product. Only a type NER
    alone gave is changed, and only between parties and products."""
    if len(types) == 1 and e.type != types[0] and e.weakly_typed \
            and e.type in _PARTY_TYPES and types[0] in _PARTY_TYPES:
        e.type = types[0]


#: Adjectives that make an event noun unsettled ("planned" is not one: "called off its
#: planned purchase" reports an agreed deal).
_UNSETTLED = frozenset({"possible", "potential", "proposed", "rumoured", "rumored", "mooted",
                        "hypothetical", "prospective", "mulled"})

#: Heads that undo an event after it happened: the event is still reported ("regulators
#: blocked the acquisition", "the judge dismissed the lawsuit"), unlike a denial.
_UNDOING = {
    "acquires": frozenset({"abandon", "scrap", "block", "terminate", "cancel", "kill",
                           "unwind", "halt", "drop", "call"}),
    "mergesWith": frozenset({"abandon", "scrap", "block", "terminate", "cancel", "kill",
                             "unwind", "halt", "drop", "call"}),
    "investsIn": frozenset({"abandon", "scrap", "block", "unwind", "cancel"}),
    "sues": frozenset({"dismiss", "drop", "settle", "withdraw", "reject", "throw"}),
}


def polarity(tok, method: str = "", predicate: str | None = None) -> str:
    """asserted, negated or hedged, from the words that govern the trigger.

    A description ("its chief executive, Jane Doe", "xAI's Grok") holds whatever
    the sentence around it does, so only an event is read in its context; and
    seeking damages is how a lawsuit is stated, not a hedge.
    """
    if not method.startswith(("verb:", "noun:")):
        return "negated" if any(c.dep_ == "neg" for c in tok.children) else "asserted"
    if method.startswith("noun:") and any(c.dep_ == "amod" and c.lower_ in _UNSETTLED
                                          for c in tok.children):
        return "hedged"  # "the possible takeover", "a proposed merger"
    node = tok
    for _ in range(6):
        for c in node.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return "negated"
            if c.dep_ == "aux" and c.lower_ in HEDGING_AUX:
                return "hedged"
            if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
                return "hedged"  # "the question of whether Acme should buy Beta"
            if c.dep_ == "compound" and c.lemma_.lower() in HEDGING_HEADS:
                return "hedged"
            if c.dep_ == "prep" and c.lower_ == "in" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in HEDGING_HEADS for p in c.children):
                return "hedged"  # "is in talks, to buy Beta"
        lemma = node.lemma_.lower()
        if node.i != tok.i:
            if lemma in _UNDOING.get(predicate, ()) and method.startswith("noun:"):
                return "asserted"  # it happened, then was undone
            if lemma in NEGATING_HEADS:
                return "negated"
            if lemma in HEDGING_HEADS and not method.startswith("noun:damage"):
                return "hedged"
            if lemma in SPEECH_VERBS:
                break
        if node.head.i == node.i or node.dep_ in ("relcl",):
            break
        if node.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in _FACT_MARKS
                                        for c in node.children):
            break  # "relenting only after Acme sued him": what "after" says happened
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass"):
            # an event named as a subject is taken for granted ("does not expect the
            # merger to affect contracts" still says there is a merger), unless its own
            # verb denies it ("the acquisition did not happen", "the deal collapsed")
            verb = node.head
            if any(c.dep_ == "neg" for c in verb.children) or \
                    verb.lemma_.lower() in NEGATING_HEADS:
                return "negated"
            break
        node = node.head
    return "asserted"


def find_relations(doc, ents: DocEntities, quoted: dict | None = None) -> list[RawClaim]:
    """Every relation the patterns find in ``doc``; ``quoted`` gives the speaker of
    each quotation (:func:`kg.extract.attribution.quote_sources`)."""
    reader = _Reader(doc, ents, quoted)
    out: list[RawClaim] = []
    for tok in doc:
        lemma = verb_lemma(tok)
        if tok.pos_ in ("VERB", "AUX") or (tok.tag_ in ("VBN", "VBD") and lemma in VERBS):
            if lemma in VERBS:
                out += reader.verb_claims(tok) + reader.gap_claims(tok)
            if lemma in INTO_VERBS:
                out += reader.into_claims(tok)
        elif tok.pos_ in ("NOUN", "PROPN") or (tok.dep_ == "amod" and tok.lemma_ in ROLES):
            lemma = noun_lemma(tok)
            if lemma in NOUNS and not ents.at(tok):
                out += reader.noun_claims(tok)
            if lemma in ROLES and not ents.at(tok):
                out += reader.role_claims(tok)
        if tok.lower_ in HYPHEN_VERBS:
            out += reader.hyphen_claims(tok)
        if ents.at(tok) is not None and (tok.i + 1 == len(doc) or ents.at(doc[tok.i + 1])
                                         is not ents.at(tok)):
            out += reader.owner_claims(tok)
    for c in out:
        c.polarity = polarity(c.token, c.method, c.predicate)
    return _public_clients(_fit_domains(_drop_weak_deals(_drop_guesses(out))))


#: Words that make a name a public body: governments buy, companies supply them.
_PUBLIC_WORDS = frozenset({
    "army", "navy", "pentagon", "department", "ministry", "agency", "government", "council",
    "commission", "administration", "authority", "nasa", "military", "parliament", "congress",
    "senate", "treasury", "cabinet", "police", "force", "nhs", "esa", "darpa",
})


def _public_clients(claims: list[RawClaim]) -> list[RawClaim]:
    """ "The Army will renegotiate a contract with ITT": a contract between a public
    body and a company is the company's, supplying the public body; a licence from a
    public body is a permit, not a contract."""
    def public(e: DocEntity) -> bool:
        return e.type == "Organization" and bool(
            {w.strip(".,").lower() for w in e.label.split()} & _PUBLIC_WORDS)

    out = []
    for c in claims:
        if c.predicate == "contractWith" and (public(c.subject) or public(c.object)) \
                and c.method.startswith("noun:lic"):
            continue  # "its licence from the FCC": a regulator's licence, not a contract
        if c.predicate == "contractWith" and public(c.subject) and not public(c.object):
            c.subject, c.object = c.object, c.subject
        out.append(c)
    return out


def _drop_weak_deals(claims: list[RawClaim]) -> list[RawClaim]:
    """ "Acme will combine with Beta in an all-share deal": the deal is the merger,
    not a partnership too. A partnership read from a weak word ("deal",
    "agreement") gives way to another relation of the same pair in its sentence."""
    def pair(c):
        return frozenset((c.subject.index, c.object.index)), c.token.sent.start

    other = {pair(c) for c in claims if c.predicate != "partnerOf"}
    return [c for c in claims if not (c.predicate == "partnerOf" and c.confidence <= 0.5
                                      and pair(c) in other)]


def agent_phrases(tok) -> list:
    """The "by" phrases that name who does what the event noun ``tok`` says, where
    the parser hung them: on the noun, inside its phrase but not in a clause of its
    own ("the acquisition of X by Y"), or on the verb before it ("The acquisition
    of X, the social network, by Y was ...")."""
    out = []
    for t in tok.subtree:
        if t.lower_ != "by" or t.dep_ not in ("prep", "agent"):
            continue
        path = list(t.ancestors)
        path = path[:path.index(tok)] if tok in path else None
        if path is not None and not any(a.pos_ in ("VERB", "AUX") for a in path):
            out.append(t)
    out += [c for c in tok.head.children if c.lower_ == "by" and c.dep_ == "prep"
            and tok.i < c.i < tok.head.i and tok.dep_ in ("nsubj", "nsubjpass")]
    return out


def _drop_guesses(claims: list[RawClaim]) -> list[RawClaim]:
    """A title's organisation guessed from the story (":context") gives way to
    one its sentence states for that person: "Oracle, run by chief executive
    Safra Catz" is Oracle's, whatever else the story is about."""
    def key(c):
        return c.subject.index, c.predicate, c.token.sent.start

    stated = {key(c) for c in claims if ":context" not in c.method}
    return [c for c in claims if ":context" not in c.method or key(c) not in stated]


def _fit_domains(claims: list[RawClaim]) -> list[RawClaim]:
    """Keep claims whose arguments have the types their predicate relates; a
    product standing for its maker ("Grok competes with ChatGPT", "Foundry added
    support for Grok") is replaced by the maker the article names."""
    makers: dict[int, DocEntity] = {}
    for c in claims:
        if c.predicate == "develops" and c.polarity == "asserted":
            makers.setdefault(c.object.index, c.subject)
    out = []
    for c in claims:
        subject_types, object_types = DOMAINS[c.predicate]
        if c.subject.type == "Product" and "Product" not in subject_types:
            c.subject = makers.get(c.subject.index, c.subject)
        if c.object.type == "Product" and "Product" not in object_types:
            c.object = makers.get(c.object.index, c.object)
        if c.subject.type in subject_types and c.object.type in object_types \
                and c.subject is not c.object:
            out.append(c)
    return out


def _clause(tok) -> set[int]:
    """Positions a description such as "the company" cannot point back to:
    the subject of its own clause and its own possessor ("Acme's deal with
    the company" is not a deal of Acme with itself)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    heads = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [c for c in tok.children if c.dep_ == "poss"]
    out: set[int] = set()
    for h in heads:
        out.add(h.i)
        for c in h.children:
            if c.dep_ in ("compound", "poss"):
                out.update(t.i for t in c.subtree)
    return out


def _compounds(tok) -> list:
    """The words compounded with ``tok``, nearest first: "the Zephyr warehouse robot"
    gives "warehouse", then "Zephyr"."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        for c in reversed(list(node.children)):
            if c.dep_ in ("compound", "nmod"):
                out.append(c)
                stack.append(c)
    return out


def _is_sum(tok) -> bool:
    """Whether the phrase of ``tok`` is a sum of money ("$500m", "2 billion euros")."""
    return any(t.ent_type_ == "MONEY" or t.text in ("$", "\u20ac", "\u00a3") for t in tok.subtree)


def _unique(items: list[DocEntity]) -> list[DocEntity]:
    seen, out = set(), []
    for e in items:
        if e is not None and e.index not in seen:
            seen.add(e.index)
            out.append(e)
    return out
