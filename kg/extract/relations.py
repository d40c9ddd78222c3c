"""Relations between entities, read from the dependency parse.

The trigger tables live in :mod:`kg.extract.patterns`; this module finds
each trigger's two arguments in the tree (what the words stand for is
:mod:`kg.extract.referents`), and the polarity of the statement
(:mod:`kg.extract.polarity`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import SYMMETRIC_PREDICATES
from .lexicon import (
    ORG_NOUNS,
    PRODUCT_NOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
)
from .money import find_money
from .patterns import (
    DOMAINS,
    ENDING_VERBS,
    EXEC_TITLE_WORDS,
    HYPHEN_VERBS,
    INTO_VERBS,
    JOINT_WORDS,
    NOUNS,
    PAST_ROLE_WORDS,
    ROLES,
    SALE_WORDS,
    VERBS,
    Trigger,
)
from .polarity import polarity
from .referents import (
    JOINING_VERBS,
    OBJ_DEPS,
    SUBJ_DEPS,
    Referents,
    compounds,
    distinct,
    noun_lemma,
    verb_lemma,
)
from .resolve import DocEntities, DocEntity

__all__ = ["RawClaim", "find_relations", "agent_phrases", "FILING_VERBS", "DAMAGE_VERBS"]

#: Verbs whose subject claims the damages they govern ("seeking $5bn in damages from Y").
DAMAGE_VERBS = frozenset({"seek", "want", "demand", "claim", "ask", "request", "pursue"})

#: Verbs whose subject brings the lawsuit they govern ("X filed a suit against Y").
FILING_VERBS = frozenset({"file", "bring", "launch", "lodge", "pursue", "initiate", "mount",
                          "wage", "press", "take", "escalate", "seek", "lead", "join",
                          "be", "lock", "accuse", "charge", "allege"})

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


#: Titles that before a name are a public office, not a company's: "President Jane Doe".
_PUBLIC_TITLES = frozenset({"president", "leader"})

#: Words that make a deal or an agreement a contract: "a supply agreement".
_SUPPLY_WORDS = frozenset({"supply", "licensing", "licence", "license", "distribution",
                           "service", "services", "procurement", "outsourcing", "purchase"})


#: Verbs whose subject is the defendant of the lawsuit they govern ("Acme faces a suit").
_DEFENDING_VERBS = frozenset({"face", "settle", "fight", "defend", "contest", "lose", "win",
                              "battle", "resolve"})

#: Verbs that give someone a role: "Acme named Jane Doe chief executive".
_NAMING_VERBS = frozenset({"name", "appoint", "make", "elect", "hire", "install", "promote"})


class _Reader(Referents):
    """The claims of one document, trigger by trigger (see :mod:`kg.extract.patterns`)."""

    # ----------------------------------------------------------------- triggers
    def verb_claims(self, tok) -> list[RawClaim]:
        out = []
        for trig in VERBS.get(verb_lemma(tok), ()):
            if trig.particle and not any(c.dep_ in ("prt", "advmod") and c.lower_ == trig.particle
                                         for c in tok.children):
                continue
            objects = [c for c in tok.children if c.dep_ in OBJ_DEPS]
            if trig.object_word and not any(c.lemma_.lower() in trig.object_word for c in objects):
                continue
            if trig.money_object and not any(_is_sum(c) for c in objects):
                continue
            preps = {c.lower_ for h in [tok, *(c for c in tok.children if c.dep_ in OBJ_DEPS)]
                     for c in h.children if c.dep_ in ("prep", "dative")}
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
                        if trig.predicate == "acquires" and _part(c, self.ents):
                            continue  # "bought Beta's chip unit" is not buying Beta
                        if c.dep_ in OBJ_DEPS or c.dep_ == "dative":
                            patients += self.refer(c)
                        elif c.dep_ in ("npadvmod", "ccomp") and self.ents.at(c) and c.i > tok.i:
                            # "runs the carmaker Tesla", "makes Office 365", misread as an
                            # adverbial or a clause
                            patients.append(self.ents.at(c))
                    has_object = any(c.dep_ in OBJ_DEPS for c in tok.children)
                    if not patients and tok.dep_ == "relcl" and not has_object:
                        # "SpaceX, the company Musk runs": the object is what the clause describes
                        patients += self.refer(tok.head)
                    if not patients and tok.dep_ == "conj" and not has_object:
                        # "which Musk founded in 2002 and still leads": the first verb's
                        # relative pronoun is the second's object too
                        patients += [e for c in tok.head.children if c.dep_ in OBJ_DEPS
                                     and c.lower_ in RELATIVE_PRONOUNS for e in self.refer(c)]
                elif trig.object_word:
                    patients += [e for c in tok.children if c.dep_ == "dative"
                                 for e in self.refer(c)]
                elif trig.owner_object:
                    patients += [e for c in tok.children if c.dep_ in OBJ_DEPS
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
            heads = [tok] + [c for c in tok.children if c.dep_ in OBJ_DEPS and (
                c.like_num or c.ent_type_ == "PERCENT" or _is_sum(c))]
            for h in heads:  # "invested $10 billion in Beta": the parser may hang it on the sum
                for c in h.children:
                    if c.dep_ in ("prep", "dative") and c.lower_ in trig.preps:
                        patients += [e for p in c.children if p.dep_ == "pobj"
                                     and not (trig.predicate == "acquires"
                                              and _part(p, self.ents))
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
        objs = [c for c in tok.children if c.dep_ in OBJ_DEPS + ("nsubjpass",)]
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
        return self._pairs(trig, distinct(hosts), products, tok, f"verb:{verb_lemma(tok)}:into")

    def sale_claims(self, tok) -> list[RawClaim]:
        """ "Acme sold Beta to Gamma", "Beta's sale to Gamma", "the sale of Beta to
        Gamma": the buyer acquires what is sold."""
        if tok.tag_ == "NNS":
            return []  # "sales of Range Rovers" are revenue
        # "to" on the word, or on the verb the sale is the object of
        heads = [tok, tok.head] if tok.pos_ != "VERB" and tok.dep_ in OBJ_DEPS else [tok]
        buyers = [e for h in heads for c in h.children
                  if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                  for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
        if not buyers:
            return []
        if tok.pos_ == "VERB":
            things = [c for c in tok.children if c.dep_ in OBJ_DEPS]
        else:
            things = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"] or [
                c for c in tok.children if c.dep_ == "poss"]
        # a named company, not "it" nor "its US unit"
        sold = [e for t in things if t.pos_ != "PRON" and not _part(t, self.ents)
                for e in self.refer(t)]
        trig = Trigger("acquires", object_types=("Organization",), confidence=0.75)
        kind = "verb" if tok.pos_ == "VERB" else "noun"
        return self._pairs(trig, buyers, sold, tok, f"{kind}:{tok.lemma_.lower()}:sale")

    def joint_claims(self, tok) -> list[RawClaim]:
        """ "Acme and Beta will jointly develop a battery": partners."""
        if not any(c.dep_ == "advmod" and c.lower_ in JOINT_WORDS for c in tok.children):
            return []
        subjects = [e for c in tok.children if c.dep_ in SUBJ_DEPS for e in self.refer(c)]
        if len(subjects) < 2:
            return []
        return self._group(Trigger("partnerOf", confidence=0.8), subjects, tok,
                           f"verb:{verb_lemma(tok)}:jointly")

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
                                            for c in [*tok.children, *compounds(tok)]):
                continue  # "a funding round", "a Series B round"
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
            if not agents and trig.predicate == "sues":
                # "a lawsuit from Beta", "a lawsuit brought by Beta"
                agents += [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                           for p in c.children if p.dep_ == "pobj" for e in self.refer(p)]
                agents += [e for v in tok.children if v.dep_ == "acl" for a in v.children
                           if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                           for e in self.refer(p)]
            self.avoid = set()
            governor = self._governing_verb(tok)
            if trig.predicate == "sues" and agents and not patients and governor is not None \
                    and governor.lemma_.lower() in _DEFENDING_VERBS:
                # "Acme faces a lawsuit from Beta", "Acme settled a suit brought by Beta"
                patients = self.subject_of(governor)
                governor = None
            if trig.predicate == "sues" and governor is not None and not patients:
                # "Acme accused Beta of stealing secrets in a lawsuit": Beta is the defendant
                accuser = governor
                while accuser.dep_ == "pcomp" and accuser.head.dep_ == "prep":
                    accuser = accuser.head.head
                if accuser.lemma_.lower() in ("accuse", "charge", "allege"):
                    governor = accuser
                    patients = [e for c in accuser.children if c.dep_ in OBJ_DEPS
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
            if not agents and len(patients) > 1 and trig.predicate in SYMMETRIC_PREDICATES:
                between, patients = patients, []  # "the merger of Acme and Beta"
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
        if lemma == "partner" and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                      for c in tok.children):
            return []  # "her partner, Trevor": not a business partner
        if lemma == "part" and (tok.dep_ not in ("attr", "appos", "acomp") or not any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    self.ents.at(p) for p in c.children if p.dep_ == "pobj")
                for c in tok.children)):
            return []  # "Beta is part of Acme", not "as part of Acme's plan"
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
            if not related and as_role and tok.head.head.lemma_.lower() in JOINING_VERBS:
                # "joined Acme in 2010 as chief financial officer"
                related = [e for c in tok.head.head.children if c.dep_ in OBJ_DEPS
                           for e in self.refer(c) if e.type == "Organization"]
            namer = tok.head.head if as_role else (
                tok.head if tok.dep_ in ("oprd", "dobj") else None)
            if not related and namer is not None and namer.pos_ == "VERB" \
                    and (namer.lemma_.lower() in _NAMING_VERBS or as_role and any(
                        c.dep_ in OBJ_DEPS for c in namer.children)) \
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
        beside it with "the" or "a", after "as", or after "become"."""
        if not any(e.type == "Person" for e in referents):
            return False
        if tok.dep_ == "compound" and self.ents.at(tok.head):
            return True
        if any(c.dep_ == "appos" and self.ents.at(c) for c in tok.children):
            return True
        title = tok.head if tok.dep_ == "nmod" and tok.head.dep_ == "appos" else tok
        if title.dep_ == "appos" and any(c.lower_ in ("the", "a", "an") for c in title.children):
            return True
        if tok.dep_ == "attr" and tok.head.lemma_ == "become":
            return True  # "will become chief executive on Jan. 1"
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
        return self._pairs(trig, distinct(owners), [product], tok, "poss:product")

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
                subj = [c for c in node.children if c.dep_ in SUBJ_DEPS and c.i != child.i]
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
            and e.type in _PARTY_TYPES and types[0] in _PARTY_TYPES \
            and not (e.type == "Person" and " " in e.label):  # "Thomas Slattery" stays a person
        e.type = types[0]


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
            if lemma in SALE_WORDS:
                out += reader.sale_claims(tok)
            out += reader.joint_claims(tok)
        elif tok.pos_ in ("NOUN", "PROPN") or (tok.dep_ == "amod" and tok.lemma_ in ROLES):
            lemma = noun_lemma(tok)
            if lemma in NOUNS and not ents.at(tok):
                out += reader.noun_claims(tok)
            if lemma in ROLES and not ents.at(tok):
                out += reader.role_claims(tok)
            if lemma in SALE_WORDS and not ents.at(tok):
                out += reader.sale_claims(tok)
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
                and noun_lemma(c.token) in ("licence", "license"):
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


def _is_sum(tok) -> bool:
    """Whether the phrase of ``tok`` is a sum of money ("$500m", "2 billion euros",
    "fresh capital")."""
    return tok.lemma_.lower() in _MONEY_WORDS or any(
        t.ent_type_ == "MONEY" or t.text in ("$", "\u20ac", "\u00a3") for t in tok.subtree) or bool(
        find_money(tok.doc[tok.left_edge.i:tok.i + 1].text))


#: Nouns for a part of a company: selling or paying for one is not buying the company.
_PARTS = frozenset({"unit", "arm", "division", "business", "operation", "stake", "share",
                    "asset", "subsidiary", "affiliate", "brand", "label", "plant", "factory"})

def _part(tok, ents) -> bool:
    """Whether ``tok`` heads "its chip unit", "a stake": a part of a company (not the
    company Arm, nor "its Corvale unit", which names the unit)."""
    if noun_lemma(tok) not in _PARTS or ents.at(tok) is not None:
        return False
    named = any(c.dep_ == "compound" and ents.at(c) is not None for c in tok.children)
    return not (named and any(c.dep_ == "poss" for c in tok.children))


#: Nouns that are money without a figure: "raised money from Acme".
_MONEY_WORDS = frozenset({"money", "fund", "funds", "capital", "cash", "financing", "funding"})

