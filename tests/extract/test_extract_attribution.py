"""Who a claim comes from when a party speaks of itself, read from hand-built docs (no
model): what a party says it did is its report, descriptions included; what the report
takes as given is not."""

from __future__ import annotations


def _sources(claims) -> dict[tuple[str, str, str], str | None]:
    return {(c.subject, c.predicate, c.object): c.attributed_to for c in claims}


def test_extract_a_party_selling_its_unit_reports_the_unit_too(read_table) -> None:
    """ "Corvale said it agreed to sell its Pellan unit to Orvik": Corvale says both
    that Orvik buys Pellan and that Pellan is its unit."""
    _, claims = read_table("""
        Corvale        Corvale      PROPN  NNP   compound   1   B-ORG
        Networks       Networks     PROPN  NNP   nsubj      2   I-ORG
        said           say          VERB   VBD   ROOT       2   O
        it             it           PRON   PRP   nsubj      4   O
        agreed         agree        VERB   VBD   ccomp      2   O
        to             to           PART   TO    aux        6   O
        sell           sell         VERB   VB    xcomp      4   O
        its            its          PRON   PRP$  poss       10  O
        Pellan         Pellan       PROPN  NNP   compound   9   B-ORG
        Data           Data         PROPN  NNP   compound   10  I-ORG
        unit           unit         NOUN   NN    dobj       6   O
        to             to           ADP    IN    dative     6   O
        Orvik          Orvik        PROPN  NNP   compound   13  B-ORG
        Capital        Capital      PROPN  NNP   pobj       11  I-ORG
        .              .            PUNCT  .     punct      2   O
    """)
    assert _sources(claims) == {
        ("orvik-capital", "acquires", "pellan-data"): "corvale-networks",
        ("pellan-data", "subsidiaryOf", "corvale-networks"): "corvale-networks",
    }


def test_extract_a_description_in_another_s_report_is_the_article_s(read_table) -> None:
    """ "Orvik said Corvale agreed to sell its Pellan unit": that Pellan is Corvale's
    unit is the article's description, not Orvik's report."""
    _, claims = read_table("""
        Orvik          Orvik        PROPN  NNP   compound   1   B-ORG
        Capital        Capital      PROPN  NNP   nsubj      2   I-ORG
        said           say          VERB   VBD   ROOT       2   O
        Corvale        Corvale      PROPN  NNP   compound   4   B-ORG
        Networks       Networks     PROPN  NNP   nsubj      5   I-ORG
        agreed         agree        VERB   VBD   ccomp      2   O
        to             to           PART   TO    aux        7   O
        sell           sell         VERB   VB    xcomp      5   O
        its            its          PRON   PRP$  poss       11  O
        Pellan         Pellan       PROPN  NNP   compound   10  B-ORG
        Data           Data         PROPN  NNP   compound   11  I-ORG
        unit           unit         NOUN   NN    dobj       7   O
        .              .            PUNCT  .     punct      2   O
    """)
    assert _sources(claims) == {("pellan-data", "subsidiaryOf", "corvale-networks"): None}


def test_extract_a_party_s_relative_clause_about_its_stake_is_its_report(read_table) -> None:
    """ "Corvale said it was pleased with its associate Pellan, in which it acquired a
    stake in March": Corvale says it bought the stake."""
    _, claims = read_table("""
        Corvale        Corvale      PROPN  NNP   compound   2   B-ORG
        Networks       Networks     PROPN  NNP   compound   2   I-ORG
        Plc            Plc          PROPN  NNP   nsubj      3   I-ORG
        reported       report       VERB   VBD   ROOT       3   O
        higher         high         ADJ    JJR   amod       5   O
        profits        profit       NOUN   NNS   dobj       3   O
        .              .            PUNCT  .     punct      3   O
        Corvale        Corvale      PROPN  NNP   nsubj      8   B-ORG
        said           say          VERB   VBD   ROOT       8   O
        it             it           PRON   PRP   nsubj      10  O
        was            be           AUX    VBD   ccomp      8   O
        pleased        pleased      ADJ    JJ    acomp      10  O
        with           with         ADP    IN    prep       11  O
        its            its          PRON   PRP$  poss       14  O
        associate      associate    NOUN   NN    pobj       12  O
        Pellan         Pellan       PROPN  NNP   compound   17  B-ORG
        Data           Data         PROPN  NNP   compound   17  I-ORG
        Plc            Plc          PROPN  NNP   appos      14  I-ORG
        ,              ,            PUNCT  ,     punct      17  O
        in             in           ADP    IN    prep       22  O
        which          which        PRON   WDT   pobj       19  O
        it             it           PRON   PRP   nsubj      22  O
        acquired       acquire      VERB   VBD   relcl      17  O
        a              a            DET    DT    det        24  O
        stake          stake        NOUN   NN    dobj       22  O
        in             in           ADP    IN    prep       22  O
        March          March        PROPN  NNP   pobj       25  B-DATE
        .              .            PUNCT  .     punct      8   O
    """)
    assert _sources(claims) == {
        ("corvale-networks", "investsIn", "pellan-data"): "corvale-networks"
    }


def test_extract_a_deal_the_report_takes_as_given_is_not_reported(read_table) -> None:
    """ "Corvale said it would cut 500 jobs following its takeover of Pellan": the
    report is about jobs; the takeover is the article's own statement."""
    _, claims = read_table("""
        Corvale        Corvale      PROPN  NNP   compound   1   B-ORG
        Networks       Networks     PROPN  NNP   nsubj      2   I-ORG
        said           say          VERB   VBD   ROOT       2   O
        it             it           PRON   PRP   nsubj      5   O
        would          would        AUX    MD    aux        5   O
        cut            cut          VERB   VB    ccomp      2   O
        500            500          NUM    CD    nummod     7   B-CARDINAL
        jobs           job          NOUN   NNS   dobj       5   O
        following      follow       VERB   VBG   prep       5   O
        its            its          PRON   PRP$  poss       10  O
        takeover       takeover     NOUN   NN    pobj       8   O
        of             of           ADP    IN    prep       10  O
        Pellan         Pellan       PROPN  NNP   compound   13  B-ORG
        Data           Data         PROPN  NNP   pobj       11  I-ORG
        .              .            PUNCT  .     punct      2   O
    """)
    assert _sources(claims) == {("corvale-networks", "acquires", "pellan-data"): None}


def test_extract_a_party_s_opinion_reports_no_description_in_it(read_table) -> None:
    """ "Corvale says its decline was the price of the ambitions of its founder Jane
    Doe": an opinion that names the founder, no report of who founded it."""
    _, claims = read_table("""
        Corvale        Corvale      PROPN  NNP   compound   1   B-ORG
        Networks       Networks     PROPN  NNP   nsubj      2   I-ORG
        says           say          VERB   VBZ   ROOT       2   O
        its            its          PRON   PRP$  poss       4   O
        decline        decline      NOUN   NN    nsubj      5   O
        was            be           AUX    VBD   ccomp      2   O
        the            the          DET    DT    det        7   O
        price          price        NOUN   NN    attr       5   O
        of             of           ADP    IN    prep       7   O
        the            the          DET    DT    det        10  O
        ambitions      ambition     NOUN   NNS   pobj       8   O
        of             of           ADP    IN    prep       10  O
        its            its          PRON   PRP$  poss       13  O
        founder        founder      NOUN   NN    pobj       11  O
        Jane           Jane         PROPN  NNP   compound   15  B-PERSON
        Doe            Doe          PROPN  NNP   appos      13  I-PERSON
        .              .            PUNCT  .     punct      2   O
    """)
    assert _sources(claims) == {("jane-doe", "founderOf", "corvale-networks"): None}


def test_extract_a_clause_joined_to_the_speech_verb_is_not_reported(read_table) -> None:
    """ "Jane Doe said she hoped for a settlement, but Corvale has filed a lawsuit
    accusing Pellan of fraud": the lawsuit is the article's statement, not hers."""
    _, claims = read_table("""
        Jane           Jane         PROPN  NNP   compound   1   B-PERSON
        Doe            Doe          PROPN  NNP   nsubj      2   I-PERSON
        said           say          VERB   VBD   ROOT       2   O
        she            she          PRON   PRP   nsubj      4   O
        hoped          hope         VERB   VBD   ccomp      2   O
        for            for          ADP    IN    prep       4   O
        a              a            DET    DT    det        7   O
        settlement     settlement   NOUN   NN    pobj       5   O
        ,              ,            PUNCT  ,     punct      2   O
        but            but          CCONJ  CC    cc         2   O
        Corvale        Corvale      PROPN  NNP   compound   11  B-ORG
        Networks       Networks     PROPN  NNP   nsubj      13  I-ORG
        has            have         AUX    VBZ   aux        13  O
        filed          file         VERB   VBN   conj       2   O
        a              a            DET    DT    det        15  O
        lawsuit        lawsuit      NOUN   NN    dobj       13  O
        accusing       accuse       VERB   VBG   acl        15  O
        Pellan         Pellan       PROPN  NNP   compound   18  B-ORG
        Data           Data         PROPN  NNP   dobj       16  I-ORG
        of             of           ADP    IN    prep       16  O
        fraud          fraud        NOUN   NN    pobj       19  O
        .              .            PUNCT  .     punct      13  O
    """)
    assert _sources(claims) == {("corvale-networks", "sues", "pellan-data"): None}
