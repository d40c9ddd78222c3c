"""Descriptions that name a country ("the Frankfurt-based exchange", "the Swiss
company", "the Indian firm") point back to an organisation the article tied to
that country, and not to one it tied to another (:mod:`kg.extract.countries`)."""

from __future__ import annotations

import pytest

from kg.errors import RuleError
from kg.extract.countries import load_place_countries


def test_places_and_countries_map_to_their_country_codes() -> None:
    table = load_place_countries()
    assert (table["frankfurt"], table["basel"], table["india"]) == ("DE", "CH", "IN")
    assert table["london"] == "GB"  # the most populous London, not Ontario's


def test_a_nationality_maps_to_a_country_code(tmp_path) -> None:
    from kg.extract.rules import load_rules

    bad = tmp_path / "bad.yaml"
    bad.write_text("nationalities: {ruritanian: Ruritania}\n")
    with pytest.raises(RuleError, match="two-letter code"):
        load_rules([bad])
    assert load_rules().words.nationalities["swiss"] == "CH"


def test_extract_a_based_description_means_the_name_tied_to_its_country(table_triples) -> None:
    """ "an offer from German rival Voldane. Kestrel later met Pyxis. Jan Brode, chief
    executive of the Frankfurt-based exchange": Frankfurt is in Germany, so the
    exchange is Voldane, not Kestrel, the nearer subject."""
    assert ("jan-brode", "executiveOf", "voldane") in table_triples("""
        Kestrel    Kestrel    PROPN NNP nsubj     1  B-ORG
        rejected   reject     VERB  VBD ROOT      1  O
        an         an         DET   DT  det       3  O
        offer      offer      NOUN  NN  dobj      1  O
        from       from       ADP   IN  prep      3  O
        German     german     ADJ   JJ  amod      7  B-NORP
        rival      rival      ADJ   JJ  amod      7  O
        Voldane    Voldane    PROPN NNP pobj      4  B-ORG
        .          .          PUNCT .   punct     1  O
        Kestrel    Kestrel    PROPN NNP nsubj     11 B-ORG
        later      later      ADV   RB  advmod    11 O
        met        meet       VERB  VBD ROOT      11 O
        Pyxis      Pyxis      PROPN NNP dobj      11 B-ORG
        .          .          PUNCT .   punct     11 O
        Jan        Jan        PROPN NNP compound  15 B-PERSON
        Brode      Brode      PROPN NNP nsubj     27 I-PERSON
        ,          ,          PUNCT ,   punct     15 O
        chief      chief      ADJ   JJ  amod      18 O
        executive  executive  NOUN  NN  appos     15 O
        of         of         ADP   IN  prep      18 O
        the        the        DET   DT  det       24 O
        Frankfurt  Frankfurt  PROPN NNP npadvmod  23 B-GPE
        +-         -          PUNCT HYPH punct    23 O
        +based     base       VERB  VBN amod      24 O
        exchange   exchange   NOUN  NN  pobj      19 O
        ,          ,          PUNCT ,   punct     15 O
        may        may        AUX   MD  aux       27 O
        return     return     VERB  VB  ROOT      27 O
        .          .          PUNCT .   punct     27 O
    """)


_SWISS = """
    Tovaris    Tovaris    PROPN NNP nsubj     8  B-ORG
    ,          ,          PUNCT ,   punct     0  O
    a          a          DET   DT  det       4  O
    {place}    {place}    PROPN NNP compound  4  B-GPE
    developer  developer  NOUN  NN  appos     0  O
    of         of         ADP   IN  prep      4  O
    drugs      drug       NOUN  NNS pobj      5  O
    ,          ,          PUNCT ,   punct     0  O
    sued       sue        VERB  VBD ROOT      8  O
    Amvale     Amvale     PROPN NNP dobj      8  B-ORG
    .          .          PUNCT .   punct     8  O
    The        the        DET   DT  det       13 O
    Swiss      swiss      ADJ   JJ  amod      13 B-NORP
    company    company    NOUN  NN  nsubjpass 15 O
    was        be         AUX   VBD auxpass   15 O
    founded    found      VERB  VBN ROOT      15 O
    by         by         ADP   IN  agent     15 O
    Lena       Lena       PROPN NNP compound  18 B-PERSON
    Hart       Hart       PROPN NNP pobj      16 I-PERSON
    .          .          PUNCT .   punct     15 O
"""


def test_extract_a_nationality_means_the_name_described_in_a_city_of_it(table_triples) -> None:
    """ "Tovaris, a Basel developer of drugs, sued Amvale. The Swiss company was founded
    by Lena Hart": Basel is Swiss, so the company is Tovaris, not Amvale; in a
    Lyon developer, the Swiss company is not Tovaris."""
    assert ("lena-hart", "founderOf", "tovaris") in table_triples(_SWISS.format(place="Basel"))
    french = table_triples(_SWISS.format(place="Lyon"))
    assert ("lena-hart", "founderOf", "tovaris") not in french


def test_extract_a_nationality_passes_over_a_name_tied_to_another_country(table_triples) -> None:
    """ "The UK's biggest brewer, Halden, will buy a stake in India's Gorvan. Halden grew.
    A similar stake is held by Ravi Menon, chair of the Indian firm": the Indian firm
    is Gorvan, not Halden, the nearer subject."""
    triples = table_triples("""
        The        the        DET   DT  det       1  O
        UK         UK         PROPN NNP poss      4  B-GPE
        's         's         PART  POS case      1  O
        biggest    big        ADJ   JJS amod      4  O
        brewer     brewer     NOUN  NN  nsubj     9  O
        ,          ,          PUNCT ,   punct     4  O
        Halden     Halden     PROPN NNP appos     4  B-ORG
        ,          ,          PUNCT ,   punct     4  O
        will       will       AUX   MD  aux       9  O
        buy        buy        VERB  VB  ROOT      9  O
        a          a          DET   DT  det       11 O
        stake      stake      NOUN  NN  dobj      9  O
        in         in         ADP   IN  prep      11 O
        India      India      PROPN NNP poss      15 B-GPE
        's         's         PART  POS case      13 O
        Gorvan     Gorvan     PROPN NNP pobj      12 B-ORG
        .          .          PUNCT .   punct     9  O
        Halden     Halden     PROPN NNP nsubj     18 B-ORG
        grew       grow       VERB  VBD ROOT      18 O
        .          .          PUNCT .   punct     18 O
        A          a          DET   DT  det       22 O
        similar    similar    ADJ   JJ  amod      22 O
        stake      stake      NOUN  NN  nsubjpass 24 O
        is         be         AUX   VBZ auxpass   24 O
        held       hold       VERB  VBN ROOT      24 O
        by         by         ADP   IN  agent     24 O
        Ravi       Ravi       PROPN NNP compound  27 B-PERSON
        Menon      Menon      PROPN NNP pobj      25 I-PERSON
        ,          ,          PUNCT ,   punct     27 O
        chair      chair      NOUN  NN  appos     27 O
        of         of         ADP   IN  prep      29 O
        the        the        DET   DT  det       33 O
        Indian     indian     ADJ   JJ  amod      33 B-NORP
        firm       firm       NOUN  NN  pobj      30 O
        .          .          PUNCT .   punct     24 O
    """)
    assert ("ravi-menon", "executiveOf", "gorvan") in triples
    assert ("ravi-menon", "executiveOf", "halden") not in triples


def test_extract_a_name_based_in_a_city_is_tied_to_its_country(table_triples) -> None:
    """ "Tovaris, based in Basel, sued Amvale. Amvale grew. The Swiss company was founded
    by Lena Hart": the company is Tovaris, based in a Swiss city, not Amvale, the
    nearer subject."""
    assert ("lena-hart", "founderOf", "tovaris") in table_triples("""
        Tovaris    Tovaris    PROPN NNP nsubj     6  B-ORG
        ,          ,          PUNCT ,   punct     0  O
        based      base       VERB  VBN acl       0  O
        in         in         ADP   IN  prep      2  O
        Basel      Basel      PROPN NNP pobj      3  B-GPE
        ,          ,          PUNCT ,   punct     0  O
        sued       sue        VERB  VBD ROOT      6  O
        Amvale     Amvale     PROPN NNP dobj      6  B-ORG
        .          .          PUNCT .   punct     6  O
        Amvale     Amvale     PROPN NNP nsubj     10 B-ORG
        grew       grow       VERB  VBD ROOT      10 O
        .          .          PUNCT .   punct     10 O
        The        the        DET   DT  det       14 O
        Swiss      swiss      ADJ   JJ  amod      14 B-NORP
        company    company    NOUN  NN  nsubjpass 16 O
        was        be         AUX   VBD auxpass   16 O
        founded    found      VERB  VBN ROOT      16 O
        by         by         ADP   IN  agent     16 O
        Lena       Lena       PROPN NNP compound  19 B-PERSON
        Hart       Hart       PROPN NNP pobj      17 I-PERSON
        .          .          PUNCT .   punct     16 O
    """)


def test_extract_a_countrys_government_is_not_a_company_tied_to_it(table_triples) -> None:
    """ "Voldane, a Paris-based maker, sued Beta. ... The French government will invest
    in Delta": the government is France's own, not Voldane, tied to France."""
    triples = table_triples("""
        Voldane     Voldane     PROPN NNP nsubj     8  B-ORG
        ,           ,           PUNCT ,   punct     0  O
        a           a           DET   DT  det       6  O
        Paris       Paris       PROPN NNP npadvmod  5  B-GPE
        +-          -           PUNCT HYPH punct    5  O
        +based      base        VERB  VBN amod      6  O
        maker       maker       NOUN  NN  appos     0  O
        ,           ,           PUNCT ,   punct     0  O
        sued        sue         VERB  VBD ROOT      8  O
        Beta        Beta        PROPN NNP dobj      8  B-ORG
        .           .           PUNCT .   punct     8  O
        Gamma       Gamma       PROPN NNP nsubj     12 B-ORG
        agreed      agree       VERB  VBD ROOT      12 O
        to          to          PART  TO  aux       14 O
        buy         buy         VERB  VB  xcomp     12 O
        Delta       Delta       PROPN NNP dobj      14 B-ORG
        .           .           PUNCT .   punct     12 O
        The         the         DET   DT  det       19 O
        French      french      ADJ   JJ  amod      19 B-NORP
        government  government  NOUN  NN  nsubj     21 O
        will        will        AUX   MD  aux       21 O
        invest      invest      VERB  VB  ROOT      21 O
        in          in          ADP   IN  prep      21 O
        Delta       Delta       PROPN NNP pobj      22 B-ORG
        .           .           PUNCT .   punct     21 O
    """)
    assert ("voldane", "investsIn", "delta") not in triples
