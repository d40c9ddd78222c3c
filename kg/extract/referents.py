"""What the words of a sentence stand for: the entities behind names, pronouns,
descriptions ("the company", "the ChatGPT maker"), titles ("its chief executive")
and the subjects of verbs, read from the dependency parse of one document.

:mod:`kg.extract.relations` reads claims with these answers.
"""

from __future__ import annotations

from .lexicon import (
    ORG_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    PRODUCT_NOUNS,
    RELATIVE_PRONOUNS,
)
from .patterns import ROLES, VERBS
from .resolve import DocEntities, DocEntity

__all__ = ["Referents", "verb_lemma", "noun_lemma", "distinct", "compounds", "SUBJ_DEPS",
           "OBJ_DEPS", "JOINING_VERBS"]

#: Dependency labels of a verb's subject and of its direct object.
SUBJ_DEPS = ("nsubj", "csubj")
OBJ_DEPS = ("dobj", "obj")

#: Trigger verbs with no direct object: a participle of one modifying a name is its action.
_INTRANSITIVE = frozenset(lemma for lemma, triggers in VERBS.items()
                          if all(not t.direct for t in triggers))

#: Verbs whose object does what their "of"/"for" clause says: "accused Beta of copying".
_ACCUSING_VERBS = frozenset({"accuse", "charge", "blame", "credit", "suspect", "sue", "fine",
                             "criticise", "criticize", "praise", "thank", "convict"})

#: Verbs that take on someone else's people: "Acme hired its co-founder" is another's.
_HIRING_VERBS = frozenset({"hire", "poach", "recruit", "lure"})

#: Pronouns that stand for the subject of their own verb.
_REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})

#: "one of its co-founders": the title is held by who "one" is.
_ONE_OF = frozenset({"one", "two", "three", "some", "several", "among"})

#: Verbs whose subject takes a role at their object: "joined Acme as chief executive".
JOINING_VERBS = frozenset({"join", "rejoin"})

#: Verbs that say what their subject is ("Acme is / became / remains Beta's partner").
_COPULAS = frozenset({"be", "become", "remain", "stay"})


#: Words the lemmatizer reads wrong, by surface form: "fined" -> "fin", "hopes" -> "hop".
_LEMMA_SLIPS = {"fined": "fine", "fines": "fine", "hopes": "hope"}


def verb_lemma(tok) -> str:
    """The lemma of a verb, mending the lemmatizer's slips: hyphenated words
    ("co-founded"), "fined", "hopes", "to found"."""
    lemma = _LEMMA_SLIPS.get(tok.lower_) or tok.lemma_.lower()
    if lemma.startswith("co-found"):
        return "co-found"
    if lemma == "find" and tok.lower_ in ("found", "founds", "founding") and (
            tok.tag_ in ("VB", "VBP", "VBZ", "VBG") or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        return "found"  # "to found Beta": the lemmatizer reads "find"
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


class Referents:
    """Who or what the words of a sentence stand for: names, pronouns, descriptions
    ("the company"), titles ("its chief executive") and the subjects of verbs."""

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
                    or self._described_subject(tok) \
                    or self.ents.antecedent(tok, ("Organization",), exclude=self._binders(tok))
                out += [a] if a else []
        elif tok.pos_ in ("NOUN", "PROPN"):
            out += self._refer_noun(tok, seen)
        for c in tok.children:
            if c.dep_ == "conj" and conj:
                out += self.refer(c, seen)
        return distinct(out)

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
            objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
            if not objs and verb.dep_ == "conj":  # "which Musk co-founded and is suing"
                objs = [c for c in verb.head.children if c.dep_ in OBJ_DEPS]
            first = objs[0] if objs else None
        else:
            return None
        hit = [e for e in self.refer(first, conj=False) if e.type == "Organization"] \
            if first is not None else []
        return hit[0] if len(hit) == 1 else None

    def _described_subject(self, tok) -> DocEntity | None:
        """ "The search company is a rival to Microsoft and OpenAI, and its Gemini
        models ...": "its" is the subject of the clause, or of the clause its own
        clause is joined to, when that subject is a description ("the company")."""
        if tok.lower_ != "its":
            return None
        node = tok
        for _ in range(8):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
        else:
            return None
        for verb in (node, node.head if node.dep_ == "conj" else None):
            if verb is None:
                continue
            subj = [c for c in verb.children if c.dep_ in SUBJ_DEPS
                    and tok not in c.subtree and c.pos_ == "NOUN"
                    and noun_lemma(c) in ORG_NOUNS
                    and any(d.lower_ in ("the", "this") for d in c.children)]
            if subj:
                hit = [e for e in self.refer(subj[0]) if e.type == "Organization"]
                return hit[0] if len(hit) == 1 else None
        return None

    def _binders(self, tok) -> set[int]:
        """Who an object pronoun cannot mean: the subject of its own verb ("Acme
        sued Beta, accusing it of ..." -- "it" is not Acme)."""
        verb = tok.head
        if verb.dep_ == "compound":
            verb = verb.head  # "its co-founder Jane Doe"
        hiring = verb.head.lemma_.lower() in _HIRING_VERBS
        if tok.dep_ == "poss" and verb.dep_ in OBJ_DEPS and hiring:
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
            if any(c.dep_ in SUBJ_DEPS + ("nsubjpass",) for c in node.children):
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
        accusing = gov.head if gov.dep_ in OBJ_DEPS + ("dative",) else gov
        if verb_lemma(accusing) not in _ACCUSING_VERBS:
            return None
        # "fined Acme $5m for ...": the one fined, not the sum
        objs = [c for c in accusing.children if c.dep_ in OBJ_DEPS + ("dative",)
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
                subj = [c for c in node.children if c.dep_ in SUBJ_DEPS and c.i != tok.i]
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
            for c in compounds(tok):
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
        return distinct(out) if len(out) > 1 or (out and doc[i - 1].text not in (",",)) else []

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
        if any(c.dep_ == "poss" for c in tok.children) and any(
                t.predicate == "subsidiaryOf" and not t.reverse for t in ROLES.get(
                    noun_lemma(tok), ())):
            # "Alphabet's Google unit": the unit is Google (without the possessor,
            # "the Yukos unit" is a unit of Yukos)
            named = [self.ents.at(c) for c in tok.children if c.dep_ == "compound"
                     and self.ents.at(c) and self.ents.at(c).type == "Organization"]
            if named:
                return named[:1]
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
        if tok.dep_ == "nsubj" and tok.head.lemma_ in ("include", "be") and tok.tag_ == "NNS":
            # "Acme's shareholders include Beta and Gamma"
            named = [c for c in tok.head.children if c.dep_ in OBJ_DEPS + ("attr",)]
            return self.refer(named[0], seen) if named else []
        if tok.dep_ == "oprd":
            # "named Jane Doe chief executive", "Jane Doe was named chief executive"
            named = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
            return self.refer(named[0], seen) if named else []
        if tok.dep_ in ("compound", "amod") and self.ents.at(tok.head):
            return [self.ents.at(tok.head)]
        if tok.dep_ == "pobj" and tok.head.lower_ == "among" and tok.head.head.pos_ == "VERB":
            # "counts HSBC and Barclays among its clients"
            objs = [c for c in tok.head.head.children if c.dep_ in OBJ_DEPS]
            return self.refer(objs[0], seen) if objs else []
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            # "named X as chief executive"; but "joined Acme as chief executive"
            verb = tok.head.head
            objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
            if objs and verb.lemma_.lower() not in JOINING_VERBS:
                return self.refer(objs[0], seen)
            return self.subject_of(verb, seen=seen)
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
            if c.dep_ in SUBJ_DEPS:
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


def compounds(tok) -> list:
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


def distinct(items: list[DocEntity]) -> list[DocEntity]:
    """``items`` without ``None`` and repeats, in order."""
    seen, out = set(), []
    for e in items:
        if e is not None and e.index not in seen:
            seen.add(e.index)
            out.append(e)
    return out
