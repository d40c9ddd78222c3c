"""What a claim carries besides its two parties: the sum and the date.

Both are read first from the claim's own sentence; a claim that has none there
takes them from a later sentence about the same event ("Acme agreed to buy
Beta. The deal, worth $5bn, was announced on Monday.") -- see :func:`carry`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Claim, EntityType, Money, Polarity
from ..predicates import MONEY_PREDICATES, PREDICATE
from .claims import RawClaim, Reading
from .dates import resolve_date
from .money import find_money
from .nouns import agent_phrases
from .rules import Kind, Rules

__all__ = ["claim_amount", "claim_date", "carry"]


def claim_amount(raw: RawClaim, sent, rules: Rules) -> Money | None:
    """The sum a claim carries, from its own sentence."""
    if raw.shared:
        return None
    spans = [m for m in find_money(sent.text) if m.paid]
    if not spans:
        return None
    # only the sums of the trigger's own clause: "Acme bought Beta for $5m, a year
    # after Gamma bought Delta for $9m"
    clause = _clause_tokens(raw.token, rules.words.deal_nouns) - _other_deals(raw, sent)
    own = [m for m in spans if _inside(m, sent, clause)]
    # the nearest to the trigger or to one of the claim's own parties: "awarded
    # Acme a $2bn contract and Beta a $4bn contract" gives Beta the $4bn
    places = [(raw.token.idx, raw.token.idx + len(raw.token))] + [
        (m.start_char, m.end_char)
        for e in (raw.subject, raw.object)
        for m in e.mentions
        if sent.start_char <= m.start_char < sent.end_char
    ]

    def gap(m) -> int:
        a, b = m.start + sent.start_char, m.end + sent.start_char
        return min(max(0, a - end, start - b) for start, end in places)

    return min(own, key=gap).money if own else None


def _clause_tokens(tok, deal_nouns: frozenset[str]) -> set[int]:
    """The clause around a trigger: the subtree of its verb (climbing "agreed to
    buy" to "agreed"), less the clauses within it that have a subject of their own
    ("..., and SoftBank will book a $1bn payment")."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    while node.dep_ in ("xcomp", "advcl") and node.head.i != node.i and not _own_subject(node):
        node = node.head  # "agreed to buy", "paid $2bn to license"
    path = {t.i for t in tok.ancestors} | {tok.i}
    out = {t.i for t in node.subtree}
    if node.dep_ == "relcl" and node.head.i != node.i:
        # "the $6bn which VEB lent Rosneft": the noun the clause describes
        out |= {t.i for t in node.head.subtree if t.i < node.left_edge.i}
    for t in node.subtree:
        if t.i in path or t.i == node.i:
            continue
        if (
            t.dep_ == "relcl"
            and t.head.i != tok.i
            and t.head.lemma_.lower() not in deal_nouns
            or t.dep_ == "acl"
            and t.tag_ in ("VBN", "VBG")
            and (t.head.ent_type_ or t.head.dep_ == "appos")
        ):
            # a clause about one of the nouns, not about the deal: "Arm, which
            # SoftBank bought for \u00a324bn, sued Qualcomm"
            out -= {u.i for u in t.subtree}
        elif t.pos_ not in ("VERB", "AUX"):
            continue
        elif t.dep_ in ("conj", "advcl", "ccomp", "relcl", "parataxis") and _own_subject(t):
            out -= {u.i for u in t.subtree}
    return out


def _other_deals(raw: RawClaim, sent) -> set[int]:
    """The verbs joined to the trigger's clause that deal with other parties: "taking
    over Beta in 2020 and paying $6bn for Gamma" keeps the $6bn from Beta's claim."""
    own = {t.i for e in (raw.subject, raw.object) for span in _spans(e, sent) for t in span}
    out: set[int] = set()
    path = {raw.token.i} | {a.i for a in raw.token.ancestors}
    for t in sent:
        if t.dep_ != "conj" or t.pos_ != "VERB" or t.i in path:
            continue
        tokens = {u.i for u in t.subtree}
        if raw.token.i in tokens:
            continue
        others = [e for e in sent.ents if e.label_ in ("ORG", "PERSON") and e.start in tokens]
        if others and not any(u.i in own for e in others for u in e):
            out |= tokens
    return out


def _own_subject(verb) -> bool:
    """Whether a clause has a subject of its own: not a relative pronoun standing
    for the noun it describes ("a deal that valued X at $33bn")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which")
        for c in verb.children
    )


def _inside(m, sent, tokens: set[int]) -> bool:
    """Whether the money span ``m`` (offsets in ``sent``) lies in ``tokens``."""
    span = sent.doc.char_span(
        sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand"
    )
    return span is not None and all(t.i in tokens for t in span)


#: Links a time phrase can be inherited through: "announced a deal on Monday",
#: "agreed on Monday to buy"; not a relative clause or an apposition.
_DATE_LINKS = frozenset({"dobj", "pobj", "prep", "attr", "nsubjpass", "xcomp", "oprd", "agent"})


def _anchors(tok, reading: Reading, role: bool, rules: Rules) -> set[int]:
    """The trigger and the words that govern it: where its time phrase can attach.

    A description ("its chief executive", "xAI's Grok") is dated only by what
    it contains itself, unless a verb makes it an event ("would return as its
    chief executive"). An event noun is also dated by a participle or relative
    clause of its own ("the complaint, filed on Thursday").
    """
    out = {tok.i}
    if role:
        tok, reading = _role_event(tok, reading, out, rules)
    if reading is Reading.VERB:
        out |= _deal_words(tok, rules)
    elif reading is Reading.NOUN:
        out.update(c.i for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
        out.update(b.i for b in agent_phrases(tok))  # "the acquisition of X by Y last year"
    else:
        return out
    words = rules.words
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            break
        announced = (
            node.dep_ in ("ccomp", "advcl") and node.head.lemma_.lower() in words.announcing_verbs
        )
        # "Acme's agreement in October to buy Beta": the agreement's date
        agreed = node.dep_ == "acl" and node.head.lemma_.lower() in words.deal_nouns
        if node.dep_ not in _DATE_LINKS and not announced and not agreed:
            break
        node = node.head
        if node.lemma_.lower() in words.cancelling_verbs:
            break
        out.add(node.i)
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "ccomp", "advcl"):
            break
    return out


def _role_event(tok, reading: Reading, out: set[int], rules: Rules):
    """The verb that makes taking up a role an event: "would return as its chief
    executive", "won the contest on Monday to become TikTok's partner"."""
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "as"
        and tok.head.head.lemma_.lower() in rules.words.taking_up_verbs
    ):
        tok = tok.head.head
        out.add(tok.i)
        return tok, Reading.VERB
    if tok.dep_ == "attr" and tok.head.lemma_ == "become":
        tok = tok.head
        out.add(tok.i)
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj", "nsubj"):
            out.add(tok.head.i)
            tok = tok.head
        return tok, Reading.VERB
    return tok, reading


def _deal_words(tok, rules: Rules) -> set[int]:
    """ "acquired Beta in a deal announced in January 2024": the deal and its clause."""
    out: set[int] = set()
    for p in (
        p
        for c in tok.children
        if c.dep_ == "prep"
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in rules.words.deal_nouns
    ):
        out.add(p.i)
        out.update(c.i for c in p.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
    return out


def claim_date(raw: RawClaim, sent, published, rules: Rules) -> str | None:
    """The date the sentence gives the claim's event, resolved against ``published``."""
    role = raw.trigger.kind is Kind.ROLE
    when = _date_at(_anchors(raw.token, raw.reading, role, rules), sent, published)
    tok = raw.token
    if (
        when is None
        and raw.reading is Reading.VERB
        and tok.dep_ == "conj"
        and tok.head.lemma_ == tok.lemma_
    ):
        # "Acme sued Beta last year, and Gamma sued Delta": one date for both
        when = _date_at(_anchors(tok.head, raw.reading, role, rules), sent, published)
    if when is None and raw.reading is Reading.NOUN and tok.tag_ == "NNS":
        # "acquisitions, including Beta in 2012 and Gamma in 2017": each its own
        when = _date_at(_object_roots(raw, sent), sent, published)
    return when


def _object_roots(raw: RawClaim, sent) -> set[int]:
    """The heads of the claim object's mentions in ``sent``."""
    return {span.root.i for span in _spans(raw.object, sent)}


def _spans(entity, sent) -> list:
    """The spans of an entity's mentions in ``sent``."""
    spans = (
        sent.doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        for m in entity.mentions
        if sent.start_char <= m.start_char < sent.end_char
    )
    return [span for span in spans if span is not None]


def _date_at(anchors: set[int], sent, published) -> str | None:
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        node = ent.root
        for _ in range(5):
            if node.head.i == node.i:
                break
            node = node.head
            if node.i in anchors:
                if _ends(ent):
                    break  # "owned by Acme until 2021": when it stopped, not when it began
                # NER may cut a phrase short ("the summer of" | "2022"): read its subtree
                phrase = ent.doc[ent.root.left_edge.i : ent.root.right_edge.i + 1].text
                when = resolve_date(ent.text, published) or resolve_date(phrase, published)
                if when:
                    return when
                break  # no date in it after all: try the next phrase
            if node.pos_ in ("VERB", "AUX") and node.i not in anchors:
                break
    return None


def _ends(ent) -> bool:
    """Whether a time phrase gives an end ("until 2021", "till March")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return any(
        t.lower_ in ("until", "till", "til") for t in (before, ent.root.head) if t is not None
    )


#: How many sentences after a claim its event is looked for.
CARRY_WINDOW = 6

_PARTIES = (EntityType.ORGANIZATION, EntityType.PERSON)


def carry(found: list[tuple[Claim, RawClaim]], doc, ents, published, rules: Rules) -> list[Claim]:
    """The claims, each missing sum or date taken from a later sentence that names
    the same event with a noun ("the deal", "the complaint": the predicate's
    ``event_nouns``) and no other party.

    The event is looked for in the next :data:`CARRY_WINDOW` sentences, and no
    further than a sentence with another claim of the same predicate (a later
    "the deal" would be that one's). A sum shared by several parties stays unsplit
    (none is given).
    """
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    by_sentence: dict[int, set] = {}
    for claim, raw in found:
        k = index[raw.token.sent.start]
        by_sentence.setdefault(k, set()).add((claim.predicate, claim.subject, claim.object))
    out = []
    for claim, raw in found:
        if _wants(claim, raw):
            later = sents[index[raw.token.sent.start] + 1 :][:CARRY_WINDOW]
            claim = _carried(claim, raw, later, by_sentence, index, ents, published, rules)
        out.append(claim)
    return out


def _wants(claim: Claim, raw: RawClaim) -> bool:
    """Whether an asserted event lacks a sum or a date a later sentence may give."""
    want_amount = claim.amount is None and claim.predicate in MONEY_PREDICATES and not raw.shared
    want_date = claim.date is None and not claim.ended
    return (
        claim.polarity == Polarity.ASSERTED
        and raw.reading.event
        and bool(PREDICATE[claim.predicate].event_nouns)
        and (want_amount or want_date)
    )


def _carried(
    claim: Claim, raw: RawClaim, later, by_sentence, index, ents, published, rules: Rules
) -> Claim:
    """``claim`` with the sum and date of the first later sentence naming its event."""
    nouns = PREDICATE[claim.predicate].event_nouns
    want_amount = claim.amount is None and claim.predicate in MONEY_PREDICATES and not raw.shared
    want_date = claim.date is None and not claim.ended
    pair = {raw.subject.index, raw.object.index}
    for sent in later:
        others = {
            t
            for t in by_sentence.get(index[sent.start], ())
            if t[0] == claim.predicate and t[1:] != (claim.subject, claim.object)
        }
        if others:
            break  # a later event of the same kind: what follows is about it
        noun = next(
            (
                t
                for t in sent
                if t.pos_ == "NOUN"
                and t.lemma_.lower() in nouns
                and not _names_others(t, ents, pair)
            ),
            None,
        )
        if noun is None:
            price = _price_for(raw, sent, ents, pair, rules) if want_amount else None
            if price is not None:
                return replace(claim, amount=price)
            continue
        amount = _event_amount(noun, sent, rules) if want_amount else None
        when = (
            _date_at(_anchors(noun, Reading.NOUN, False, rules), sent, published)
            if want_date and not _expected(noun)
            else None
        )
        if amount or when:
            return replace(claim, amount=claim.amount or amount, date=claim.date or when)
    return claim


def _price_for(raw: RawClaim, sent, ents, pair: set[int], rules: Rules) -> Money | None:
    """The sum paid or received "for" what was bought, named again in a later sentence
    with no other party: "Acme will receive 350 mln dlrs for the Beta unit"."""
    if raw.predicate != "acquires":
        return None
    for t in sent:
        if t.lower_ != "for" or t.dep_ != "prep":
            continue
        named = {ents.at(u).index for u in t.subtree if ents.at(u) is not None}
        if raw.object.index not in named or named - pair:
            continue
        spans = [m for m in find_money(sent.text) if m.paid]
        clause = _clause_tokens(t.head, rules.words.deal_nouns)
        own = [m for m in spans if _inside(m, sent, clause)]
        if len(own) == 1:
            return own[0].money
    return None


def _expected(noun) -> bool:
    """Whether a later sentence speaks of the event to come ("completion of the
    transaction is expected in May", "the deal will close next year"): its date is
    not the claim's."""
    for t in noun.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in ("expect", "schedule", "due") or any(
                c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in t.children
            )
    return False


def _names_others(noun, ents, pair: set[int]) -> bool:
    """Whether the phrase of ``noun`` names a party that is not one of ``pair``."""
    for t in noun.subtree:
        e = ents.at(t)
        if e is not None and e.type in _PARTIES and e.index not in pair:
            return True
    return False


def _event_amount(noun, sent, rules: Rules) -> Money | None:
    spans = [m for m in find_money(sent.text) if m.paid]
    clause = _clause_tokens(noun, rules.words.deal_nouns)
    own = [m for m in spans if _inside(m, sent, clause)]
    if not own:
        return None
    return min(own, key=lambda m: abs(m.start + sent.start_char - noun.idx)).money
