"""The forms real news uses for relations (wire stake reports, titles after a copula,
rivals listed or named beside a verb), on docs built by hand: no model is loaded."""

from __future__ import annotations

# ------------------------------------------------------------------------ shares


def test_extract_shares_bought_are_an_investment(read_table) -> None:
    """ "Acme said it acquired 453,300 shares of Beta Corp": wire style for a stake."""
    _, claims = read_table("""
        Acme      Acme     PROPN NNP nsubj    1 B-ORG
        said      say      VERB  VBD ROOT     1 O
        it        it       PRON  PRP nsubj    3 O
        acquired  acquire  VERB  VBD ccomp    1 O
        453,300   453,300  NUM   CD  nummod   5 B-CARDINAL
        shares    share    NOUN  NNS dobj     3 O
        of        of       ADP   IN  prep     5 O
        Beta      Beta     PROPN NNP compound 8 B-ORG
        Corp.     Corp.    PROPN NNP pobj     6 I-ORG
    """)
    assert [(c.subject, c.predicate, c.object) for c in claims] == [
        ("acme", "investsIn", "beta")]


def test_extract_shares_named_before_the_noun(table_triples) -> None:
    """ "Acme bought a 6.8 pct stake in Beta Corp common stock": the company is a
    modifier of the stock."""
    assert table_triples("""
        Acme    Acme    PROPN NNP nsubj    1  B-ORG
        bought  buy     VERB  VBD ROOT     1  O
        a       a       DET   DT  det      5  O
        6.8     6.8     NUM   CD  nummod   5  B-CARDINAL
        pct     pct     NOUN  NN  compound 5  O
        stake   stake   NOUN  NN  dobj     1  O
        in      in      ADP   IN  prep     5  O
        Beta    Beta    PROPN NNP compound 8  B-ORG
        Corp    Corp    PROPN NNP nmod     10 I-ORG
        common  common  ADJ   JJ  amod     10 O
        stock   stock   NOUN  NN  pobj     6  O
        .       .       PUNCT .   punct    1  O
    """) == {("acme", "investsIn", "beta")}


def test_extract_a_majority_bought_is_an_acquisition(read_table) -> None:
    _, claims = read_table("""
        Acme    Acme    PROPN NNP nsubj  1 B-ORG
        bought  buy     VERB  VBD ROOT   1 O
        67.7    67.7    NUM   CD  nummod 3 B-PERCENT
        +%      %       NOUN  NN  dobj   1 I-PERCENT
        of      of      ADP   IN  prep   3 O
        Beta    Beta    PROPN NNP pobj   4 B-ORG
        .       .       PUNCT .   punct  1 O
    """)
    assert [(c.subject, c.predicate, c.object, c.method) for c in claims] == [
        ("acme", "acquires", "beta", "verb:buy:majority")]


def test_extract_shares_from_a_seller_are_not_the_sellers(table_triples) -> None:
    """ "Acme bought shares of Beta from Gamma": Gamma is where they came from, not what
    they are a share of."""
    assert table_triples("""
        Acme    Acme    PROPN NNP nsubj 1 B-ORG
        bought  buy     VERB  VBD ROOT  1 O
        shares  share   NOUN  NNS dobj  1 O
        of      of      ADP   IN  prep  2 O
        Beta    Beta    PROPN NNP pobj  3 B-ORG
        from    from    ADP   IN  prep  2 O
        Gamma   Gamma   PROPN NNP pobj  5 B-ORG
        .       .       PUNCT .   punct 1 O
    """) == {("acme", "investsIn", "beta")}


# ------------------------------------------------------------------------ titles


def test_extract_title_as_subject_of_a_copula(table_triples) -> None:
    """ "Beta, whose chief executive is Jane Doe, grew": the holder is the attribute."""
    assert table_triples("""
        Beta       Beta       PROPN NNP nsubj    9 B-ORG
        ,          ,          PUNCT ,   punct    0 O
        whose      whose      DET   WP$ poss     4 O
        chief      chief      ADJ   JJ  amod     4 O
        executive  executive  NOUN  NN  nsubj    5 O
        is         be         AUX   VBZ relcl    0 O
        Jane       Jane       PROPN NNP compound 7 B-PERSON
        Doe        Doe        PROPN NNP attr     5 I-PERSON
        ,          ,          PUNCT ,   punct    0 O
        grew       grow       VERB  VBD ROOT     9 O
        .          .          PUNCT .   punct    9 O
    """) == {("jane-doe", "executiveOf", "beta")}


def test_extract_executive_named_with_the_company(read_table) -> None:
    """ "a former Acme executive": no "chief", but the company says whose title it is;
    "former" says it ended."""
    _, claims = read_table("""
        Jane       Jane       PROPN NNP compound 1 B-PERSON
        Doe        Doe        PROPN NNP nsubj    8 I-PERSON
        ,          ,          PUNCT ,   punct    1 O
        a          a          DET   DT  det      6 O
        former     former     ADJ   JJ  amod     6 O
        Acme       Acme       PROPN NNP compound 6 B-ORG
        executive  executive  NOUN  NN  appos    1 O
        ,          ,          PUNCT ,   punct    1 O
        left       leave      VERB  VBD ROOT     8 O
        .          .          PUNCT .   punct    8 O
    """)
    assert [(c.subject, c.predicate, c.object, c.ended) for c in claims] == [
        ("jane-doe", "executiveOf", "acme", True)]


def test_extract_executive_without_title_or_company_is_nothing(table_triples) -> None:
    """ "Jane Doe, an executive, left": no title of office, no company."""
    assert table_triples("""
        Jane       Jane       PROPN NNP compound 1 B-PERSON
        Doe        Doe        PROPN NNP nsubj    6 I-PERSON
        ,          ,          PUNCT ,   punct    1 O
        an         an         DET   DT  det      4 O
        executive  executive  NOUN  NN  appos    1 O
        ,          ,          PUNCT ,   punct    1 O
        left       leave      VERB  VBD ROOT     6 O
        .          .          PUNCT .   punct    6 O
    """) == set()


# ------------------------------------------------------------------------ rivals


def test_extract_rivals_listed_after_a_plural_title(table_triples) -> None:
    """ "Acme said its rivals, Beta and Gamma, lag": every name of the list."""
    assert table_triples("""
        Acme    Acme    PROPN NNP  nsubj 1 B-ORG
        said    say     VERB  VBD  ROOT  1 O
        its     its     PRON  PRP$ poss  3 O
        rivals  rival   NOUN  NNS  nsubj 10 O
        ,       ,       PUNCT ,    punct 3 O
        Beta    Beta    PROPN NNP  appos 3 B-ORG
        and     and     CCONJ CC   cc    5 O
        Gamma   Gamma   PROPN NNP  conj  5 B-ORG
        ,       ,       PUNCT ,    punct 3 O
        all     all     PRON  DT   advmod 10 O
        lag     lag     VERB  VBP  ccomp 1 O
        .       .       PUNCT .    punct 1 O
    """) == {("acme", "rivalOf", "beta"), ("acme", "rivalOf", "gamma")}


def test_extract_rivals_acted_on_by_the_subject(table_triples) -> None:
    """ "Acme beat rivals including Beta and Gamma": the one who beats them is their
    rival; "Acme launched a rival" would not say so."""
    assert table_triples("""
        Acme       Acme     PROPN NNP nsubj 1 B-ORG
        beat       beat     VERB  VBD ROOT  1 O
        rivals     rival    NOUN  NNS dobj  1 O
        including  include  VERB  VBG prep  2 O
        Beta       Beta     PROPN NNP pobj  3 B-ORG
        and        and      CCONJ CC  cc    4 O
        Gamma      Gamma    PROPN NNP conj  4 B-ORG
        .          .        PUNCT .   punct 1 O
    """) == {("acme", "rivalOf", "beta"), ("acme", "rivalOf", "gamma")}


def test_extract_preposition_hung_on_a_misread_object(table_triples) -> None:
    """ "Acme competes head-on with Beta": the parser makes "head" an object and hangs
    "with" on it; a verb that takes no object reads the preposition there."""
    assert table_triples("""
        Acme      Acme     PROPN NNP  nsubj 1 B-ORG
        competes  compete  VERB  VBZ  ROOT  1 O
        head      head     NOUN  NN   dobj  1 O
        +-        -        PUNCT HYPH punct 4 O
        +on       on       ADP   RP   prt   1 O
        with      with     ADP   IN   prep  2 O
        Beta      Beta     PROPN NNP  pobj  5 B-ORG
        .         .        PUNCT .    punct 1 O
    """) == {("acme", "rivalOf", "beta")}
