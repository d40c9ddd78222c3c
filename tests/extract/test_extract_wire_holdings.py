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


def test_extract_a_group_with_an_adjective_is_a_company_not_the_led_group(table_triples) -> None:
    """ "A group formed by Acme grew. Zeta fell. Beta, the British group's arm, grew":
    the British group is a company named before, not the band Acme formed."""
    assert ("beta", "subsidiaryOf", "zeta") in table_triples("""
        A        a        DET   DT  det      1  O
        group    group    NOUN  NN  nsubj    5  O
        formed   form     VERB  VBN acl      1  O
        by       by       ADP   IN  agent    2  O
        Acme     Acme     PROPN NNP pobj     3  B-ORG
        grew     grow     VERB  VBD ROOT     5  O
        .        .        PUNCT .   punct    5  O
        Zeta     Zeta     PROPN NNP nsubj    8  B-ORG
        fell     fall     VERB  VBD ROOT     8  O
        .        .        PUNCT .   punct    8  O
        Beta     Beta     PROPN NNP nsubj    17 B-ORG
        ,        ,        PUNCT ,   punct    10 O
        the      the      DET   DT  det      14 O
        British  british  ADJ   JJ  amod     14 B-NORP
        group    group    NOUN  NN  poss     16 O
        's       's       PART  POS case     14 O
        arm      arm      NOUN  NN  appos    10 O
        grew     grow     VERB  VBD ROOT     17 O
        .        .        PUNCT .   punct    17 O
    """)


def test_extract_a_holder_of_a_share_of_a_company_named_before_its_ticker(table_triples) -> None:
    """ "Corvale Networks Inc <CRVL>, holder of 4.5 pct of Halvard Systems, said ...",
    parsed with the ticker heading the name: the holder is Corvale, of Halvard's shares."""
    assert table_triples("""
        Corvale        Corvale      PROPN  NNP   compound   2   B-ORG
        Networks       Networks     PROPN  NNPS  compound   2   I-ORG
        Inc            Inc          PROPN  NNP   nmod       4   I-ORG
        <              <            X      ADD   nmod       4   O
        +CRVL          CRVL         PROPN  NNP   nsubj      15  O
        +>             >            PUNCT  -RRB- punct      4   O
        ,              ,            PUNCT  ,     punct      4   O
        holder         holder       NOUN   NN    appos      4   O
        of             of           ADP    IN    prep       7   O
        4.5            4.5          NUM    CD    nummod     10  B-CARDINAL
        pct            pct          NOUN   NN    pobj       8   O
        of             of           ADP    IN    prep       10  O
        Halvard        Halvard      PROPN  NNP   compound   13  B-ORG
        Systems        Systems      PROPN  NNP   pobj       11  I-ORG
        ,              ,            PUNCT  ,     punct      4   O
        said           say          VERB   VBD   ROOT       15  O
        it             it           PRON   PRP   nsubj      18  O
        would          would        AUX    MD    aux        18  O
        vote           vote         VERB   VB    ccomp      15  O
        .              .            PUNCT  .     punct      15  O
    """) == {("corvale-networks", "investsIn", "halvard-systems")}


def test_extract_an_agreement_to_buy_something_is_no_partnership(table_triples) -> None:
    """ "reached an agreement with Halvard Systems to buy a complex": a purchase."""
    assert (
        table_triples("""
        Acme           Acme         PROPN  NNP   nsubj      1   B-ORG
        reached        reach        VERB   VBD   ROOT       1   O
        an             an           DET    DT    det        3   O
        agreement      agreement    NOUN   NN    dobj       1   O
        with           with         ADP    IN    prep       3   O
        Halvard        Halvard      PROPN  NNP   compound   6   B-ORG
        Systems        Systems      PROPN  NNPS  pobj       4   I-ORG
        to             to           PART   TO    aux        8   O
        buy            buy          VERB   VB    acl        3   O
        a              a            DET    DT    det        10  O
        complex        complex      NOUN   NN    dobj       8   O
        .              .            PUNCT  .     punct      1   O
    """)
        == set()
    )


def test_extract_a_title_set_beside_one_of_two_names_is_that_ones(table_triples) -> None:
    """ "Bravo Ltd, a subsidiary of Acme Corp, and Halvard Systems bid": only Bravo is
    Acme's subsidiary."""
    assert table_triples("""
        Bravo          Bravo        PROPN  NNP   compound   1   B-ORG
        Ltd            Ltd          PROPN  NNP   nsubj      12  I-ORG
        ,              ,            PUNCT  ,     punct      1   O
        a              a            DET    DT    det        4   O
        subsidiary     subsidiary   NOUN   NN    appos      1   O
        of             of           ADP    IN    prep       4   O
        Acme           Acme         PROPN  NNP   compound   7   B-ORG
        Corp           Corp         PROPN  NNP   pobj       5   I-ORG
        ,              ,            PUNCT  ,     punct      1   O
        and            and          CCONJ  CC    cc         1   O
        Halvard        Halvard      PROPN  NNP   compound   11  B-ORG
        Systems        Systems      PROPN  NNP   conj       1   I-ORG
        bid            bid          VERB   VBD   ROOT       12  O
        .              .            PUNCT  .     punct      12  O
    """) == {("bravo", "subsidiaryOf", "acme")}


def test_extract_the_first_object_of_a_sale_of_shares_is_the_buyer(table_triples) -> None:
    """ "Acme sold Corvale a 10 pct stake in Halvard": Corvale buys into Halvard (and
    Acme held it); Acme does not invest in Corvale."""
    assert table_triples("""
        Acme           Acme         PROPN  NNP   nsubj      1   B-ORG
        sold           sell         VERB   VBD   ROOT       1   O
        Corvale        Corvale      PROPN  NNP   dative     1   B-ORG
        a              a            DET    DT    det        6   O
        10             10           NUM    CD    nummod     6   B-CARDINAL
        pct            pct          NOUN   NN    compound   6   O
        stake          stake        NOUN   NN    dobj       1   O
        in             in           ADP    IN    prep       6   O
        Halvard        Halvard      PROPN  NNP   pobj       7   B-ORG
        .              .            PUNCT  .     punct      1   O
    """) == {("acme", "investsIn", "halvard"), ("corvale", "investsIn", "halvard")}


def test_extract_two_objects_of_a_sale_of_shares(table_triples) -> None:
    """ "Acme would sell Corvale 900,000 Halvard shares", read as two objects."""
    assert table_triples("""
        Acme           Acme         PROPN  NNP   nsubj      2   B-ORG
        would          would        AUX    MD    aux        2   O
        sell           sell         VERB   VB    ROOT       2   O
        Corvale        Corvale      PROPN  NNP   dobj       2   B-ORG
        900,000        900,000      NUM    CD    nummod     6   B-CARDINAL
        Halvard        Halvard      PROPN  NNP   compound   6   B-ORG
        shares         share        NOUN   NNS   dobj       2   O
        .              .            PUNCT  .     punct      2   O
    """) == {("acme", "investsIn", "halvard"), ("corvale", "investsIn", "halvard")}


def test_extract_a_sale_to_an_affiliate_of_a_company_is_to_that_company(table_triples) -> None:
    """ "sold Halvard Systems to an affiliate of Corvale Capital Corp": Corvale buys."""
    assert table_triples("""
        Acme           Acme         PROPN  NNP   nsubj      1   B-ORG
        sold           sell         VERB   VBD   ROOT       1   O
        Halvard        Halvard      PROPN  NNP   compound   3   B-ORG
        Systems        Systems      PROPN  NNPS  dobj       1   I-ORG
        to             to           ADP    IN    dative     1   O
        an             an           DET    DT    det        6   O
        affiliate      affiliate    NOUN   NN    pobj       4   O
        of             of           ADP    IN    prep       6   O
        Corvale        Corvale      PROPN  NNP   compound   10  B-ORG
        Capital        Capital      PROPN  NNP   compound   10  I-ORG
        Corp.          Corp.        PROPN  NNP   pobj       7   I-ORG
        .              .            PUNCT  .     punct      1   O
    """) == {
        ("corvale-capital", "acquires", "halvard-systems"),
        ("halvard-systems", "subsidiaryOf", "acme"),
    }


def test_extract_selling_the_stock_of_a_unit_sells_the_unit(table_triples) -> None:
    """ "sold the stock of its Halvard unit to Corvale": Corvale buys Halvard."""
    triples = table_triples("""
        Acme           Acme         PROPN  NNP   nsubj      1   B-ORG
        sold           sell         VERB   VBD   ROOT       1   O
        the            the          DET    DT    det        3   O
        stock          stock        NOUN   NN    dobj       1   O
        of             of           ADP    IN    prep       3   O
        its            its          PRON   PRP$  poss       7   O
        Halvard        Halvard      PROPN  NNP   compound   7   B-ORG
        unit           unit         NOUN   NN    pobj       4   O
        to             to           ADP    IN    dative     1   O
        Corvale        Corvale      PROPN  NNP   pobj       8   B-ORG
        .              .            PUNCT  .     punct      1   O
    """)
    assert ("corvale", "acquires", "halvard") in triples
    assert ("corvale", "investsIn", "halvard") not in triples


def test_extract_the_unit_named_before_is_the_same_unit(table_triples) -> None:
    """ "Acme sold its Pellan theme park subsidiary. Acme said it will receive 350 mln
    dlrs for the Pellan subsidiary": Pellan is Acme's unit, not Acme a unit of Pellan."""
    assert table_triples("""
        Acme           Acme         PROPN  NNP   compound   1   B-ORG
        Corp           Corp         PROPN  NNP   nsubj      2   I-ORG
        sold           sell         VERB   VBD   ROOT       2   O
        its            its          PRON   PRP$  poss       7   O
        Pellan         Pellan       PROPN  NNP   compound   7   B-ORG
        theme          theme        NOUN   NN    compound   6   O
        park           park         NOUN   NN    compound   7   O
        subsidiary     subsidiary   NOUN   NN    dobj       2   O
        .              .            PUNCT  .     punct      2   O
        Acme           Acme         PROPN  NNP   nsubj      10  B-ORG
        said           say          VERB   VBD   ROOT       10  O
        it             it           PRON   PRP   nsubj      13  O
        will           will         AUX    MD    aux        13  O
        receive        receive      VERB   VB    ccomp      10  O
        350            350          NUM    CD    nummod     16  B-CARDINAL
        mln            mln          ADJ    JJ    amod       16  O
        dlrs           dlrs         NOUN   NN    dobj       13  O
        for            for          ADP    IN    prep       16  O
        the            the          DET    DT    det        20  O
        Pellan         Pellan       PROPN  NNP   compound   20  B-ORG
        subsidiary     subsidiary   NOUN   NN    pobj       17  O
        .              .            PUNCT  .     punct      10  O
    """) == {("pellan", "subsidiaryOf", "acme")}


_ACT_ON_A_STAKE = """
        Gamma          Gamma        PROPN  NNP   compound   1   B-ORG
        Inc            Inc          PROPN  NNP   nsubj      2   I-ORG
        questioned     question     VERB   VBD   ROOT       2   O
        Acme           Acme         PROPN  NNP   compound   4   B-ORG
        Corp           Corp         PROPN  NNP   poss       6   I-ORG
        's             's           PART   POS   case       4   O
        {act}          {act}        NOUN   NN    dobj       2   O
        of             of           ADP    IN    prep       6   O
        a              a            DET    DT    det        9   O
        stake          stake        NOUN   NN    pobj       7   O
        in             in           ADP    IN    prep       9   O
        Beta           Beta         PROPN  NNP   compound   12  B-ORG
        Networks       Networks     PROPN  NNP   pobj       10  I-ORG
        .              .            PUNCT  .     punct      2   O
"""


def test_extract_a_stake_in_another_s_purchase_is_the_buyer_s(table_triples) -> None:
    """ "Gamma questioned Acme's purchase of a stake in Beta": Acme invests, not Gamma;
    "Acme's sale of a stake in Beta" makes no investor of Gamma either."""
    assert table_triples(_ACT_ON_A_STAKE.format(act="purchase")) == {
        ("acme", "investsIn", "beta-networks")
    }
    assert ("gamma", "investsIn", "beta-networks") not in table_triples(
        _ACT_ON_A_STAKE.format(act="sale")
    )
