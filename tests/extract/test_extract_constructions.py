"""Every construction the rules read, on docs built by hand: no trained model is
loaded, so these tests say what a rule does with a given parse (the parses are
those the small English model gives, or the misparses it is known for)."""

from __future__ import annotations

import pytest

# ------------------------------------------------------------------------- verbs


def test_extract_active_verb(table_triples) -> None:
    assert table_triples("""
        Acme      Acme     PROPN NNP nsubj 1 B-ORG
        acquired  acquire  VERB  VBD ROOT  1 O
        Beta      Beta     PROPN NNP dobj  1 B-ORG
        .         .        PUNCT .   punct 1 O
    """) == {("acme", "acquires", "beta")}


def test_extract_passive_verb_with_its_date(read_table) -> None:
    _, claims = read_table("""
        Beta      Beta     PROPN NNP nsubjpass 2 B-ORG
        was       be       AUX   VBD auxpass   2 O
        acquired  acquire  VERB  VBN ROOT      2 O
        by        by       ADP   IN  agent     2 O
        Acme      Acme     PROPN NNP pobj      3 B-ORG
        in        in       ADP   IN  prep      2 O
        2019      2019     NUM   CD  pobj      5 B-DATE
        .         .        PUNCT .   punct     2 O
    """)
    assert [(c.subject, c.predicate, c.object, c.date, c.method) for c in claims] == [
        ("acme", "acquires", "beta", "2019", "verb:acquire:passive")
    ]


def test_extract_relative_clause(table_triples) -> None:
    assert table_triples("""
        Acme      Acme     PROPN NNP nsubj 6 B-ORG
        ,         ,        PUNCT ,   punct 0 O
        which     which    PRON  WDT nsubj 3 O
        acquired  acquire  VERB  VBD relcl 0 O
        Beta      Beta     PROPN NNP dobj  3 B-ORG
        ,         ,        PUNCT ,   punct 0 O
        grew      grow     VERB  VBD ROOT  6 O
        .         .        PUNCT .   punct 6 O
    """) == {("acme", "acquires", "beta")}


def test_extract_reduced_relative(table_triples) -> None:
    """ "Beta, acquired by Acme in 2019, grew": a participle modifying the name."""
    assert table_triples("""
        Beta      Beta     PROPN NNP nsubj 8 B-ORG
        ,         ,        PUNCT ,   punct 0 O
        acquired  acquire  VERB  VBN acl   0 O
        by        by       ADP   IN  agent 2 O
        Acme      Acme     PROPN NNP pobj  3 B-ORG
        in        in       ADP   IN  prep  2 O
        2019      2019     NUM   CD  pobj  5 B-DATE
        ,         ,        PUNCT ,   punct 0 O
        grew      grow     VERB  VBD ROOT  8 O
        .         .        PUNCT .   punct 8 O
    """) == {("acme", "acquires", "beta")}


def test_extract_gap_read_from_the_words(table_triples) -> None:
    """ "Beta, the company Jane Doe founded": the small model makes "founded" a
    modifier of "company" and "Jane Doe" its apposition; the gap rule reads the
    words instead."""
    assert table_triples("""
        Beta     Beta     PROPN NNP nsubj    8 B-ORG
        ,        ,        PUNCT ,   punct    8 O
        the      the      DET   DT  det      3 O
        company  company  NOUN  NN  nsubj    8 O
        Jane     Jane     PROPN NNP compound 5 B-PERSON
        Doe      Doe      PROPN NNP appos    3 I-PERSON
        founded  found    VERB  VBD acl      3 O
        ,        ,        PUNCT ,   punct    8 O
        grew     grow     VERB  VBD ROOT     8 O
        .        .        PUNCT .   punct    8 O
    """) == {("jane-doe", "founderOf", "beta")}


def test_extract_coordination(table_triples) -> None:
    assert table_triples("""
        Acme   Acme   PROPN NNP nsubj 1 B-ORG
        sued   sue    VERB  VBD ROOT  1 O
        Beta   Beta   PROPN NNP dobj  1 B-ORG
        and    and    CCONJ CC  cc    2 O
        Gamma  Gamma  PROPN NNP conj  2 B-ORG
        .      .      PUNCT .   punct 1 O
    """) == {("acme", "sues", "beta"), ("acme", "sues", "gamma")}


def test_extract_product_built_into_another(table_triples) -> None:
    assert table_triples("""
        Acme    Acme    PROPN NNP  nsubj 1 B-ORG
        built   build   VERB  VBD  ROOT  1 O
        Zephyr  Zephyr  PROPN NNP  dobj  1 B-PRODUCT
        into    into    ADP   IN   prep  1 O
        its     its     PRON  PRP$ poss  5 O
        cars    car     NOUN  NNS  pobj  3 O
        .       .       PUNCT .    punct 1 O
    """) == {("acme", "offers", "zephyr")}


def test_extract_sale_to_a_buyer(table_triples) -> None:
    assert table_triples("""
        Acme   Acme   PROPN NNP nsubj 1 B-ORG
        sold   sell   VERB  VBD ROOT  1 O
        Beta   Beta   PROPN NNP dobj  1 B-ORG
        to     to     ADP   IN  prep  1 O
        Gamma  Gamma  PROPN NNP pobj  3 B-ORG
        .      .      PUNCT .   punct 1 O
    """) == {("gamma", "acquires", "beta"), ("beta", "subsidiaryOf", "acme")}


def test_extract_joint_action(table_triples) -> None:
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj  5 B-ORG
        and      and      CCONJ CC  cc     0 O
        Beta     Beta     PROPN NNP conj   0 B-ORG
        will     will     AUX   MD  aux    5 O
        jointly  jointly  ADV   RB  advmod 5 O
        develop  develop  VERB  VB  ROOT   5 O
        a        a        DET   DT  det    7 O
        chip     chip     NOUN  NN  dobj   5 O
        .        .        PUNCT .   punct  5 O
    """) == {("acme", "partnerOf", "beta")}


def test_extract_hyphenated_participle(table_triples) -> None:
    """ "Beta, the Doe-founded company": the name before the hyphen founded it."""
    assert table_triples("""
        Beta      Beta     PROPN NNP nsubj    8 B-ORG
        ,         ,        PUNCT ,   punct    0 O
        the       the      DET   DT  det      6 O
        Doe       Doe      PROPN NNP npadvmod 5 B-PERSON
        +-        -        PUNCT HYPH punct   5 O
        +founded  found    VERB  VBN amod     6 O
        company   company  NOUN  NN  appos    0 O
        ,         ,        PUNCT ,   punct    0 O
        grew      grow     VERB  VBD ROOT     8 O
        .         .        PUNCT .   punct    8 O
    """) == {("doe", "founderOf", "beta")}


def test_extract_phrasing_with_a_particle(read_table) -> None:
    """The worked example of docs/extending.md: "snapped up" is an acquisition."""
    _, claims = read_table("""
        Acme     Acme     PROPN NNP nsubj 1 B-ORG
        snapped  snap     VERB  VBD ROOT  1 O
        up       up       ADP   RP  prt   1 O
        Beta     Beta     PROPN NNP dobj  1 B-ORG
        in       in       ADP   IN  prep  1 O
        2021     2021     NUM   CD  pobj  4 B-DATE
        .        .        PUNCT .   punct 1 O
    """)
    assert [(c.subject, c.predicate, c.object, c.date) for c in claims] == [
        ("acme", "acquires", "beta", "2021")
    ]


# ------------------------------------------------------------------- event nouns


def test_extract_event_noun_governed_by_a_verb(table_triples) -> None:
    assert table_triples("""
        Acme         Acme         PROPN NNP nsubj 1 B-ORG
        announced    announce     VERB  VBD ROOT  1 O
        a            a            DET   DT  det   3 O
        partnership  partnership  NOUN  NN  dobj  1 O
        with         with         ADP   IN  prep  3 O
        Beta         Beta         PROPN NNP pobj  4 B-ORG
        .            .            PUNCT .   punct 1 O
    """) == {("acme", "partnerOf", "beta")}


def test_extract_lawsuit_faced_by_its_defendant(table_triples) -> None:
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj 1 B-ORG
        faces    face     VERB  VBZ ROOT  1 O
        a        a        DET   DT  det   3 O
        lawsuit  lawsuit  NOUN  NN  dobj  1 O
        from     from     ADP   IN  prep  3 O
        Beta     Beta     PROPN NNP pobj  4 B-ORG
        .        .        PUNCT .   punct 1 O
    """) == {("beta", "sues", "acme")}


def test_extract_damages_sought_are_a_lawsuit_with_its_sum(read_table) -> None:
    _, claims = read_table("""
        Acme     Acme     PROPN NNP nsubj    2 B-ORG
        is       be       AUX   VBZ aux      2 O
        seeking  seek     VERB  VBG ROOT     2 O
        5        5        NUM   CD  compound 4 B-MONEY
        million  million  NUM   CD  nummod   5 I-MONEY
        dollars  dollar   NOUN  NNS dobj     2 I-MONEY
        in       in       ADP   IN  prep     5 O
        damages  damage   NOUN  NNS pobj     6 O
        from     from     ADP   IN  prep     2 O
        Beta     Beta     PROPN NNP pobj     8 B-ORG
        .        .        PUNCT .   punct    2 O
    """)
    assert [(c.subject, c.predicate, c.object, c.polarity, c.amount.value) for c in claims] == [
        ("acme", "sues", "beta", "asserted", 5e6)
    ]


def test_extract_event_carries_the_sum_and_date_of_a_later_sentence(read_table) -> None:
    _, claims = read_table(
        """
        Acme       Acme      PROPN NNP nsubj     1  B-ORG
        agreed     agree     VERB  VBD ROOT      1  O
        to         to        PART  TO  aux       3  O
        buy        buy       VERB  VB  xcomp     1  O
        Beta       Beta      PROPN NNP dobj      3  B-ORG
        .          .         PUNCT .   punct     1  O
        The        the       DET   DT  det       7  O
        deal       deal      NOUN  NN  nsubjpass 16 O
        ,          ,         PUNCT ,   punct     7  O
        valued     value     VERB  VBN acl       7  O
        at         at        ADP   IN  prep      9  O
        5          5         NUM   CD  compound  12 B-MONEY
        million    million   NUM   CD  nummod    13 I-MONEY
        dollars    dollar    NOUN  NNS pobj      10 I-MONEY
        ,          ,         PUNCT ,   punct     7  O
        was        be        AUX   VBD auxpass   16 O
        announced  announce  VERB  VBN ROOT      16 O
        on         on        ADP   IN  prep      16 O
        Monday     Monday    PROPN NNP pobj      17 B-DATE
        .          .         PUNCT .   punct     16 O
    """,
        published="2026-11-25",
    )
    assert [(c.predicate, c.amount.value, c.date) for c in claims] == [
        ("acquires", 5e6, "2026-11-23")
    ]


# ------------------------------------------------------------------- role nouns


def test_extract_role_in_apposition(table_triples) -> None:
    assert table_triples("""
        Jane       Jane       PROPN NNP compound 1 B-PERSON
        Doe        Doe        PROPN NNP nsubj    8 I-PERSON
        ,          ,          PUNCT ,   punct    1 O
        Acme       Acme       PROPN NNP poss     6 B-ORG
        's         's         PART  POS case     3 O
        chief      chief      ADJ   JJ  amod     6 O
        executive  executive  NOUN  NN  appos    1 O
        ,          ,          PUNCT ,   punct    1 O
        left       leave      VERB  VBD ROOT     8 O
        .          .          PUNCT .   punct    8 O
    """) == {("jane-doe", "executiveOf", "acme")}


def test_extract_role_noun_added_to_the_executives(table_triples) -> None:
    """The worked example of docs/extending.md: "chairperson" is an executive's title."""
    assert table_triples("""
        Jane         Jane         PROPN NNP compound 1 B-PERSON
        Doe          Doe          PROPN NNP nsubj    8 I-PERSON
        ,            ,            PUNCT ,   punct    1 O
        the          the          DET   DT  det      4 O
        chairperson  chairperson  NOUN  NN  appos    1 O
        of           of           ADP   IN  prep     4 O
        Acme         Acme         PROPN NNP pobj     5 B-ORG
        ,            ,            PUNCT ,   punct    1 O
        left         leave        VERB  VBD ROOT     8 O
        .            .            PUNCT .   punct    8 O
    """) == {("jane-doe", "executiveOf", "acme")}


def test_extract_role_after_a_copula(table_triples) -> None:
    assert table_triples("""
        Jane       Jane       PROPN NNP compound 1 B-PERSON
        Doe        Doe        PROPN NNP nsubj    2 I-PERSON
        is         be         AUX   VBZ ROOT     2 O
        the        the        DET   DT  det      5 O
        chief      chief      ADJ   JJ  amod     5 O
        executive  executive  NOUN  NN  attr     2 O
        of         of         ADP   IN  prep     5 O
        Acme       Acme       PROPN NNP pobj     6 B-ORG
        .          .          PUNCT .   punct    2 O
    """) == {("jane-doe", "executiveOf", "acme")}


def test_extract_role_compounded_with_names(table_triples) -> None:
    """ "Acme chief executive Jane Doe left": the title between the company and the
    person."""
    assert table_triples("""
        Acme       Acme       PROPN NNP compound 4 B-ORG
        chief      chief      ADJ   JJ  amod     2 O
        executive  executive  NOUN  NN  compound 4 O
        Jane       Jane       PROPN NNP compound 4 B-PERSON
        Doe        Doe        PROPN NNP nsubj    5 I-PERSON
        left       leave      VERB  VBD ROOT     5 O
        .          .          PUNCT .   punct    5 O
    """) == {("jane-doe", "executiveOf", "acme")}


def test_extract_role_of_an_organisation_in_apposition(table_triples) -> None:
    assert table_triples("""
        Beta       Beta       PROPN NNP nsubj    8 B-ORG
        ,          ,          PUNCT ,   punct    0 O
        the        the        DET   DT  det      4 O
        satellite  satellite  NOUN  NN  compound 4 O
        arm        arm        NOUN  NN  appos    0 O
        of         of         ADP   IN  prep     4 O
        Acme       Acme       PROPN NNP pobj     5 B-ORG
        ,          ,          PUNCT ,   punct    0 O
        grew       grow       VERB  VBD ROOT     8 O
        .          .          PUNCT .   punct    8 O
    """) == {("beta", "subsidiaryOf", "acme")}


def test_extract_bare_title_takes_the_story_organisation(read_table) -> None:
    """ "Acme grew. Chief executive Jane Doe left.": no organisation is said, so the
    one the story is about is guessed, and the claim says so in its method."""
    _, claims = read_table("""
        Acme       Acme       PROPN NNP nsubj    1 B-ORG
        grew       grow       VERB  VBD ROOT     1 O
        .          .          PUNCT .   punct    1 O
        Chief      chief      ADJ   JJ  amod     4 O
        executive  executive  NOUN  NN  compound 6 O
        Jane       Jane       PROPN NNP compound 6 B-PERSON
        Doe        Doe        PROPN NNP nsubj    7 I-PERSON
        left       leave      VERB  VBD ROOT     7 O
        .          .          PUNCT .   punct    7 O
    """)
    assert [(c.subject, c.predicate, c.object, c.method) for c in claims] == [
        ("jane-doe", "executiveOf", "acme", "role:executive:context")
    ]


def test_extract_role_types_an_untyped_name(read_table) -> None:
    """NER calls "Twitch" a person; "the co-founder of Twitch" makes it a company."""
    entities, claims = read_table("""
        Jane        Jane        PROPN NNP compound 1 B-PERSON
        Doe         Doe         PROPN NNP nsubj    8 I-PERSON
        ,           ,           PUNCT ,   punct    1 O
        the         the         DET   DT  det      4 O
        co-founder  co-founder  NOUN  NN  appos    1 O
        of          of          ADP   IN  prep     4 O
        Twitch      Twitch      PROPN NNP pobj     5 B-PERSON
        ,           ,           PUNCT ,   punct    1 O
        spoke       speak       VERB  VBD ROOT     8 O
        .           .           PUNCT .   punct    8 O
    """)
    assert {e.label: e.type for e in entities}["Twitch"] == "Organization"
    assert [(c.subject, c.predicate, c.object) for c in claims] == [
        ("jane-doe", "founderOf", "twitch")
    ]


# ------------------------------------------------------------------- possessives


def test_extract_possessive_product(table_triples) -> None:
    assert table_triples("""
        Acme     Acme     PROPN NNP poss     3 B-ORG
        's       's       PART  POS case     0 O
        Zephyr   Zephyr   PROPN NNP compound 3 B-PRODUCT
        chatbot  chatbot  NOUN  NN  nsubj    4 O
        is       be       AUX   VBZ ROOT     4 O
        popular  popular  ADJ   JJ  acomp    4 O
        .        .        PUNCT .   punct    4 O
    """) == {("acme", "develops", "zephyr")}


def test_extract_product_noun_types_a_name_ner_calls_a_place(read_table) -> None:
    """NER tags "Zephyr" GPE; "the Zephyr chatbot" is a product."""
    entities, _ = read_table("""
        Acme     Acme     PROPN NNP poss     3 B-ORG
        's       's       PART  POS case     0 O
        Zephyr   Zephyr   PROPN NNP compound 3 B-GPE
        chatbot  chatbot  NOUN  NN  nsubj    4 O
        is       be       AUX   VBZ ROOT     4 O
        popular  popular  ADJ   JJ  acomp    4 O
        .        .        PUNCT .   punct    4 O
    """)
    assert {e.label: e.type for e in entities} == {"Acme": "Organization", "Zephyr": "Product"}


# ---------------------------------------------------------- polarity, attribution


@pytest.mark.parametrize(
    "table, polarity",
    [
        (
            """
        Acme     Acme     PROPN NNP nsubj 3 B-ORG
        did      do       AUX   VBD aux   3 O
        not      not      PART  RB  neg   3 O
        acquire  acquire  VERB  VB  ROOT  3 O
        Beta     Beta     PROPN NNP dobj  3 B-ORG
        .        .        PUNCT .   punct 3 O
    """,
            "negated",
        ),
        (
            """
        Acme     Acme     PROPN NNP nsubj 2 B-ORG
        could    could    AUX   MD  aux   2 O
        acquire  acquire  VERB  VB  ROOT  2 O
        Beta     Beta     PROPN NNP dobj  2 B-ORG
        .        .        PUNCT .   punct 2 O
    """,
            "hedged",
        ),
        (
            """
        Acme   Acme   PROPN NNP nsubj 1 B-ORG
        is     be     AUX   VBZ ROOT  1 O
        in     in     ADP   IN  prep  1 O
        talks  talk   NOUN  NNS pobj  2 O
        to     to     PART  TO  aux   5 O
        buy    buy    VERB  VB  acl   3 O
        Beta   Beta   PROPN NNP dobj  5 B-ORG
        .      .      PUNCT .   punct 1 O
    """,
            "hedged",
        ),
    ],
    ids=["did-not", "could", "in-talks"],
)
def test_extract_polarity(read_table, table, polarity) -> None:
    _, claims = read_table(table)
    assert [(c.subject, c.predicate, c.object, c.polarity) for c in claims] == [
        ("acme", "acquires", "beta", polarity)
    ]


def test_extract_attribution_to_a_closing_reporter(read_table) -> None:
    _, claims = read_table("""
        Acme      Acme     PROPN NNP nsubj 2 B-ORG
        will      will     AUX   MD  aux   2 O
        buy       buy      VERB  VB  ccomp 6 O
        Beta      Beta     PROPN NNP dobj  2 B-ORG
        ,         ,        PUNCT ,   punct 6 O
        Gamma     Gamma    PROPN NNP nsubj 6 B-ORG
        reported  report   VERB  VBD ROOT  6 O
        .         .        PUNCT .   punct 6 O
    """)
    assert [(c.predicate, c.attributed_to) for c in claims] == [("acquires", "gamma")]
