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
    assert [(c.subject, c.predicate, c.object) for c in claims] == [("acme", "investsIn", "beta")]


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
        ("acme", "acquires", "beta", "verb:buy:majority")
    ]


def test_extract_all_of_a_company_bought_is_an_acquisition(table_triples) -> None:
    """ "bought all of Germany's Beta": the share is the object itself."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj  1 B-ORG
        bought   buy      VERB  VBD ROOT   1 O
        all      all      PRON  DT  dobj   1 O
        of       of       ADP   IN  prep   2 O
        Germany  Germany  PROPN NNP poss   6 B-GPE
        's       's       PART  POS case   4 O
        Beta     Beta     PROPN NNP pobj   3 B-ORG
        .        .        PUNCT .   punct  1 O
    """) == {("acme", "acquires", "beta")}


def test_extract_a_word_of_quantity_deeper_in_the_object_is_no_share(table_triples) -> None:
    """ "have cameras all over the field": "all" is a share only as the object."""
    assert (
        table_triples("""
        Acme     Acme     PROPN NNP nsubj  1 B-ORG
        has      have     VERB  VBZ ROOT   1 O
        cameras  camera   NOUN  NNS dobj   1 O
        all      all      ADV   RB  advmod 4 O
        over     over     ADP   IN  prep   2 O
        Beta     Beta     PROPN NNP pobj   4 B-ORG
        .        .        PUNCT .   punct  1 O
    """)
        == set()
    )


def test_extract_a_share_of_an_owners_named_affiliate_is_the_affiliate(table_triples) -> None:
    """ "60% of Beta's affiliate Gamma Corp" buys Gamma (not a unit of Beta's: an
    affiliate may be a minority holding); "20% of Beta's car division" is still a
    share of Beta."""
    assert table_triples("""
        Acme       Acme       PROPN NNP nsubj    1 B-ORG
        bought     buy        VERB  VBD ROOT     1 O
        60         60         NUM   CD  nummod   3 B-PERCENT
        %          %          NOUN  NN  dobj     1 I-PERCENT
        of         of         ADP   IN  prep     3 O
        Beta       Beta       PROPN NNP poss     9 B-ORG
        's         's         PART  POS case     5 O
        affiliate  affiliate  NOUN  NN  compound 9 O
        Gamma      Gamma      PROPN NNP compound 9 B-ORG
        Corp.      Corp.      PROPN NNP pobj     4 I-ORG
    """) == {("acme", "acquires", "gamma")}  # an affiliate is no unit: maybe a minority
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj    1 B-ORG
        bought    buy       VERB  VBD ROOT     1 O
        20        20        NUM   CD  nummod   3 B-PERCENT
        %         %         NOUN  NN  dobj     1 I-PERCENT
        of        of        ADP   IN  prep     3 O
        Beta      Beta      PROPN NNP poss     8 B-ORG
        's        's        PART  POS case     5 O
        car       car       NOUN  NN  compound 8 O
        division  division  NOUN  NN  pobj     4 O
        .         .         PUNCT .   punct    1 O
    """) == {("acme", "investsIn", "beta")}


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
        ("jane-doe", "executiveOf", "acme", True)
    ]


def test_extract_executive_without_title_or_company_is_nothing(table_triples) -> None:
    """ "Jane Doe, an executive, left": no title of office, no company."""
    assert (
        table_triples("""
        Jane       Jane       PROPN NNP compound 1 B-PERSON
        Doe        Doe        PROPN NNP nsubj    6 I-PERSON
        ,          ,          PUNCT ,   punct    1 O
        an         an         DET   DT  det      4 O
        executive  executive  NOUN  NN  appos    1 O
        ,          ,          PUNCT ,   punct    1 O
        left       leave      VERB  VBD ROOT     6 O
        .          .          PUNCT .   punct    6 O
    """)
        == set()
    )


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


# --------------------------------------------------------------- misparses, owners


def test_extract_name_right_after_the_verb(read_table) -> None:
    """ "Acme agreed to buy Beta, the maker of Zephyr squash, ...": the parser makes
    "squash" a verb and "Beta" its subject; the name right after "buy" is its object."""
    _, claims = read_table("""
        Acme     Acme     PROPN NNP nsubj    1  B-ORG
        agreed   agree    VERB  VBD ROOT     1  O
        to       to       PART  TO  aux      3  O
        buy      buy      VERB  VB  xcomp    1  O
        Beta     Beta     PROPN NNP nsubj    10 B-ORG
        ,        ,        PUNCT ,   punct    4  O
        the      the      DET   DT  det      7  O
        maker    maker    NOUN  NN  appos    4  O
        of       of       ADP   IN  prep     7  O
        Zephyr   Zephyr   PROPN NNP pobj     8  B-PRODUCT
        squash   squash   VERB  VB  dobj     3  O
        ,        ,        PUNCT ,   punct    10 O
        for      for      ADP   IN  prep     3  O
        3        3        NUM   CD  compound 14 B-MONEY
        million  million  NUM   CD  nummod   15 I-MONEY
        dollars  dollar   NOUN  NNS pobj     12 I-MONEY
        .        .        PUNCT .   punct    1  O
    """)
    assert {(c.subject, c.predicate, c.object) for c in claims} == {
        ("acme", "acquires", "beta"),
        ("beta", "develops", "zephyr"),
    }


def test_extract_company_noun_with_a_possessive(table_triples) -> None:
    """ "Acme's budget airline, Beta Air": a company of Acme's."""
    assert table_triples("""
        Acme     Acme     PROPN NNP poss     3 B-ORG
        's       's       PART  POS case     0 O
        budget   budget   NOUN  NN  compound 3 O
        airline  airline  NOUN  NN  nsubj    8 O
        ,        ,        PUNCT ,   punct    3 O
        Beta     Beta     PROPN NNP compound 6 B-ORG
        Air      Air      PROPN NNP appos    3 I-ORG
        ,        ,        PUNCT ,   punct    3 O
        grew     grow     VERB  VBD ROOT     8 O
        .        .        PUNCT .   punct    8 O
    """) == {("beta-air", "subsidiaryOf", "acme")}


def test_extract_managing_partner_is_an_executive(table_triples) -> None:
    assert table_triples("""
        Jane      Jane      PROPN NNP compound 1 B-PERSON
        Doe       Doe       PROPN NNP nsubj    8 I-PERSON
        ,         ,         PUNCT ,   punct    1 O
        Beta      Beta      PROPN NNP poss     6 B-ORG
        's        's        PART  POS case     3 O
        managing  managing  NOUN  NN  compound 6 O
        partner   partner   NOUN  NN  appos    1 O
        ,         ,         PUNCT ,   punct    1 O
        left      leave     VERB  VBD ROOT     8 O
        .         .         PUNCT .   punct    8 O
    """) == {("jane-doe", "executiveOf", "beta")}


def test_extract_pronoun_is_not_the_one_told(table_triples) -> None:
    """ "Acme said ... The group told the Securities and Exchange Commission it had bought
    shares of Beta": "it" is not the commission it tells."""
    assert table_triples("""
        Acme        Acme        PROPN NNP  nsubj    1  B-ORG
        grew        grow        VERB  VBD  ROOT     1  O
        .           .           PUNCT .    punct    1  O
        The         the         DET   DT   det      4  O
        group       group       NOUN  NN   nsubj    5  O
        told        tell        VERB  VBD  ROOT     5  O
        the         the         DET   DT   det      10 O
        Securities  Securities  PROPN NNPS nmod     10 B-ORG
        and         and         CCONJ CC   cc       7  I-ORG
        Exchange    Exchange    PROPN NNP  conj     7  I-ORG
        Commission  Commission  PROPN NNP  dobj     5  I-ORG
        it          it          PRON  PRP  nsubj    13 O
        had         have        AUX   VBD  aux      13 O
        bought      buy         VERB  VBN  ccomp    5  O
        5,000       5,000       NUM   CD   nummod   15 B-CARDINAL
        shares      share       NOUN  NNS  dobj     13 O
        of          of          ADP   IN   prep     15 O
        Beta        Beta        PROPN NNP  pobj     16 B-ORG
        .           .           PUNCT .    punct    5  O
    """) == {("acme", "investsIn", "beta")}


def test_extract_person_owning_a_company_invests_in_it(table_triples) -> None:
    """ "Jane Doe, who owns the Beta team": a person owns a company as an investor."""
    assert table_triples("""
        Jane   Jane   PROPN NNP compound 1 B-PERSON
        Doe    Doe    PROPN NNP nsubj    9 I-PERSON
        ,      ,      PUNCT ,   punct    1 O
        who    who    PRON  WP  nsubj    4 O
        owns   own    VERB  VBZ relcl    1 O
        the    the    DET   DT  det      7 O
        Beta   Beta   PROPN NNP compound 7 B-ORG
        team   team   NOUN  NN  dobj     4 O
        ,      ,      PUNCT ,   punct    1 O
        left   leave  VERB  VBD ROOT     9 O
        .      .      PUNCT .   punct    9 O
    """) == {("jane-doe", "investsIn", "beta")}


def test_extract_companies_working_together(table_triples) -> None:
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj 2 B-ORG
        is       be       AUX   VBZ aux   2 O
        working  work     VERB  VBG ROOT  2 O
        with     with     ADP   IN  prep  2 O
        Beta     Beta     PROPN NNP pobj  3 B-ORG
        on       on       ADP   IN  prep  2 O
        the      the      DET   DT  det   7 O
        jet      jet      NOUN  NN  pobj  5 O
        .        .        PUNCT .   punct 2 O
    """) == {("acme", "partnerOf", "beta")}


# ----------------------------------------------------------------- makers and wares


def test_extract_makers_named_with_with(table_triples) -> None:
    """ "Acme also builds the Zephyr jet with Beta and Gamma": all three build it, and
    each works with the others."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    2  B-ORG
        also     also     ADV   RB  advmod   2  O
        builds   build    VERB  VBZ ROOT     2  O
        the      the      DET   DT  det      5  O
        Zephyr   Zephyr   PROPN NNP compound 5  B-PRODUCT
        jet      jet      NOUN  NN  dobj     2  O
        with     with     ADP   IN  prep     5  O
        Beta     Beta     PROPN NNP pobj     6  B-ORG
        and      and      CCONJ CC  cc       7  O
        Gamma    Gamma    PROPN NNP conj     7  B-ORG
        .        .        PUNCT .   punct    2  O
    """) == {
        ("acme", "develops", "zephyr"),
        ("beta", "develops", "zephyr"),
        ("gamma", "develops", "zephyr"),
        ("acme", "partnerOf", "beta"),
        ("acme", "partnerOf", "gamma"),
        ("beta", "partnerOf", "gamma"),
    }


def test_extract_working_on_a_product(table_triples) -> None:
    """ "the Zephyr jet, on which Acme is working with Beta": both develop it."""
    assert table_triples("""
        The      the      DET   DT  det      2  O
        Zephyr   Zephyr   PROPN NNP compound 2  B-PRODUCT
        jet      jet      NOUN  NN  nsubj    11 O
        ,        ,        PUNCT ,   punct    2  O
        on       on       ADP   IN  prep     8  O
        which    which    PRON  WDT pobj     4  O
        Acme     Acme     PROPN NNP nsubj    8  B-ORG
        is       be       AUX   VBZ aux      8  O
        working  work     VERB  VBG relcl    2  O
        with     with     ADP   IN  prep     8  O
        Beta     Beta     PROPN NNP pobj     9  B-ORG
        flew     fly      VERB  VBD ROOT     11 O
        .        .        PUNCT .   punct    11 O
    """) == {
        ("acme", "develops", "zephyr"),
        ("beta", "develops", "zephyr"),
        ("acme", "partnerOf", "beta"),
    }


def test_extract_listed_products_before_their_noun(table_triples) -> None:
    """ "Acme brews Zintro and Fenna cider": both names are the noun's."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    1  B-ORG
        brews    brew     VERB  VBZ ROOT     1  O
        Zintro   Zintro   PROPN NNP nmod     5  B-PRODUCT
        and      and      CCONJ CC  cc       2  O
        Fenna    Fenna    PROPN NNP conj     2  B-PRODUCT
        cider    cider    NOUN  NN  dobj     1  O
        .        .        PUNCT .   punct    1  O
    """) == {("acme", "develops", "zintro"), ("acme", "develops", "fenna")}


def test_extract_wares_of_another_maker(table_triples) -> None:
    """ "Acme sells Zintro, Fenna and other Beta drinks": Beta makes them, Acme sells
    them."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    1  B-ORG
        sells    sell     VERB  VBZ ROOT     1  O
        Zintro   Zintro   PROPN NNP dobj     1  B-PRODUCT
        ,        ,        PUNCT ,   punct    2  O
        Fenna    Fenna    PROPN NNP conj     2  B-PRODUCT
        and      and      CCONJ CC  cc       4  O
        other    other    ADJ   JJ  amod     8  O
        Beta     Beta     PROPN NNP compound 8  B-ORG
        drinks   drink    NOUN  NNS conj     4  O
        .        .        PUNCT .   punct    1  O
    """) == {
        ("acme", "offers", "zintro"),
        ("acme", "offers", "fenna"),
        ("beta", "develops", "zintro"),
        ("beta", "develops", "fenna"),
    }


def test_extract_a_seller_of_its_own_brands_makes_them(table_triples) -> None:
    """ "Acme sells the Zintro and Fenna brands": Acme's brands, not another's it offers."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    1  B-ORG
        sells    sell     VERB  VBZ ROOT     1  O
        the      the      DET   DT  det      6  O
        Zintro   Zintro   PROPN NNP compound 6  B-PRODUCT
        and      and      CCONJ CC  cc       3  O
        Fenna    Fenna    PROPN NNP conj     3  B-PRODUCT
        brands   brand    NOUN  NNS dobj     1  O
        .        .        PUNCT .   punct    1  O
    """) == {("acme", "develops", "zintro"), ("acme", "develops", "fenna")}


# ---------------------------------------------------------------- suppliers and clients


def test_extract_contract_named_with_its_client(table_triples) -> None:
    """ "Acme won a $3.95 billion Beta contract": Acme supplies Beta."""
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj    1 B-ORG
        won       win       VERB  VBD ROOT     1 O
        a         a         DET   DT  det      7 O
        $         $         SYM   $   quantmod 5 B-MONEY
        3.95      3.95      NUM   CD  compound 5 I-MONEY
        billion   billion   NUM   CD  nummod   7 I-MONEY
        Beta      Beta      PROPN NNP compound 7 B-ORG
        contract  contract  NOUN  NN  dobj     1 O
        .         .         PUNCT .   punct    1 O
    """) == {("acme", "contractWith", "beta")}


def test_extract_goods_ordered_from_their_maker(table_triples) -> None:
    """ "Acme has ordered 30 Beta planes", "Acme is to buy 10 aircraft from Beta": Beta
    supplies Acme; shares bought are no goods."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    2 B-ORG
        has      have     AUX   VBZ aux      2 O
        ordered  order    VERB  VBN ROOT     2 O
        30       30       NUM   CD  nummod   5 B-CARDINAL
        Beta     Beta     PROPN NNP compound 5 B-ORG
        planes   plane    NOUN  NNS dobj     2 O
        .        .        PUNCT .   punct    2 O
    """) == {("beta", "contractWith", "acme")}
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj  1 B-ORG
        is        be        AUX   VBZ ROOT   1 O
        to        to        PART  TO  aux    3 O
        buy       buy       VERB  VB  xcomp  1 O
        10        10        NUM   CD  nummod 5 B-CARDINAL
        aircraft  aircraft  NOUN  NN  dobj   3 O
        from      from      ADP   IN  prep   3 O
        Beta      Beta      PROPN NNP pobj   6 B-ORG
        .         .         PUNCT .   punct  1 O
    """) == {("beta", "contractWith", "acme")}
    assert ("beta", "contractWith", "acme") not in table_triples("""
        Acme      Acme      PROPN NNP nsubj  1 B-ORG
        bought    buy       VERB  VBD ROOT   1 O
        10        10        NUM   CD  nummod 3 B-CARDINAL
        shares    share     NOUN  NNS dobj   1 O
        from      from      ADP   IN  prep   1 O
        Beta      Beta      PROPN NNP pobj   4 B-ORG
        .         .         PUNCT .   punct  1 O
    """)


def test_extract_built_for_a_client(table_triples) -> None:
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj 1 B-ORG
        built     build     VERB  VBD ROOT  1 O
        the       the       DET   DT  det   3 O
        platform  platform  NOUN  NN  dobj  1 O
        for       for       ADP   IN  prep  1 O
        Beta      Beta      PROPN NNP pobj  4 B-ORG
        .         .         PUNCT .   punct 1 O
    """) == {("acme", "contractWith", "beta")}


def test_extract_loan_from_a_lender(table_triples) -> None:
    """ "Acme received a loan from Beta": the lender supplies the borrower."""
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj 1 B-ORG
        received  receive   VERB  VBD ROOT  1 O
        a         a         DET   DT  det   3 O
        loan      loan      NOUN  NN  dobj  1 O
        from      from      ADP   IN  prep  3 O
        Beta      Beta      PROPN NNP pobj  4 B-ORG
        .         .         PUNCT .   punct 1 O
    """) == {("beta", "contractWith", "acme")}


def test_extract_its_in_the_object_is_the_subjects(read_table) -> None:
    """ "Beta said Acme will license its system to Gamma": "its" is Acme's, so Beta
    (the other company in the story) licenses nothing to Acme."""
    _, claims = read_table("""
        Beta     Beta     PROPN NNP nsubj 1 B-ORG
        said     say      VERB  VBD ROOT  1 O
        Acme     Acme     PROPN NNP nsubj 4 B-ORG
        will     will     AUX   MD  aux   4 O
        license  license  VERB  VB  ccomp 1 O
        its      its      PRON  PRP$ poss 6 O
        system   system   NOUN  NN  dobj  4 O
        to       to       ADP   IN  prep  4 O
        Gamma    Gamma    PROPN NNP pobj  7 B-ORG
        .        .        PUNCT .   punct 1 O
    """)
    assert {(c.subject, c.predicate, c.object) for c in claims} == {
        ("acme", "contractWith", "gamma")
    }


def test_extract_stake_sold_to_a_buyer(table_triples) -> None:
    """ "Acme sold a stake in Beta to Gamma": Gamma invests in Beta (and Acme held it)."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    1 B-ORG
        sold     sell     VERB  VBD ROOT     1 O
        a        a        DET   DT  det      4 O
        minority minority NOUN  NN  compound 4 O
        stake    stake    NOUN  NN  dobj     1 O
        in       in       ADP   IN  prep     4 O
        Beta     Beta     PROPN NNP pobj     5 B-ORG
        to       to       ADP   IN  dative   1 O
        Gamma    Gamma    PROPN NNP pobj     7 B-ORG
        .        .        PUNCT .   punct    1 O
    """) == {("acme", "investsIn", "beta"), ("gamma", "investsIn", "beta")}


def test_extract_name_cut_from_its_noun(table_triples) -> None:
    """ "sold Beta to Italian bank Gamma" parsed with "Gamma" cut from "bank"."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj 1 B-ORG
        sold     sell     VERB  VBD ROOT  1 O
        Beta     Beta     PROPN NNP dobj  1 B-ORG
        to       to       ADP   IN  dative 1 O
        Italian  italian  ADJ   JJ  amod  5 B-NORP
        bank     bank     NOUN  NN  pobj  3 O
        Gamma    Gamma    PROPN NNP ROOT  6 B-ORG
        .        .        PUNCT .   punct 6 O
    """) == {("gamma", "acquires", "beta"), ("beta", "subsidiaryOf", "acme")}


def test_extract_controlled_by(table_triples) -> None:
    """A company controlled by another is its subsidiary; by a person, an investment."""
    table = """
        Beta        Beta        PROPN NNP nsubjpass 2 B-ORG
        is          be          AUX   VBZ auxpass   2 O
        controlled  control     VERB  VBN ROOT      2 O
        by          by          ADP   IN  agent     2 O
        {first}     {first}     PROPN NNP compound  5 {tag}
        {last}      {last}      PROPN NNP pobj      3 {inside}
        .           .           PUNCT .   punct     2 O
    """
    assert table_triples(
        table.format(first="Acme", last="Holdings", tag="B-ORG", inside="I-ORG")
    ) == {("beta", "subsidiaryOf", "acme")}  # "Holdings" is a company word, not in the key
    assert table_triples(
        table.format(first="Jane", last="Doe", tag="B-PERSON", inside="I-PERSON")
    ) == {("jane-doe", "investsIn", "beta")}


def test_extract_brands_listed_with_possessives(table_triples) -> None:
    """ "Acme's brands include Zintro, Foster's, Fenna and Kobo": the parser hangs the
    names after a possessive as appositions; the list is read from the words."""
    assert table_triples("""
        Acme     Acme     PROPN NNP poss     2  B-ORG
        's       's       PART  POS case     0  O
        brands   brand    NOUN  NNS nsubj    3  O
        include  include  VERB  VBP ROOT     3  O
        Zintro   Zintro   PROPN NNP dobj     3  B-PRODUCT
        ,        ,        PUNCT ,   punct    4  O
        Foster   Foster   PROPN NNP appos    4  B-PRODUCT
        's       's       PART  POS case     6  O
        ,        ,        PUNCT ,   punct    6  O
        Fenna    Fenna    PROPN NNP appos    6  B-PRODUCT
        and      and      CCONJ CC  cc       9  O
        Kobo     Kobo     PROPN NNP conj     9  B-PRODUCT
        .        .        PUNCT .   punct    3  O
    """) == {("acme", "develops", p) for p in ("zintro", "foster", "fenna", "kobo")}


def test_extract_maker_named_before_its_product(table_triples) -> None:
    """ "Acme has ordered 30 Beta Z320 planes": Beta makes the Z320, and supplies Acme."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    2 B-ORG
        has      have     AUX   VBZ aux      2 O
        ordered  order    VERB  VBN ROOT     2 O
        30       30       NUM   CD  nummod   6 B-CARDINAL
        Beta     Beta     PROPN NNP compound 6 B-ORG
        Z320     Z320     PROPN NNP compound 6 B-PRODUCT
        planes   plane    NOUN  NNS dobj     2 O
        .        .        PUNCT .   punct    2 O
    """) == {("beta", "contractWith", "acme"), ("beta", "develops", "z320")}


def test_extract_maker_at_the_start_of_a_products_name(table_triples) -> None:
    """ "Beta said the Beta Z320 sold well": a product named after its maker."""
    assert table_triples("""
        Beta     Beta     PROPN NNP nsubj    1 B-ORG
        said     say      VERB  VBD ROOT     1 O
        the      the      DET   DT  det      4 O
        Beta     Beta     PROPN NNP compound 4 B-PRODUCT
        Z320     Z320     PROPN NNP nsubj    5 I-PRODUCT
        sold     sell     VERB  VBD ccomp    1 O
        well     well     ADV   RB  advmod   5 O
        .        .        PUNCT .   punct    1 O
    """) == {("beta", "develops", "beta-z320")}


def test_extract_unit_sold_named_beside_its_noun(table_triples) -> None:
    """ "Acme sold its unit, Beta Labs, to Gamma": the unit is named, and Gamma buys it."""
    assert ("gamma", "acquires", "beta-labs") in table_triples("""
        Acme   Acme   PROPN NNP nsubj    1 B-ORG
        sold   sell   VERB  VBD ROOT     1 O
        its    its    PRON  PRP$ poss    3 O
        unit   unit   NOUN  NN  dobj     1 O
        ,      ,      PUNCT ,   punct    3 O
        Beta   Beta   PROPN NNP compound 6 B-ORG
        Labs   Labs   PROPN NNP appos    3 I-ORG
        ,      ,      PUNCT ,   punct    3 O
        to     to     ADP   IN  prep     1 O
        Gamma  Gamma  PROPN NNP pobj     8 B-ORG
        .      .      PUNCT .   punct    1 O
    """)


def test_extract_brands_a_company_owns(table_triples) -> None:
    """ "Acme owns the Zintro and Fenna's stout brands": its products, not companies
    it owns (a list goes on through the last name's possessive)."""
    assert table_triples("""
        Acme    Acme    PROPN NNP nsubj    1 B-ORG
        owns    own     VERB  VBZ ROOT     1 O
        the     the     DET   DT  det      3 O
        Zintro  Zintro  PROPN NNP dobj     1 B-ORG
        and     and     CCONJ CC  cc       3 O
        Fenna   Fenna   PROPN NNP poss     8 B-ORG
        's      's      PART  POS case     5 O
        stout   stout   NOUN  NN  compound 8 O
        brands  brand   NOUN  NNS conj     3 O
        .       .       PUNCT .   punct    1 O
    """) == {("acme", "develops", "zintro")}


def test_extract_a_division_bought_is_not_the_buyers(table_triples) -> None:
    """ "Acme agreed to buy the PC division of Beta": not Acme's division."""
    assert ("acme", "subsidiaryOf", "beta") not in table_triples("""
        Acme      Acme      PROPN NNP nsubj    1 B-ORG
        agreed    agree     VERB  VBD ROOT     1 O
        to        to        PART  TO  aux      3 O
        buy       buy       VERB  VB  xcomp    1 O
        the       the       DET   DT  det      6 O
        PC        PC        NOUN  NN  compound 6 O
        division  division  NOUN  NN  dobj     3 O
        of        of        ADP   IN  prep     6 O
        Beta      Beta      PROPN NNP pobj     7 B-ORG
        .         .         PUNCT .   punct    1 O
    """)


def test_extract_company_name_ner_cut_in_two(read_table) -> None:
    """NER tags "Halvard" a company and "Quist" a person in "sued by Halvard Quist":
    one company, which the first word modifies."""
    ents, claims = read_table("""
        Acme     Acme     PROPN NNP nsubjpass 2 B-ORG
        was      be       AUX   VBD auxpass   2 O
        sued     sue      VERB  VBN ROOT      2 O
        by       by       ADP   IN  agent     2 O
        Halvard  Halvard  PROPN NNP compound  5 B-ORG
        Quist    Quist    PROPN NNP pobj      3 B-PERSON
        .        .        PUNCT .   punct     2 O
    """)
    assert [(c.subject, c.predicate, c.object) for c in claims] == [
        ("halvard-quist", "sues", "acme")
    ]


def test_extract_non_executive_director_is_no_executive(table_triples) -> None:
    assert (
        table_triples("""
        Non        non        ADJ   JJ  amod     3 O
        -          -          ADJ   JJ  amod     3 O
        executive  executive  ADJ   JJ  amod     3 O
        director   director   NOUN  NN  ROOT     3 O
        Jane       Jane       PROPN NNP compound 5 B-PERSON
        Doe        Doe        PROPN NNP appos    3 I-PERSON
        of         of         ADP   IN  prep     3 O
        Acme       Acme       PROPN NNP pobj     6 B-ORG
        .          .          PUNCT .   punct    3 O
    """)
        == set()
    )


def test_extract_place_a_person_headed_for_is_no_company(table_triples) -> None:
    """ "Jane Doe returned from Acme, where she had headed": "where" makes the noun a
    place she went to, not what she heads."""
    assert (
        table_triples("""
        Jane      Jane      PROPN NNP compound 1 B-PERSON
        Doe       Doe       PROPN NNP nsubj    2 I-PERSON
        returned  return    VERB  VBD ROOT     2 O
        from      from      ADP   IN  prep     2 O
        Acme      Acme      PROPN NNP pobj     3 B-ORG
        ,         ,         PUNCT ,   punct    4 O
        where     where     SCONJ WRB advmod   9 O
        she       she       PRON  PRP nsubj    9 O
        had       have      AUX   VBD aux      9 O
        headed    head      VERB  VBN relcl    4 O
        .         .         PUNCT .   punct    2 O
    """)
        == set()
    )


def test_extract_an_aged_owner_is_a_person(read_table) -> None:
    """ "Jane Doe made an offer. The 76-year-old owner of the Beta team ...": the owner
    is the person, not the company the story is about."""
    _, claims = read_table("""
        Jane    Jane    PROPN NNP compound 1  B-PERSON
        Doe     Doe     PROPN NNP nsubj    2  I-PERSON
        bid     bid     VERB  VBD ROOT     2  O
        for     for     ADP   IN  prep     2  O
        Acme    Acme    PROPN NNP pobj     3  B-ORG
        .       .       PUNCT .   punct    2  O
        The     the     DET   DT  det      12 O
        76      76      NUM   CD  npadvmod 9  O
        -       -       PUNCT HYPH punct   9  O
        year    year    NOUN  NN  npadvmod 11 O
        -       -       PUNCT HYPH punct   11 O
        old     old     ADJ   JJ  amod     12 O
        owner   owner   NOUN  NN  nsubj    17 O
        of      of      ADP   IN  prep     12 O
        the     the     DET   DT  det      16 O
        Beta    Beta    PROPN NNP compound 16 B-ORG
        team    team    NOUN  NN  pobj     13 O
        spoke   speak   VERB  VBD ROOT     17 O
        .       .       PUNCT .   punct    17 O
    """)
    assert {(c.subject, c.predicate, c.object) for c in claims} == {
        ("jane-doe", "investsIn", "beta")
    }


def test_extract_plural_owners_are_not_the_company_before(table_triples) -> None:
    """ "Acme made an offer. The owners of Beta are considering it": the owners are
    not Acme."""
    assert (
        table_triples("""
        Acme        Acme        PROPN NNP nsubj    1 B-ORG
        bid         bid         VERB  VBD ROOT     1 O
        .           .           PUNCT .   punct    1 O
        The         the         DET   DT  det      4 O
        owners      owner       NOUN  NNS nsubj    8 O
        of          of          ADP   IN  prep     4 O
        Beta        Beta        PROPN NNP pobj     5 B-ORG
        are         be          AUX   VBP aux      8 O
        considering consider    VERB  VBG ROOT     8 O
        it          it          PRON  PRP dobj     8 O
        .           .           PUNCT .   punct    8 O
    """)
        == set()
    )


def test_extract_its_parent_company_is_no_company_it_owns(table_triples) -> None:
    """ "Acme's money came from its parent company, Beta Holding": Beta is not Acme's."""
    assert ("beta-holding", "subsidiaryOf", "acme") not in table_triples("""
        Acme     Acme     PROPN NNP poss     2 B-ORG
        's       's       PART  POS case     0 O
        money    money    NOUN  NN  nsubj    3 O
        came     come     VERB  VBD ROOT     3 O
        from     from     ADP   IN  prep     3 O
        its      its      PRON  PRP$ poss    7 O
        parent   parent   NOUN  NN  compound 7 O
        company  company  NOUN  NN  pobj     4 O
        ,        ,        PUNCT ,   punct    7 O
        Beta     Beta     PROPN NNP compound 10 B-ORG
        Holding  Holding  PROPN NNP appos    7 I-ORG
        .        .        PUNCT .   punct    3 O
    """)


def test_extract_title_of_an_unnamed_body_is_not_the_storys(table_triples) -> None:
    """ "Acme grew. Acme hired. Statistics Bureau chief Jane Doe told Acme": the title is
    the bureau's, which names no entity, not Acme's."""
    assert (
        table_triples("""
        Acme        Acme        PROPN NNP nsubj    1  B-ORG
        grew        grow        VERB  VBD ROOT     1  O
        .           .           PUNCT .   punct    1  O
        Acme        Acme        PROPN NNP nsubj    4  B-ORG
        hired       hire        VERB  VBD ROOT     4  O
        .           .           PUNCT .   punct    4  O
        Statistics  Statistics  PROPN NNP compound 7  O
        Bureau      Bureau      PROPN NNP compound 8  O
        chief       chief       NOUN  NN  compound 10 O
        Jane        Jane        PROPN NNP compound 10 B-PERSON
        Doe         Doe         PROPN NNP nsubj    11 I-PERSON
        told        tell        VERB  VBD ROOT     11 O
        Acme        Acme        PROPN NNP dobj     11 B-ORG
        .           .           PUNCT .   punct    11 O
    """)
        == set()
    )


def test_extract_its_own_products_listed_before_their_noun(table_triples) -> None:
    """ "Acme is selling its Zintro and Fenna products": it makes both, so it does not
    merely offer them."""
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj 3 B-ORG
        is        be        AUX   VBZ aux   3 O
        still     still     ADV   RB  advmod 3 O
        selling   sell      VERB  VBG ROOT  3 O
        its       its       PRON  PRP$ poss 8 O
        Zintro    Zintro    PROPN NNP nmod  8 B-PRODUCT
        and       and       CCONJ CC  cc    5 O
        Fenna     Fenna     PROPN NNP conj  5 B-PRODUCT
        products  product   NOUN  NNS dobj  3 O
        .         .         PUNCT .   punct 3 O
    """) == {("acme", "develops", "zintro"), ("acme", "develops", "fenna")}


def test_extract_adviser_to_a_person_holds_no_contract(table_triples) -> None:
    """ "Jane Doe, adviser to Acme's managing director, John Roe": she works for Acme,
    not under contract to him."""
    found = table_triples("""
        Jane      Jane      PROPN NNP compound 1 B-PERSON
        Doe       Doe       PROPN NNP ROOT     1 I-PERSON
        ,         ,         PUNCT ,   punct    1 O
        adviser   adviser   NOUN  NN  appos    1 O
        to        to        ADP   IN  prep     3 O
        Acme      Acme      PROPN NNP poss     8 B-ORG
        's        's        PART  POS case     5 O
        managing  manage    VERB  VBG amod     8 O
        director  director  NOUN  NN  pobj     4 O
        ,         ,         PUNCT ,   punct    8 O
        John      John      PROPN NNP compound 11 B-PERSON
        Roe       Roe       PROPN NNP appos    8 I-PERSON
        .         .         PUNCT .   punct    1 O
    """)
    assert not {t for t in found if t[1] == "contractWith" and t[2] == "john-roe"}


# ------------------------------------------------------------------------ brands


def test_extract_brands_listed_before_the_noun_are_read_from_the_words(table_triples) -> None:
    """ "sells cover under the Zorin, Kestrel and Vanta brands", parsed with the first
    name the object of "under" and "brands" joined to it: every name listed is a brand."""
    assert table_triples("""
        Halvard    Halvard    PROPN NNP compound 1  B-ORG
        Systems    Systems    PROPN NNP nsubj    17 I-ORG
        ,          ,          PUNCT ,   punct    1  O
        which      which      PRON  WDT nsubj    5  O
        also       also       ADV   RB  advmod   5  O
        sells      sell       VERB  VBZ relcl    1  O
        cover      cover      NOUN  NN  dobj     5  O
        under      under      ADP   IN  prep     5  O
        the        the        DET   DT  det      9  O
        Zorin      Zorin      PROPN NNP pobj     7  B-PERSON
        ,          ,          PUNCT ,   punct    9  O
        Kestrel    Kestrel    PROPN NNP nmod     14 B-PERSON
        and        and        CCONJ CC  cc       11 O
        Vanta      Vanta      PROPN NNP conj     11 B-PERSON
        brands     brand      NOUN  NNS conj     9  O
        ,          ,          PUNCT ,   punct    1  O
        has        have       AUX   VBZ aux      17 O
        struggled  struggle   VERB  VBN ROOT     17 O
        .          .          PUNCT .   punct    17 O
    """) == {
        ("halvard-systems", "develops", "zorin"),
        ("halvard-systems", "develops", "kestrel"),
        ("halvard-systems", "develops", "vanta"),
    }


def test_extract_a_repeated_name_is_found_though_its_first_word_reads_as_an_adjective(
    read_table,
) -> None:
    """ "Direct Line" found once by NER is the same name where its first word is
    tagged an adjective and NER leaves it untagged."""
    entities, _ = read_table("""
        Aviva      Aviva      PROPN NNP nsubj    1  B-ORG
        bought     buy        VERB  VBD ROOT     1  O
        Direct     Direct     PROPN NNP compound 3  B-ORG
        Line       Line       PROPN NNP dobj     1  I-ORG
        .          .          PUNCT .   punct    1  O
        Direct     direct     ADJ   JJ  amod     6  O
        Line       Line       PROPN NNP nsubj    7  O
        struggled  struggle   VERB  VBD ROOT     7  O
        .          .          PUNCT .   punct    7  O
    """)
    (line,) = [e for e in entities if e.label == "Direct Line"]
    assert len(line.mentions) == 2


# ------------------------------------------------------------------- descriptions


def test_extract_a_description_points_back_to_the_name_it_described(table_triples) -> None:
    """ "Halvard, the utility, ... Corvale met Beta. Zorin, the utility's arm": the
    utility is Halvard, described so before, not Corvale, the nearer subject."""
    assert table_triples("""
        Halvard  Halvard  PROPN NNP nsubj  5  B-ORG
        ,        ,        PUNCT ,   punct  0  O
        the      the      DET   DT  det    3  O
        utility  utility  NOUN  NN  appos  0  O
        ,        ,        PUNCT ,   punct  3  O
        sold     sell     VERB  VBD ROOT   5  O
        shares   share    NOUN  NNS dobj   5  O
        .        .        PUNCT .   punct  5  O
        Corvale  Corvale  PROPN NNP nsubj  9  B-ORG
        met      meet     VERB  VBD ROOT   9  O
        Beta     Beta     PROPN NNP dobj   9  B-ORG
        .        .        PUNCT .   punct  9  O
        Zorin    Zorin    PROPN NNP nsubj  19 B-ORG
        ,        ,        PUNCT ,   punct  12 O
        the      the      DET   DT  det    15 O
        utility  utility  NOUN  NN  poss   17 O
        's       's       PART  POS case   15 O
        arm      arm      NOUN  NN  appos  12 O
        ,        ,        PUNCT ,   punct  19 O
        grew     grow     VERB  VBD ROOT   19 O
        .        .        PUNCT .   punct  19 O
    """) == {("zorin", "subsidiaryOf", "halvard")}


# ---------------------------------------------------------------------- not yet deals


def test_extract_a_deal_discussed_in_talks_is_hedged(read_table) -> None:
    """ "held talks with Beta on forming a venture to acquire Gamma": talks, no deal."""
    _, claims = read_table("""
        Acme     Acme     PROPN NNP nsubj  1  B-ORG
        said     say      VERB  VBD ROOT   1  O
        it       it       PRON  PRP nsubj  3  O
        held     hold     VERB  VBD ccomp  1  O
        talks    talk     NOUN  NNS dobj   3  O
        with     with     ADP   IN  prep   4  O
        Beta     Beta     PROPN NNP pobj   5  B-ORG
        on       on       ADP   IN  prep   3  O
        forming  form     VERB  VBG pcomp  7  O
        a        a        DET   DT  det    10 O
        venture  venture  NOUN  NN  dobj   8  O
        to       to       PART  TO  aux    12 O
        acquire  acquire  VERB  VB  acl    10 O
        Gamma    Gamma    PROPN NNP dobj   12 B-ORG
        .        .        PUNCT .   punct  1  O
    """)
    assert {(c.subject, c.predicate, c.object, c.polarity) for c in claims} == {
        ("acme", "acquires", "gamma", "hedged")
    }


def test_extract_an_obligation_to_buy_is_hedged_and_its_buyer_the_one_obliged(
    read_table,
) -> None:
    """ "Beta claims that Acme is obliged to buy Gamma": Acme is the buyer, and the
    deal is not done."""
    _, claims = read_table("""
        Beta     Beta     PROPN NNP nsubj     1 B-ORG
        claims   claim    VERB  VBZ ROOT      1 O
        that     that     SCONJ IN  mark      5 O
        Acme     Acme     PROPN NNP nsubjpass 5 B-ORG
        is       be       AUX   VBZ auxpass   5 O
        obliged  oblige   VERB  VBN ccomp     1 O
        to       to       PART  TO  aux       7 O
        buy      buy      VERB  VB  xcomp     5 O
        Gamma    Gamma    PROPN NNP dobj      7 B-ORG
        .        .        PUNCT .   punct     1 O
    """)
    assert [(c.subject, c.predicate, c.object, c.polarity) for c in claims] == [
        ("acme", "acquires", "gamma", "hedged")
    ]


def test_extract_a_count_is_never_the_end_of_a_name(read_table) -> None:
    """NER's "Qintex 900,000" in "sell Qintex 900,000 shares" is Qintex."""
    entities, _ = read_table("""
        Acme     Acme     PROPN NNP nsubj    1 B-ORG
        sold     sell     VERB  VBD ROOT     1 O
        Qintex   Qintex   PROPN NNP dative   1 B-ORG
        900,000  900,000  NUM   CD  nummod   4 I-ORG
        shares   share    NOUN  NNS dobj     1 O
        .        .        PUNCT .   punct    1 O
    """)
    assert "Qintex" in {e.label for e in entities}
    assert not any("900" in e.label for e in entities)


def test_extract_a_unit_counted_by_a_number_is_no_name(read_table) -> None:
    """ "to produce 12,600 MW of electricity": NER's organisation "MW" is a unit."""
    entities, claims = read_table("""
        Acme         Acme         PROPN NNP nsubj   1 B-ORG
        produces     produce      VERB  VBZ ROOT    1 O
        12,600       12,600       NUM   CD  nummod  3 B-CARDINAL
        MW           mw           NOUN  NN  dobj    1 B-ORG
        of           of           ADP   IN  prep    3 O
        electricity  electricity  NOUN  NN  pobj    4 O
        .            .            PUNCT .   punct   1 O
    """)
    assert [e.label for e in entities] == ["Acme"]
    assert not claims


def test_extract_an_end_to_an_alliance_says_there_was_one(read_table) -> None:
    """ "negotiated an end to its alliance with Beta": the talks are about the end."""
    _, claims = read_table("""
        Acme        Acme       PROPN NNP nsubj  1 B-ORG
        negotiated  negotiate  VERB  VBD ROOT   1 O
        an          an         DET   DT  det    3 O
        end         end        NOUN  NN  dobj   1 O
        to          to         ADP   IN  prep   3 O
        its         its        PRON  PRP$ poss  6 O
        alliance    alliance   NOUN  NN  pobj   4 O
        with        with       ADP   IN  prep   6 O
        Beta        Beta       PROPN NNP pobj   7 B-ORG
        .           .          PUNCT .   punct  1 O
    """)
    assert [(c.subject, c.predicate, c.object, c.polarity) for c in claims] == [
        ("acme", "partnerOf", "beta", "asserted")
    ]


def test_extract_the_brainchild_of_a_person_is_what_they_founded(table_triples) -> None:
    assert table_triples("""
        Acme        Acme        PROPN NNP compound 1  B-ORG
        Airlines    Airlines    PROPN NNP nsubj    9  I-ORG
        ,           ,           PUNCT ,   punct    1  O
        the         the         DET   DT  det      4  O
        brainchild  brainchild  NOUN  NN  appos    1  O
        of          of          ADP   IN  prep     4  O
        Jane        Jane        PROPN NNP compound 7  B-PERSON
        Doe         Doe         PROPN NNP pobj     5  I-PERSON
        ,           ,           PUNCT ,   punct    1  O
        grew        grow        VERB  VBD ROOT     9  O
        .           .           PUNCT .   punct    9  O
    """) == {("jane-doe", "founderOf", "acme-airlines")}


def test_extract_a_stake_sold_with_no_company_said_is_in_the_seller(table_triples) -> None:
    """ "Acme opted to sell a minority stake to Beta" (the parser hangs "to" on the
    stake): Beta invests in Acme; "sold its stake to Beta" says nothing of in what."""
    assert table_triples("""
        Acme      Acme      PROPN NNP nsubj    1 B-ORG
        opted     opt       VERB  VBD ROOT     1 O
        to        to        PART  TO  aux      3 O
        sell      sell      VERB  VB  xcomp    1 O
        a         a         DET   DT  det      6 O
        minority  minority  NOUN  NN  compound 6 O
        stake     stake     NOUN  NN  dobj     3 O
        to        to        ADP   IN  prep     6 O
        Beta      Beta      PROPN NNP pobj     7 B-ORG
        .         .         PUNCT .   punct    1 O
    """) == {("beta", "investsIn", "acme")}
    assert (
        table_triples("""
        Acme   Acme   PROPN NNP  nsubj 1 B-ORG
        sold   sell   VERB  VBD  ROOT  1 O
        its    its    PRON  PRP$ poss  3 O
        stake  stake  NOUN  NN   dobj  1 O
        to     to     ADP   IN   prep  1 O
        Beta   Beta   PROPN NNP  pobj  4 B-ORG
        .      .      PUNCT .    punct 1 O
    """)
        == set()
    )


def test_extract_whose_chief_executive_with_both_title_words_on_the_name(table_triples) -> None:
    """ "Acme, whose chief executive Jane Doe also runs Beta, grew", parsed with "chief"
    and "executive" both on the name and two subjects of "runs"."""
    assert table_triples("""
        Acme       Acme       PROPN NNP nsubj    8  B-ORG
        ,          ,          PUNCT ,   punct    0  O
        whose      whose      DET   WP$ poss     6  O
        chief      chief      ADJ   JJ  amod     6  O
        executive  executive  NOUN  NN  compound 6  O
        Jane       Jane       PROPN NNP compound 6  B-PERSON
        Doe        Doe        PROPN NNP nsubj    8  I-PERSON
        also       also       ADV   RB  advmod   8  O
        runs       run        VERB  VBZ ROOT     8  O
        Beta       Beta       PROPN NNP dobj     8  B-ORG
        ,          ,          PUNCT ,   punct    8  O
        grew       grow       VERB  VBD conj     8  O
        .          .          PUNCT .   punct    8  O
    """) == {("jane-doe", "executiveOf", "acme"), ("jane-doe", "executiveOf", "beta")}


def test_extract_a_successor_and_the_one_succeeded_both_held_the_post(table_triples) -> None:
    assert table_triples("""
        Jane       Jane       PROPN NNP compound 1 B-PERSON
        Doe        Doe        PROPN NNP nsubj    2 I-PERSON
        succeeded  succeed    VERB  VBD ROOT     2 O
        John       John       PROPN NNP compound 4 B-PERSON
        Roe        Roe        PROPN NNP dobj     2 I-PERSON
        as         as         ADP   IN  prep     2 O
        chief      chief      ADJ   JJ  amod     7 O
        executive  executive  NOUN  NN  pobj     5 O
        of         of         ADP   IN  prep     7 O
        Acme       Acme       PROPN NNP pobj     8 B-ORG
        .          .          PUNCT .   punct    2 O
    """) == {("jane-doe", "executiveOf", "acme"), ("john-roe", "executiveOf", "acme")}


def test_extract_a_company_sets_up_another(table_triples) -> None:
    """ "Beta, which was set up by Acme": a company is a founder too."""
    assert table_triples("""
        Beta   Beta   PROPN NNP nsubj     8 B-ORG
        ,      ,      PUNCT ,   punct     0 O
        which  which  PRON  WDT nsubjpass 4 O
        was    be     AUX   VBD auxpass   4 O
        set    set    VERB  VBN relcl     0 O
        up     up     ADP   RP  prt       4 O
        by     by     ADP   IN  agent     4 O
        Acme   Acme   PROPN NNP pobj      6 B-ORG
        grew   grow   VERB  VBD ROOT      8 O
        .      .      PUNCT .   punct     8 O
    """) == {("acme", "founderOf", "beta")}


def test_extract_it_is_not_one_of_a_list(table_triples) -> None:
    """ "Acme, Beta and Gamma each own shares. It paid $5 million for a stake in Zeta":
    "it" is Delta, named before the list, not Gamma, the last of it."""
    assert table_triples("""
        Delta    Delta    PROPN NNP nsubj    1  B-ORG
        grew     grow     VERB  VBD ROOT     1  O
        .        .        PUNCT .   punct    1  O
        Acme     Acme     PROPN NNP nsubj    9  B-ORG
        ,        ,        PUNCT ,   punct    3  O
        Beta     Beta     PROPN NNP conj     3  B-ORG
        and      and      CCONJ CC  cc       5  O
        Gamma    Gamma    PROPN NNP conj     5  B-ORG
        each     each     PRON  DT  appos    3  O
        own      own      VERB  VBP ROOT     9  O
        shares   share    NOUN  NNS dobj     9  O
        .        .        PUNCT .   punct    9  O
        It       it       PRON  PRP nsubj    13 O
        paid     pay      VERB  VBD ROOT     13 O
        $        $        SYM   $   quantmod 16 B-MONEY
        5        5        NUM   CD  compound 16 I-MONEY
        million  million  NUM   CD  dobj     13 I-MONEY
        for      for      ADP   IN  prep     13 O
        a        a        DET   DT  det      19 O
        stake    stake    NOUN  NN  pobj     17 O
        in       in       ADP   IN  prep     19 O
        Zeta     Zeta     PROPN NNP pobj     20 B-ORG
        .        .        PUNCT .   punct    13 O
    """) == {("delta", "investsIn", "zeta")}


# ------------------------------------------------------------------------ short names


def test_extract_an_organisations_name_without_its_generic_words_is_found(table_triples) -> None:
    """ "Helvion Biotech ... Regeneron sued Helvion", NER leaving the short name
    untagged; "General" of "General Motors" in "Attorney General" is no name."""
    assert table_triples("""
        Helvion    Helvion    PROPN NNP compound 1 B-ORG
        Biotech    Biotech    PROPN NNP nsubj    2 I-ORG
        grew       grow       VERB  VBD ROOT     2 O
        .          .          PUNCT .   punct    2 O
        Regeneron  Regeneron  PROPN NNP nsubj    5 B-ORG
        sued       sue        VERB  VBD ROOT     5 O
        Helvion    Helvion    PROPN NNP dobj     5 O
        .          .          PUNCT .   punct    5 O
    """) == {("regeneron", "sues", "helvion-biotech")}
    assert (
        table_triples("""
        General   General   PROPN NNP compound 1 B-ORG
        Motors    Motors    PROPN NNP nsubj    2 I-ORG
        grew      grow      VERB  VBD ROOT     2 O
        .         .         PUNCT .   punct    2 O
        Attorney  Attorney  PROPN NNP compound 5 O
        General   General   PROPN NNP nsubj    6 O
        sued      sue       VERB  VBD ROOT     6 O
        Beta      Beta      PROPN NNP dobj     6 B-ORG
        .         .         PUNCT .   punct    6 O
    """)
        == set()
    )


def test_extract_a_foundation_is_not_found_by_its_first_words(read_table) -> None:
    entities, _ = read_table("""
        Acme        Acme        PROPN NNP compound 1 B-ORG
        Foundation  Foundation  PROPN NNP nsubj    2 I-ORG
        grew        grow        VERB  VBD ROOT     2 O
        .           .           PUNCT .   punct    2 O
        Acme        Acme        PROPN NNP nsubj    5 O
        shrank      shrink      VERB  VBD ROOT     5 O
        .           .           PUNCT .   punct    5 O
    """)
    assert [e.label for e in entities] == ["Acme Foundation"]
    assert len(entities[0].mentions) == 1


def test_extract_products_listed_before_their_noun_are_all_made(table_triples) -> None:
    """ "makes the Eurostar Neo and OneSat telecoms satellites", parsed with OneSat
    joined to "Neo": both are made."""
    assert table_triples("""
        Acme        Acme       PROPN NNP nsubj    1  B-ORG
        makes       make       VERB  VBZ ROOT     1  O
        the         the        DET   DT  det      8  O
        Eurostar    Eurostar   PROPN NNP nmod     7  B-PRODUCT
        Neo         Neo        PROPN NNP appos    3  I-PRODUCT
        and         and        CCONJ CC  cc       4  O
        OneSat      OneSat     PROPN NNP conj     4  B-ORG
        telecoms    telecom    NOUN  NNS compound 8  O
        satellites  satellite  NOUN  NNS dobj     1  O
        .           .          PUNCT .   punct    1  O
    """) == {("acme", "develops", "eurostar-neo"), ("acme", "develops", "onesat")}


def test_extract_deals_listed_after_including_each_with_its_date(read_table) -> None:
    """ "grew through a string of acquisitions, including Beta in 2012 and Gamma"."""
    _, claims = read_table("""
        Acme          Acme         PROPN NNP nsubj 1  B-ORG
        grew          grow         VERB  VBD ROOT  1  O
        through       through      ADP   IN  prep  1  O
        a             a            DET   DT  det   4  O
        string        string       NOUN  NN  pobj  2  O
        of            of           ADP   IN  prep  4  O
        acquisitions  acquisition  NOUN  NNS pobj  5  O
        ,             ,            PUNCT ,   punct 6  O
        including     include      VERB  VBG prep  6  O
        Beta          Beta         PROPN NNP pobj  8  B-ORG
        in            in           ADP   IN  prep  9  O
        2012          2012         NUM   CD  pobj  10 B-DATE
        and           and          CCONJ CC  cc    9  O
        Gamma         Gamma        PROPN NNP conj  9  B-ORG
        .             .            PUNCT .   punct 1  O
    """)
    assert {(c.subject, c.predicate, c.object, c.date) for c in claims} == {
        ("acme", "acquires", "beta", "2012"),
        ("acme", "acquires", "gamma", None),
    }


def test_extract_a_preposition_repeated_after_and(table_triples) -> None:
    """ "lost customers to Beta and to Gamma": both are rivals."""
    assert table_triples("""
        Acme       Acme      PROPN NNP nsubj 1 B-ORG
        lost       lose      VERB  VBD ROOT  1 O
        customers  customer  NOUN  NNS dobj  1 O
        to         to        ADP   IN  prep  1 O
        Beta       Beta      PROPN NNP pobj  3 B-ORG
        and        and       CCONJ CC  cc    3 O
        to         to        ADP   IN  conj  3 O
        Gamma      Gamma     PROPN NNP pobj  6 B-ORG
        .          .         PUNCT .   punct 1 O
    """) == {("acme", "rivalOf", "beta"), ("acme", "rivalOf", "gamma")}


def test_extract_the_unit_is_the_one_called_a_unit_before(table_triples) -> None:
    """ "its unit, Gamma Inc ... Delta was bought by the unit": Gamma, not Beta, the
    last company named."""
    assert table_triples("""
        Acme    Acme    PROPN NNP nsubj    1  B-ORG
        listed  list    VERB  VBD ROOT     1  O
        its     its     PRON  PRP$ poss    3  O
        unit    unit    NOUN  NN  dobj     1  O
        ,       ,       PUNCT ,   punct    3  O
        Gamma   Gamma   PROPN NNP appos    3  B-ORG
        .       .       PUNCT .   punct    1  O
        Delta   Delta   PROPN NNP nsubjpass 13 B-ORG
        ,       ,       PUNCT ,   punct    7  O
        owned   own     VERB  VBN acl      7  O
        by      by      ADP   IN  agent    9  O
        Beta    Beta    PROPN NNP pobj     10 B-ORG
        was     be      AUX   VBD auxpass  13 O
        bought  buy     VERB  VBN ROOT     13 O
        by      by      ADP   IN  agent    13 O
        the     the     DET   DT  det      16 O
        unit    unit    NOUN  NN  pobj     14 O
        .       .       PUNCT .   punct    13 O
    """) == {
        ("gamma", "subsidiaryOf", "acme"),
        ("delta", "subsidiaryOf", "beta"),
        ("gamma", "acquires", "delta"),
    }


# ---------------------------------------------------------------------- programmes


def test_extract_the_home_of_a_show_offers_it(table_triples) -> None:
    assert table_triples("""
        Acme    Acme    PROPN NNP nsubj 2 B-ORG
        will    will    AUX   MD  aux   2 O
        become  become  VERB  VB  ROOT  2 O
        the     the     DET   DT  det   4 O
        home    home    NOUN  NN  attr  2 O
        of      of      ADP   IN  prep  4 O
        Zorin   Zorin   PROPN NNP pobj  5 B-PRODUCT
        .       .       PUNCT .   punct 2 O
    """) == {("acme", "offers", "zorin")}


def test_extract_a_broadcaster_carrying_a_show_offers_it(table_triples) -> None:
    assert table_triples("""
        Acme    Acme    PROPN NNP nsubj 1 B-ORG
        agreed  agree   VERB  VBD ROOT  1 O
        to      to      PART  TO  aux   3 O
        carry   carry   VERB  VB  xcomp 1 O
        Zorin   Zorin   PROPN NNP dobj  3 B-PRODUCT
        .       .       PUNCT .   punct 1 O
    """) == {("acme", "offers", "zorin")}


def test_extract_an_owners_programmes_listed_after_including(table_triples) -> None:
    """ "Beta's programmes, including Zorin and Kestrel": Beta's own."""
    assert table_triples("""
        Beta        Beta        PROPN NNP poss  2 B-ORG
        's          's          PART  POS case  0 O
        programmes  programme   NOUN  NNS nsubj 8 O
        ,           ,           PUNCT ,   punct 2 O
        including   include     VERB  VBG prep  2 O
        Zorin       Zorin       PROPN NNP pobj  4 B-PRODUCT
        and         and         CCONJ CC  cc    5 O
        Kestrel     Kestrel     PROPN NNP conj  5 B-PRODUCT
        grew        grow        VERB  VBD ROOT  8 O
        .           .           PUNCT .   punct 8 O
    """) == {("beta", "develops", "zorin"), ("beta", "develops", "kestrel")}


def test_extract_those_named_together_in_a_joint_work_are_partners(table_triples) -> None:
    """ "Acme is working with Beta and Gamma on the jet": each two are partners."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj 2 B-ORG
        is       be       AUX   VBZ aux   2 O
        working  work     VERB  VBG ROOT  2 O
        with     with     ADP   IN  prep  2 O
        Beta     Beta     PROPN NNP pobj  3 B-ORG
        and      and      CCONJ CC  cc    4 O
        Gamma    Gamma    PROPN NNP conj  4 B-ORG
        .        .        PUNCT .   punct 2 O
    """) == {
        ("acme", "partnerOf", "beta"),
        ("acme", "partnerOf", "gamma"),
        ("beta", "partnerOf", "gamma"),
    }


# --------------------------------------------------------------------------- dates


def test_extract_an_agreement_dates_the_deal_it_agrees(read_table) -> None:
    """ "Acme's agreement in October to buy Beta Corp"."""
    _, claims = read_table(
        """
        Acme       Acme       PROPN NNP poss      2  B-ORG
        's         's         PART  POS case      0  O
        agreement  agreement  NOUN  NN  nsubjpass 10 O
        in         in         ADP   IN  prep      2  O
        October    October    PROPN NNP pobj      3  B-DATE
        to         to         PART  TO  aux       6  O
        buy        buy        VERB  VB  acl       2  O
        Beta       Beta       PROPN NNP compound  8  B-ORG
        Corp       Corp       PROPN NNP dobj      6  I-ORG
        was        be         AUX   VBD auxpass   10 O
        approved   approve    VERB  VBN ROOT      10 O
        .          .          PUNCT .   punct     10 O
    """,
        published="2026-11-25",
    )
    assert [(c.subject, c.predicate, c.object, c.date) for c in claims] == [
        ("acme", "acquires", "beta", "2026-10")
    ]


def test_extract_a_merger_that_formed_a_company_has_its_date(read_table) -> None:
    """ "Acme was formed in 1998 by the merger of Beta and Gamma"."""
    _, claims = read_table("""
        Acme    Acme    PROPN NNP nsubjpass 2 B-ORG
        was     be      AUX   VBD auxpass   2 O
        formed  form    VERB  VBN ROOT      2 O
        in      in      ADP   IN  prep      2 O
        1998    1998    NUM   CD  pobj      3 B-DATE
        by      by      ADP   IN  agent     2 O
        the     the     DET   DT  det       7 O
        merger  merger  NOUN  NN  pobj      5 O
        of      of      ADP   IN  prep      7 O
        Beta    Beta    PROPN NNP pobj      8 B-ORG
        and     and     CCONJ CC  cc        9 O
        Gamma   Gamma   PROPN NNP conj      9 B-ORG
        .       .       PUNCT .   punct     2 O
    """)
    assert [(c.subject, c.predicate, c.object, c.date) for c in claims] == [
        ("beta", "mergesWith", "gamma", "1998")
    ]


# ------------------------------------------------------------------ misparses read right


def test_extract_buying_something_for_a_company_is_not_buying_it(table_triples) -> None:
    """ "The deal bought Beta a seat at the table": for Beta."""
    assert (
        table_triples("""
        Acme    Acme    PROPN NNP nsubj  1 B-ORG
        bought  buy     VERB  VBD ROOT   1 O
        Beta    Beta    PROPN NNP dative 1 B-ORG
        a       a       DET   DT  det    4 O
        seat    seat    NOUN  NN  dobj   1 O
        .       .       PUNCT .   punct  1 O
    """)
        == set()
    )


def test_extract_a_deal_agreed_in_a_later_clause_takes_no_bidders(table_triples) -> None:
    """ "Acme and Beta tabled an offer before the Gamma deal was agreed": no deal
    between Acme and Beta."""
    assert (
        table_triples("""
        Acme    Acme    PROPN NNP nsubj     3  B-ORG
        and     and     CCONJ CC  cc        0  O
        Beta    Beta    PROPN NNP conj      0  B-ORG
        tabled  table   VERB  VBD ROOT      3  O
        an      an      DET   DT  det       5  O
        offer   offer   NOUN  NN  dobj      3  O
        before  before  ADP   IN  mark      11 O
        the     the     DET   DT  det       9  O
        Gamma   Gamma   PROPN NNP compound  9  B-ORG
        deal    deal    NOUN  NN  nsubjpass 11 O
        was     be      AUX   VBD auxpass   11 O
        agreed  agree   VERB  VBN advcl     3  O
        .       .       PUNCT .   punct     3  O
    """)
        == set()
    )


def test_extract_shares_given_out_each_name_one_company(table_triples) -> None:
    """ "Acme will own 35% of the venture and Beta and Gamma 32.5% each": Acme owns
    none of Beta or Gamma."""
    assert not {
        t
        for t in table_triples("""
        Acme     Acme     PROPN NNP nsubj  2  B-ORG
        will     will     AUX   MD  aux    2  O
        own      own      VERB  VB  ROOT   2  O
        35       35       NUM   CD  nummod 4  B-PERCENT
        %        %        NOUN  NN  dobj   2  I-PERCENT
        of       of       ADP   IN  prep   4  O
        the      the      DET   DT  det    7  O
        venture  venture  NOUN  NN  pobj   5  O
        and      and      CCONJ CC  cc     7  O
        Beta     Beta     PROPN NNP conj   7  B-ORG
        and      and      CCONJ CC  cc     9  O
        Gamma    Gamma    PROPN NNP conj   9  B-ORG
        32.5     32.5     NUM   CD  nummod 13 B-PERCENT
        %        %        NOUN  NN  appos  9  I-PERCENT
        each     each     DET   DT  advmod 13 O
        .        .        PUNCT .   punct  2  O
    """)
        if t[0] == "acme"
    }


def test_extract_a_title_set_off_after_a_company_is_its_own(table_triples) -> None:
    """ "Acme agreed to buy Beta Life, the British arm of Beta", with the apposition
    parsed on Acme."""
    assert table_triples("""
        Acme     Acme     PROPN NNP nsubj    1  B-ORG
        agreed   agree    VERB  VBD ROOT     1  O
        to       to       PART  TO  aux      3  O
        buy      buy      VERB  VB  xcomp    1  O
        Beta     Beta     PROPN NNP compound 5  B-ORG
        Life     Life     PROPN NNP dobj     3  I-ORG
        ,        ,        PUNCT ,   punct    0  O
        the      the      DET   DT  det      9  O
        British  british  ADJ   JJ  amod     9  B-NORP
        arm      arm      NOUN  NN  appos    0  O
        of       of       ADP   IN  prep     9  O
        Beta     Beta     PROPN NNP pobj     10 B-ORG
        .        .        PUNCT .   punct    1  O
    """) == {("acme", "acquires", "beta-life"), ("beta-life", "subsidiaryOf", "beta")}


def test_extract_the_verb_after_a_whose_clause_is_the_companys(table_triples) -> None:
    """ "Acme, whose chief executive Jane Doe also runs Beta, holds a stake in Gamma",
    parsed with "holds" joined to "runs"."""
    assert table_triples("""
        Acme       Acme       PROPN NNP nsubj    8  B-ORG
        ,          ,          PUNCT ,   punct    0  O
        whose      whose      DET   WP$ poss     6  O
        chief      chief      ADJ   JJ  amod     6  O
        executive  executive  NOUN  NN  compound 6  O
        Jane       Jane       PROPN NNP compound 6  B-PERSON
        Doe        Doe        PROPN NNP nsubj    8  I-PERSON
        also       also       ADV   RB  advmod   8  O
        runs       run        VERB  VBZ ROOT     8  O
        Beta       Beta       PROPN NNP dobj     8  B-ORG
        ,          ,          PUNCT ,   punct    8  O
        holds      hold       VERB  VBZ conj     8  O
        a          a          DET   DT  det      13 O
        stake      stake      NOUN  NN  dobj     11 O
        in         in         ADP   IN  prep     13 O
        Gamma      Gamma      PROPN NNP pobj     14 B-ORG
        .          .          PUNCT .   punct    8  O
    """) == {
        ("jane-doe", "executiveOf", "acme"),
        ("jane-doe", "executiveOf", "beta"),
        ("acme", "investsIn", "gamma"),
    }


def test_extract_providing_a_company_with_financing_is_a_contract(table_triples) -> None:
    assert table_triples("""
        Acme       Acme       PROPN NNP nsubj  2 B-ORG
        will       will       AUX   MD  aux    2 O
        provide    provide    VERB  VB  ROOT   2 O
        Beta       Beta       PROPN NNP dobj   2 B-ORG
        with       with       ADP   IN  prep   2 O
        financing  financing  NOUN  NN  pobj   4 O
        .          .          PUNCT .   punct  2 O
    """) == {("acme", "contractWith", "beta")}


def test_extract_a_list_of_controllers_goes_on_past_an_apposition(table_triples) -> None:
    """ "controlled by Acme, a brokerage firm, and Beta", parsed with Beta joined to
    the verb: both control it."""
    assert table_triples("""
        Gamma       Gamma      PROPN NNP nsubjpass 2  B-ORG
        is          be         AUX   VBZ auxpass   2  O
        controlled  control    VERB  VBN ROOT      2  O
        by          by         ADP   IN  agent     2  O
        Acme        Acme       PROPN NNP pobj      3  B-ORG
        ,           ,          PUNCT ,   punct     4  O
        a           a          DET   DT  det       8  O
        brokerage   brokerage  NOUN  NN  compound  8  O
        firm        firm       NOUN  NN  appos     4  O
        ,           ,          PUNCT ,   punct     2  O
        and         and        CCONJ CC  cc        2  O
        Beta        Beta       PROPN NNP conj      2  B-ORG
        .           .          PUNCT .   punct     2  O
    """) == {("gamma", "subsidiaryOf", "acme"), ("gamma", "subsidiaryOf", "beta")}
    assert table_triples("""
        Gamma       Gamma      PROPN NNP nsubjpass 2  B-ORG
        is          be         AUX   VBZ auxpass   2  O
        controlled  control    VERB  VBN ROOT      2  O
        by          by         ADP   IN  agent     2  O
        Acme        Acme       PROPN NNP pobj      3  B-ORG
        ,           ,          PUNCT ,   punct     4  O
        a           a          DET   DT  det       8  O
        brokerage   brokerage  NOUN  NN  compound  8  O
        firm        firm       NOUN  NN  appos     4  O
        ,           ,          PUNCT ,   punct     8  O
        and         and        CCONJ CC  cc        8  O
        Beta        Beta       PROPN NNP conj      8  B-ORG
        .           .          PUNCT .   punct     2  O
    """) == {("gamma", "subsidiaryOf", "acme"), ("gamma", "subsidiaryOf", "beta")}


def test_extract_an_apposition_is_about_the_name_before_its_comma(table_triples) -> None:
    """ "Zeta merged with Beta, the promotion that Acme bought", the apposition parsed
    on Zeta: Acme bought Beta."""
    assert ("acme", "acquires", "beta") in table_triples("""
        Zeta       Zeta       PROPN NNP nsubj  1 B-ORG
        merged     merge      VERB  VBD ROOT   1 O
        with       with       ADP   IN  prep   1 O
        Beta       Beta       PROPN NNP pobj   2 B-ORG
        ,          ,          PUNCT ,   punct  1 O
        the        the        DET   DT  det    6 O
        promotion  promotion  NOUN  NN  appos  0 O
        that       that       PRON  WDT dobj   9 O
        Acme       Acme       PROPN NNP nsubj  9 B-ORG
        bought     buy        VERB  VBD relcl  6 O
        .          .          PUNCT .   punct  1 O
    """)


def test_extract_a_right_to_sell_is_no_sale(read_table) -> None:
    """ "gave Beta the right to sell the stake to Acme": a right, not a deal."""
    _, claims = read_table("""
        Gamma  Gamma  PROPN NNP  nsubj  1 B-ORG
        gave   give   VERB  VBD  ROOT   1 O
        Beta   Beta   PROPN NNP  dative 1 B-ORG
        the    the    DET   DT   det    4 O
        right  right  NOUN  NN   dobj   1 O
        to     to     PART  TO   aux    6 O
        sell   sell   VERB  VB   acl    4 O
        the    the    DET   DT   det    8 O
        stake  stake  NOUN  NN   dobj   6 O
        to     to     ADP   IN   prep   6 O
        Acme   Acme   PROPN NNP  pobj   9 B-ORG
        .      .      PUNCT .    punct  1 O
    """)
    assert all(c.polarity != "asserted" for c in claims if c.predicate == "investsIn")


def test_extract_a_number_word_that_opens_a_name_everywhere(read_table) -> None:
    """ "Acme sold its Six Flags unit. Six Flags grew": NER takes "Flags" at the start
    of the sentence; the story writes "Six Flags" inside one."""
    entities, _ = read_table("""
        Acme   Acme   PROPN NNP  nsubj    1 B-ORG
        sold   sell   VERB  VBD  ROOT     1 O
        its    its    PRON  PRP$ poss     5 O
        Six    six    NUM   CD   nummod   4 B-CARDINAL
        Flags  Flags  PROPN NNP  compound 5 O
        unit   unit   NOUN  NN   dobj     1 O
        .      .      PUNCT .    punct    1 O
        Six    six    NUM   CD   nummod   8 B-CARDINAL
        Flags  Flags  PROPN NNP  nsubj    9 B-ORG
        grew   grow   VERB  VBD  ROOT     9 O
        .      .      PUNCT .    punct    9 O
    """)
    assert "Six Flags" in {e.label for e in entities}
    assert "Flags" not in {e.label for e in entities}


def test_extract_a_seller_of_a_whole_company_invests_in_it_no_more(table_triples) -> None:
    """ "Acme agreed to sell the stock of its Beta unit to Gamma": Gamma buys Beta; Acme
    holds no stake in it after."""
    triples = table_triples("""
        Acme    Acme    PROPN NNP  nsubj    1 B-ORG
        agreed  agree   VERB  VBD  ROOT     1 O
        to      to      PART  TO   aux      3 O
        sell    sell    VERB  VB   xcomp    1 O
        the     the     DET   DT   det      5 O
        stock   stock   NOUN  NN   dobj     3 O
        of      of      ADP   IN   prep     5 O
        its     its     PRON  PRP$ poss     9 O
        Beta    Beta    PROPN NNP  compound 9 B-ORG
        unit    unit    NOUN  NN   pobj     6 O
        to      to      ADP   IN   prep     3 O
        Gamma   Gamma   PROPN NNP  pobj     10 B-ORG
        .       .       PUNCT .    punct    1 O
    """)
    assert ("gamma", "acquires", "beta") in triples
    assert ("acme", "investsIn", "beta") not in triples


def test_extract_a_former_parent_in_a_takeover_is_the_buyers_parent(table_triples) -> None:
    """ "Acme completed its takeover of former parent Beta": Acme was Beta's unit."""
    assert table_triples("""
        Acme       Acme      PROPN NNP  nsubj    1 B-ORG
        completed  complete  VERB  VBD  ROOT     1 O
        its        its       PRON  PRP$ poss     3 O
        takeover   takeover  NOUN  NN   dobj     1 O
        of         of        ADP   IN   prep     3 O
        former     former    ADJ   JJ   amod     6 O
        parent     parent    NOUN  NN   compound 7 O
        Beta       Beta      PROPN NNP  pobj     4 B-ORG
        .          .         PUNCT .    punct    1 O
    """) == {("acme", "acquires", "beta"), ("acme", "subsidiaryOf", "beta")}


def test_extract_bought_by_a_former_subsidiary(table_triples) -> None:
    """ "Beta, being bought by former subsidiary Acme"."""
    assert table_triples("""
        with        with        ADP   IN  prep     0 O
        Beta        Beta        PROPN NNP pobj     0 B-ORG
        being       be          AUX   VBG auxpass  3 O
        bought      buy         VERB  VBN acl      1 O
        by          by          ADP   IN  agent    3 O
        former      former      ADJ   JJ  amod     7 O
        subsidiary  subsidiary  NOUN  NN  compound 7 O
        Acme        Acme        PROPN NNP pobj     4 B-ORG
        .           .           PUNCT .   punct    0 O
    """) == {("acme", "acquires", "beta"), ("acme", "subsidiaryOf", "beta")}


def test_extract_it_is_the_description_that_says_so(table_triples) -> None:
    """ "Acme, an investment partnership, told Zeta ... The partnership said it acquired
    shares of Beta": "it" is the partnership, Acme."""
    assert ("acme", "investsIn", "beta") in table_triples("""
        Acme         Acme         PROPN NNP nsubj    7  B-ORG
        ,            ,            PUNCT ,   punct    0  O
        an           an           DET   DT  det      5  O
        investment   investment   NOUN  NN  compound 5  O
        partnership  partnership  NOUN  NN  appos    0  O
        ,            ,            PUNCT ,   punct    0  O
        grew         grow         VERB  VBD ROOT     7  O
        .            .            PUNCT .   punct    7  O
        Zeta         Zeta         PROPN NNP nsubj    10 B-ORG
        fell         fall         VERB  VBD ROOT     10 O
        .            .            PUNCT .   punct    10 O
        The          the          DET   DT  det      12 O
        partnership  partnership  NOUN  NN  nsubj    13 O
        said         say          VERB  VBD ROOT     13 O
        it           it           PRON  PRP nsubj    15 O
        acquired     acquire      VERB  VBD ccomp    13 O
        shares       share        NOUN  NNS dobj     15 O
        of           of           ADP   IN  prep     16 O
        Beta         Beta         PROPN NNP pobj     17 B-ORG
        .            .            PUNCT .   punct    13 O
    """)


def test_extract_a_takeover_battle_won_is_a_deal_and_one_fought_a_bid(read_table) -> None:
    """ "Acme has won a takeover battle for Beta"; "Acme joined the battle for Beta"."""
    _, claims = read_table("""
        Acme      Acme      PROPN NNP nsubj    2 B-ORG
        has       have      AUX   VBZ aux      2 O
        won       win       VERB  VBN ROOT     2 O
        a         a         DET   DT  det      5 O
        takeover  takeover  NOUN  NN  compound 5 O
        battle    battle    NOUN  NN  dobj     2 O
        for       for       ADP   IN  prep     5 O
        Beta      Beta      PROPN NNP pobj     6 B-ORG
        .         .         PUNCT .   punct    2 O
    """)
    assert [(c.subject, c.predicate, c.object, c.polarity) for c in claims] == [
        ("acme", "acquires", "beta", "asserted")
    ]
    _, claims = read_table("""
        Acme      Acme      PROPN NNP nsubj    1 B-ORG
        joined    join      VERB  VBD ROOT     1 O
        the       the       DET   DT  det      4 O
        takeover  takeover  NOUN  NN  compound 4 O
        battle    battle    NOUN  NN  dobj     1 O
        for       for       ADP   IN  prep     4 O
        Beta      Beta      PROPN NNP pobj     5 B-ORG
        .         .         PUNCT .   punct    1 O
    """)
    assert all(c.polarity != "asserted" for c in claims)


def test_extract_the_person_set_off_after_a_title_s_company_holds_it(table_triples) -> None:
    """ "The founder of Corvale Networks, Jane Doe, said ...", parsed with Jane Doe in
    apposition to the company: she is the founder, not the person named before."""
    assert table_triples("""
        John           John         PROPN  NNP   compound   1   B-PERSON
        Smith          Smith        PROPN  NNP   nsubj      2   I-PERSON
        spoke          speak        VERB   VBD   ROOT       2   O
        first          first        ADV    RB    advmod     2   B-ORDINAL
        .              .            PUNCT  .     punct      2   O
        The            the          DET    DT    det        6   O
        founder        founder      NOUN   NN    nsubj      14  O
        of             of           ADP    IN    prep       6   O
        Corvale        Corvale      PROPN  NNP   compound   9   B-ORG
        Networks       Networks     PROPN  NNP   pobj       7   I-ORG
        ,              ,            PUNCT  ,     punct      9   O
        Jane           Jane         PROPN  NNP   compound   12  B-PERSON
        Doe            Doe          PROPN  NNP   appos      9   I-PERSON
        ,              ,            PUNCT  ,     punct      9   O
        said           say          VERB   VBD   ROOT       14  O
        sales          sale         NOUN   NNS   nsubj      16  O
        rose           rise         VERB   VBD   ccomp      14  O
        .              .            PUNCT  .     punct      14  O
    """) == {("jane-doe", "founderOf", "corvale-networks")}


def test_extract_a_counterpart_set_off_after_the_company_holds_the_title(table_triples) -> None:
    """ "Acme chief executive John Smith and his counterpart at Corvale, Jane Doe":
    she runs Corvale."""
    assert table_triples("""
        Acme           Acme         PROPN  NNP   compound   2   B-ORG
        chief          chief        ADJ    JJ    amod       2   O
        executive      executive    NOUN   NN    nsubj      14  O
        John           John         PROPN  NNP   compound   4   B-PERSON
        Smith          Smith        PROPN  NNP   appos      2   I-PERSON
        and            and          CCONJ  CC    cc         4   O
        his            his          PRON   PRP$  poss       7   O
        counterpart    counterpart  NOUN   NN    conj       4   O
        at             at           ADP    IN    prep       7   O
        Corvale        Corvale      PROPN  NNP   pobj       8   B-ORG
        ,              ,            PUNCT  ,     punct      9   O
        Jane           Jane         PROPN  NNP   compound   12  B-PERSON
        Doe            Doe          PROPN  NNP   appos      9   I-PERSON
        ,              ,            PUNCT  ,     punct      4   O
        spoke          speak        VERB   VBD   ROOT       14  O
        .              .            PUNCT  .     punct      14  O
    """) == {("john-smith", "executiveOf", "acme"), ("jane-doe", "executiveOf", "corvale")}


def test_extract_what_a_company_sells_was_its_own(read_table) -> None:
    """ "Corvale agreed in March to sell Pellan Holdings to Orvik": Orvik buys Pellan,
    which was Corvale's; March dates the sale, not Corvale's ownership."""
    _, claims = read_table(
        """
        Corvale        Corvale      PROPN  NNP   compound   1   B-ORG
        Networks       Networks     PROPN  NNP   nsubj      2   I-ORG
        agreed         agree        VERB   VBD   ROOT       2   O
        in             in           ADP    IN    prep       2   O
        March          March        PROPN  NNP   pobj       3   B-DATE
        to             to           PART   TO    aux        6   O
        sell           sell         VERB   VB    xcomp      2   O
        Pellan         Pellan       PROPN  NNP   compound   8   B-ORG
        Holdings       Holdings     PROPN  NNPS  dobj       6   I-ORG
        to             to           ADP    IN    dative     6   O
        Orvik          Orvik        PROPN  NNP   compound   11  B-ORG
        Capital        Capital      PROPN  NNP   pobj       9   I-ORG
        .              .            PUNCT  .     punct      2   O
    """,
        published="2026-11-25",
    )
    assert {(c.subject, c.predicate, c.object, c.date) for c in claims} == {
        ("orvik-capital", "acquires", "pellan", "2026-03"),
        ("pellan", "subsidiaryOf", "corvale-networks", None),
    }


def test_extract_a_seller_of_another_s_unit_never_owned_it(table_triples) -> None:
    """ "Brask Bank seized and sold Corvale's main unit, Pellan Holdings, to Orvik":
    Pellan was Corvale's, not the bank's."""
    assert table_triples("""
        Brask          Brask        PROPN  NNP   compound   1   B-ORG
        Bank           Bank         PROPN  NNP   nsubj      2   I-ORG
        seized         seize        VERB   VBD   ROOT       2   O
        and            and          CCONJ  CC    cc         2   O
        sold           sell         VERB   VBD   conj       2   O
        Corvale        Corvale      PROPN  NNP   poss       8   B-ORG
        's             's           PART   POS   case       5   O
        main           main         ADJ    JJ    amod       8   O
        unit           unit         NOUN   NN    dobj       4   O
        ,              ,            PUNCT  ,     punct      8   O
        Pellan         Pellan       PROPN  NNP   compound   11  B-ORG
        Holdings       Holdings     PROPN  NNP   appos      8   I-ORG
        ,              ,            PUNCT  ,     punct      8   O
        to             to           ADP    IN    prep       4   O
        Orvik          Orvik        PROPN  NNP   compound   15  B-ORG
        Capital        Capital      PROPN  NNP   pobj       13  I-ORG
        .              .            PUNCT  .     punct      2   O
    """) == {
        ("orvik-capital", "acquires", "pellan"),
        ("pellan", "subsidiaryOf", "corvale"),
    }


def test_extract_the_head_of_a_company_s_unnamed_arm_is_its_executive(table_triples) -> None:
    """ "Jane Doe, head of Corvale's insurance arm": a post at Corvale."""
    assert table_triples("""
        Jane           Jane         PROPN  NNP   compound   1   B-PERSON
        Doe            Doe          PROPN  NNP   nsubj      10  I-PERSON
        ,              ,            PUNCT  ,     punct      1   O
        head           head         NOUN   NN    appos      1   O
        of             of           ADP    IN    prep       3   O
        Corvale        Corvale      PROPN  NNP   poss       8   B-ORG
        's             's           PART   POS   case       5   O
        insurance      insurance    NOUN   NN    compound   8   O
        arm            arm          NOUN   NN    pobj       4   O
        ,              ,            PUNCT  ,     punct      1   O
        resigned       resign       VERB   VBD   ROOT       10  O
        .              .            PUNCT  .     punct      10  O
    """) == {("jane-doe", "executiveOf", "corvale")}


def test_extract_a_department_s_director_is_an_executive(read_table) -> None:
    """ "Jane Doe, the finance director, said ...": an executive of the story's
    company; and "Financial" still opens a company's name (no title word)."""
    entities, claims = read_table("""
        Acme           Acme         PROPN  NNP   compound   1   B-ORG
        Corp           Corp         PROPN  NNP   nsubj      2   I-ORG
        raised         raise        VERB   VBD   ROOT       2   O
        its            its          PRON   PRP$  poss       4   O
        forecast       forecast     NOUN   NN    dobj       2   O
        .              .            PUNCT  .     punct      2   O
        Jane           Jane         PROPN  NNP   compound   7   B-PERSON
        Doe            Doe          PROPN  NNP   nsubj      13  I-PERSON
        ,              ,            PUNCT  ,     punct      7   O
        the            the          DET    DT    det        11  O
        finance        finance      NOUN   NN    compound   11  O
        director       director     NOUN   NN    appos      7   O
        ,              ,            PUNCT  ,     punct      7   O
        said           say          VERB   VBD   ROOT       13  O
        Acme           Acme         PROPN  NNP   nsubj      16  B-ORG
        would          would        AUX    MD    aux        16  O
        grow           grow         VERB   VB    ccomp      13  O
        .              .            PUNCT  .     punct      13  O
        Financial      Financial    PROPN  NNP   compound   20  B-ORG
        Security       Security     PROPN  NNP   compound   20  I-ORG
        Savings        Savings      PROPN  NNP   nsubj      21  I-ORG
        fell           fall         VERB   VBD   ROOT       21  O
        .              .            PUNCT  .     punct      21  O
    """)
    assert [(c.subject, c.predicate, c.object) for c in claims] == [
        ("jane-doe", "executiveOf", "acme")
    ]
    assert "Financial Security Savings" in {e.label for e in entities}


def test_extract_a_title_after_the_last_named_person_is_hers(table_triples) -> None:
    """ "Acme was sold. The buyer fired chief executive John Roe and Jane Doe, the
    company's head of legal policy", parsed with the title on John Roe: the head of
    legal policy is Jane Doe."""
    triples = table_triples("""
        Acme           Acme         PROPN  NNP   nsubjpass  2   B-ORG
        was            be           AUX    VBD   auxpass    2   O
        sold           sell         VERB   VBN   ROOT       2   O
        .              .            PUNCT  .     punct      2   O
        The            the          DET    DT    det        5   O
        buyer          buyer        NOUN   NN    nsubj      6   O
        fired          fire         VERB   VBD   ROOT       6   O
        chief          chief        ADJ    JJ    amod       8   O
        executive      executive    NOUN   NN    compound   10  O
        John           John         PROPN  NNP   compound   10  B-PERSON
        Roe            Roe          PROPN  NNP   dobj       6   I-PERSON
        and            and          CCONJ  CC    cc         10  O
        Jane           Jane         PROPN  NNP   compound   13  B-PERSON
        Doe            Doe          PROPN  NNP   conj       10  I-PERSON
        ,              ,            PUNCT  ,     punct      10  O
        the            the          DET    DT    det        16  O
        company        company      NOUN   NN    poss       18  O
        's             's           PART   POS   case       16  O
        head           head         NOUN   NN    appos      10  O
        of             of           ADP    IN    prep       18  O
        legal          legal        ADJ    JJ    amod       21  O
        policy         policy       NOUN   NN    pobj       19  O
        .              .            PUNCT  .     punct      6   O
    """)
    # John Roe is the chief executive; the head of legal policy is Jane Doe's title
    assert triples == {("john-roe", "executiveOf", "acme"), ("jane-doe", "executiveOf", "acme")}


def test_extract_a_subject_it_goes_on_from_the_it_before(table_triples) -> None:
    """ "Growth is driven by Corvale, the biggest winemaker. It bought Pellan Wines in
    2003. Since then, it has paid 1 bln dlrs for Orvik Estates": the second "it" is
    Corvale, as the first was, not Pellan Wines."""
    assert table_triples("""
        Growth         growth       NOUN   NN    nsubjpass  2   O
        is             be           AUX    VBZ   auxpass    2   O
        driven         drive        VERB   VBN   ROOT       2   O
        by             by           ADP    IN    agent      2   O
        Corvale        Corvale      PROPN  NNP   pobj       3   B-ORG
        ,              ,            PUNCT  ,     punct      4   O
        the            the          DET    DT    det        8   O
        biggest        big          ADJ    JJS   amod       8   O
        winemaker      winemaker    NOUN   NN    appos      4   O
        .              .            PUNCT  .     punct      2   O
        It             it           PRON   PRP   nsubj      11  O
        bought         buy          VERB   VBD   ROOT       11  O
        Pellan         Pellan       PROPN  NNP   compound   13  B-ORG
        Wines          Wines        PROPN  NNPS  dobj       11  I-ORG
        in             in           ADP    IN    prep       11  O
        2003           2003         NUM    CD    pobj       14  B-DATE
        .              .            PUNCT  .     punct      11  O
        Since          since        SCONJ  IN    prep       22  O
        then           then         ADV    RB    pcomp      17  O
        ,              ,            PUNCT  ,     punct      22  O
        it             it           PRON   PRP   nsubj      22  O
        has            have         AUX    VBZ   aux        22  O
        paid           pay          VERB   VBN   ROOT       22  O
        1              1            NUM    CD    nummod     25  B-MONEY
        bln            bln          ADJ    JJ    amod       25  I-MONEY
        dlrs           dlrs         NOUN   NN    dobj       22  I-MONEY
        for            for          ADP    IN    prep       22  O
        Orvik          Orvik        PROPN  NNP   compound   28  B-ORG
        Estates        Estates      PROPN  NNPS  pobj       26  I-ORG
        .              .            PUNCT  .     punct      22  O
    """) == {("corvale", "acquires", "pellan-wines"), ("corvale", "acquires", "orvik-estates")}


def test_extract_an_organisation_s_own_body_is_no_unit(table_triples) -> None:
    """ "Acme's Audit Committee met" names a body of Acme, not a subsidiary; "Acme's
    Pellan Networks" is a unit."""
    table = """
        Acme           Acme         PROPN  NNP   poss       3   B-ORG
        's             's           PART   POS   case       0   O
        {first}        {first}      PROPN  NNP   compound   3   B-ORG
        {last}         {last}       PROPN  NNP   nsubj      4   I-ORG
        met            meet         VERB   VBD   ROOT       4   O
        .              .            PUNCT  .     punct      4   O
    """
    assert table_triples(table.format(first="Audit", last="Committee")) == set()
    assert table_triples(table.format(first="Pellan", last="Networks")) == {
        ("pellan-networks", "subsidiaryOf", "acme")
    }


def test_extract_a_unit_set_off_after_a_name_parsed_as_an_object(table_triples) -> None:
    """ "The deal combines the space business of Corvale Space Systems, the aircraft
    maker's space division, with Orvik", parsed with the division a second object of
    "combines": it is still Corvale Space Systems, the maker's unit."""
    assert table_triples("""
        Corvale        Corvale      PROPN  NNP   nsubj      1   B-ORG
        said           say          VERB   VBD   ROOT       1   O
        profits        profit       NOUN   NNS   nsubj      3   O
        rose           rise         VERB   VBD   ccomp      1   O
        .              .            PUNCT  .     punct      1   O
        The            the          DET    DT    det        6   O
        deal           deal         NOUN   NN    nsubj      7   O
        combines       combine      VERB   VBZ   ROOT       7   O
        the            the          DET    DT    det        10  O
        space          space        NOUN   NN    compound   10  O
        business       business     NOUN   NN    dobj       7   O
        of             of           ADP    IN    prep       10  O
        Corvale        Corvale      PROPN  NNP   compound   14  B-ORG
        Space          Space        PROPN  NNP   compound   14  I-ORG
        Systems        Systems      PROPN  NNP   pobj       11  I-ORG
        ,              ,            PUNCT  ,     punct      7   O
        the            the          DET    DT    det        18  O
        aircraft       aircraft     NOUN   NN    compound   18  O
        maker          maker        NOUN   NN    poss       21  O
        's             's           PART   POS   case       18  O
        space          space        NOUN   NN    compound   21  O
        division       division     NOUN   NN    dobj       7   O
        ,              ,            PUNCT  ,     punct      7   O
        with           with         ADP    IN    prep       21  O
        Orvik          Orvik        PROPN  NNP   compound   25  B-ORG
        Industries     Industries   PROPN  NNPS  pobj       23  I-ORG
        .              .            PUNCT  .     punct      7   O
    """) == {("corvale-space-systems", "subsidiaryOf", "corvale")}


def test_extract_a_name_after_two_joined_titles_holds_both(table_triples) -> None:
    """ "Corvale agreed to buy its former parent and phone pioneer Orvik", parsed with
    Orvik joined to "parent": Orvik is the former parent."""
    assert table_triples("""
        Corvale        Corvale      PROPN  NNP   nsubj      1   B-ORG
        agreed         agree        VERB   VBD   ROOT       1   O
        to             to           PART   TO    aux        3   O
        buy            buy          VERB   VB    xcomp      1   O
        its            its          PRON   PRP$  poss       6   O
        former         former       ADJ    JJ    amod       6   O
        parent         parent       NOUN   NN    dobj       3   O
        and            and          CCONJ  CC    cc         6   O
        phone          phone        NOUN   NN    compound   9   O
        pioneer        pioneer      NOUN   NN    compound   10  O
        Orvik          Orvik        PROPN  NNP   conj       6   B-ORG
        .              .            PUNCT  .     punct      1   O
    """) == {("corvale", "acquires", "orvik"), ("corvale", "subsidiaryOf", "orvik")}
