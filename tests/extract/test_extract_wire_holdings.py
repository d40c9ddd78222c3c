"""Wire-style holdings reports: who holds shares, read from hand-built docs (no model)."""

from __future__ import annotations


def test_extract_a_group_controlled_by_someone_stands_for_them(read_table) -> None:
    """ "A group of funds controlled by investor Jane Doe said it has bought 5.1 pct of
    Corvale": the group's stake is hers, and so is what the group says."""
    _, claims = read_table("""
        A              a            DET    DT    det        1   O
        group          group        NOUN   NN    nsubj      9   O
        of             of           ADP    IN    prep       1   O
        funds          fund         NOUN   NNS   pobj       2   O
        controlled     control      VERB   VBN   acl        3   O
        by             by           ADP    IN    agent      4   O
        investor       investor     NOUN   NN    compound   8   O
        Jane           Jane         PROPN  NNP   compound   8   B-PERSON
        Doe            Doe          PROPN  NNP   pobj       5   I-PERSON
        said           say          VERB   VBD   ROOT       9   O
        it             it           PRON   PRP   nsubj      12  O
        has            have         AUX    VBZ   aux        12  O
        bought         buy          VERB   VBN   ccomp      9   O
        5.1            5.1          NUM    CD    nummod     14  B-CARDINAL
        pct            pct          NOUN   NN    dobj       12  O
        of             of           ADP    IN    prep       14  O
        Corvale        Corvale      PROPN  NNP   compound   17  B-ORG
        Networks       Networks     PROPN  NNP   pobj       15  I-ORG
        .              .            PUNCT  .     punct      9   O
    """)
    assert [(c.subject, c.predicate, c.object, c.polarity, c.attributed_to) for c in claims] == [
        ("jane-doe", "investsIn", "corvale-networks", "asserted", "jane-doe")
    ]


def test_extract_the_group_is_the_one_the_story_says_is_led(read_table) -> None:
    """ "a group formed by Jane Doe offered to buy Corvale. The group owns about six pct
    of Corvale": the offer is no deal, the holding is hers."""
    _, claims = read_table("""
        Last           last         ADJ    JJ    amod       1   B-DATE
        week           week         NOUN   NN    npadvmod   9   I-DATE
        ,              ,            PUNCT  ,     punct      9   O
        a              a            DET    DT    det        4   O
        group          group        NOUN   NN    nsubj      9   O
        formed         form         VERB   VBN   acl        4   O
        by             by           ADP    IN    agent      5   O
        Jane           Jane         PROPN  NNP   compound   8   B-PERSON
        Doe            Doe          PROPN  NNP   pobj       6   I-PERSON
        offered        offer        VERB   VBD   ROOT       9   O
        to             to           PART   TO    aux        11  O
        buy            buy          VERB   VB    xcomp      9   O
        Corvale        Corvale      PROPN  NNP   dobj       11  B-ORG
        .              .            PUNCT  .     punct      9   O
        The            the          DET    DT    det        15  O
        group          group        NOUN   NN    nsubj      16  O
        owns           own          VERB   VBZ   ROOT       16  O
        about          about        ADV    RB    advmod     18  B-CARDINAL
        six            six          NUM    CD    nummod     19  I-CARDINAL
        pct            pct          NOUN   NN    dobj       16  O
        of             of           ADP    IN    prep       19  O
        Corvale        Corvale      PROPN  NNP   pobj       20  B-ORG
        .              .            PUNCT  .     punct      16  O
    """)
    assert sorted((c.subject, c.predicate, c.object, c.polarity) for c in claims) == [
        ("jane-doe", "acquires", "corvale", "hedged"),
        ("jane-doe", "investsIn", "corvale", "asserted"),
    ]
