"""The entity layer on docs built by hand: which spans are names, what type each
name is, and which mentions are one entity. No trained model is loaded; the
parses are those the small English model gives (or its known misparses), the
names invented."""

from __future__ import annotations

import pytest


def types(read_table, table: str) -> dict[str, str]:
    entities, _ = read_table(table)
    return {e.label: e.type for e in entities}


# ------------------------------------------------------------ doubting NER's type


def test_extract_entity_types_unknown_place_is_a_company(read_table) -> None:
    """NER calls a name a place that no table of places knows: a company."""
    assert types(
        read_table,
        """
        Quorvex   Quorvex  PROPN NNP nsubj 1 B-GPE
        opened    open     VERB  VBD ROOT  1 O
        offices   office   NOUN  NNS dobj  1 O
        in        in       ADP   IN  prep  2 O
        Bilbao    Bilbao   PROPN NNP pobj  3 B-GPE
        and       and      CCONJ CC  cc    4 O
        Cantabria Cantabria PROPN NNP conj 4 B-GPE
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Quorvex": "Organization", "Bilbao": "Place", "Cantabria": "Place"}


def test_extract_entity_types_regions_and_abbreviations_stay_places(read_table) -> None:
    """Places the tables lack (regions, a state's abbreviation) are in words.yaml."""
    assert types(
        read_table,
        """
        Quorvex   Quorvex  PROPN NNP nsubj 1 B-ORG
        grew      grow     VERB  VBD ROOT  1 O
        in        in       ADP   IN  prep  1 O
        Latin     Latin    PROPN NNP compound 4 B-LOC
        America   America  PROPN NNP pobj  2 I-LOC
        and       and      CCONJ CC  cc    4 O
        Fla.      Fla.     PROPN NNP conj  4 B-GPE
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Quorvex": "Organization", "Latin America": "Place", "Fla.": "Place"}


def test_extract_entity_types_lone_word_is_no_person(read_table) -> None:
    """A person is named in full or with an honorific: a lone word NER calls a
    person is a company; "Mr Zentrix" is a person."""
    assert types(
        read_table,
        """
        Zentrix   Zentrix  PROPN NNP nsubj 1 B-PERSON
        hired     hire     VERB  VBD ROOT  1 O
        staff     staff    NOUN  NN  dobj  1 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Zentrix": "Organization"}
    assert types(
        read_table,
        """
        Mr        Mr       PROPN NNP compound 1 O
        Zentrix   Zentrix  PROPN NNP nsubj 2 B-PERSON
        resigned  resign   VERB  VBD ROOT  2 O
        .         .        PUNCT .   punct 2 O
    """,
    ) == {"Zentrix": "Person"}


def test_extract_entity_types_title_before_a_name_makes_a_person(read_table) -> None:
    """ "Chancellor Mara Velden": NER calls the name a company's; the title says."""
    assert types(
        read_table,
        """
        Chancellor Chancellor PROPN NNP compound 2 O
        Mara      Mara     PROPN NNP compound 2 B-ORG
        Velden    Velden   PROPN NNP nsubj 3 I-ORG
        spoke     speak    VERB  VBD ROOT  3 O
        .         .        PUNCT .   punct 3 O
    """,
    ) == {"Mara Velden": "Person"}


def test_extract_entity_types_title_inside_the_span_goes(read_table) -> None:
    """The title NER put inside a company's span goes, and makes a person of it;
    "General" begins company names and stays."""
    assert types(
        read_table,
        """
        Speaker   Speaker  PROPN NNP compound 2 B-ORG
        Jon       Jon      PROPN NNP compound 2 I-ORG
        Wrey      Wrey     PROPN NNP nsubj 6 I-ORG
        and       and      CCONJ CC  cc    2 O
        General   General  PROPN NNP compound 5 B-ORG
        Dynamos   Dynamos  PROPN NNP conj  2 I-ORG
        agreed    agree    VERB  VBD ROOT  6 O
        .         .        PUNCT .   punct 6 O
    """,
    ) == {"Jon Wrey": "Person", "General Dynamos": "Organization"}


# ------------------------------------------------------------- products in lists


def test_extract_entity_types_names_listed_before_a_product_noun(read_table) -> None:
    """ "the Vantor, Quilla and Brisa brands": NER called them people."""
    assert types(
        read_table,
        """
        Quorvex   Quorvex  PROPN NNP nsubj 1 B-ORG
        sells     sell     VERB  VBZ ROOT  1 O
        the       the      DET   DT  det   3 O
        Vantor    Vantor   PROPN NNP dobj  1 B-PERSON
        ,         ,        PUNCT ,   punct 3 O
        Quilla    Quilla   PROPN NNP nmod  8 O
        and       and      CCONJ CC  cc    5 O
        Brisa     Brisa    PROPN NNP conj  5 B-PERSON
        brands    brand    NOUN  NNS conj  3 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Quorvex": "Organization", "Vantor": "Product", "Quilla": "Product", "Brisa": "Product"}


def test_extract_entity_types_maker_before_its_wares_is_no_product(read_table) -> None:
    """ "Quorvex trucks" are the maker's wares; "Boeing's Starliner capsule" is
    Boeing's."""
    assert types(
        read_table,
        """
        Quorvex   Quorvex  PROPN NNP compound 1 B-ORG
        trucks    truck    NOUN  NNS nsubj 2 O
        sold      sell     VERB  VBD ROOT  2 O
        well      well     ADV   RB  advmod 2 O
        .         .        PUNCT .   punct 2 O
    """,
    ) == {"Quorvex": "Organization"}
    assert types(
        read_table,
        """
        Halvard   Halvard  PROPN NNP poss  3 B-ORG
        's        's       PART  POS case  0 O
        Zephyr    Zephyr   PROPN NNP compound 3 B-PRODUCT
        capsule   capsule  NOUN  NN  nsubj 4 O
        flew      fly      VERB  VBD ROOT  4 O
        .         .        PUNCT .   punct 4 O
    """,
    ) == {"Halvard": "Organization", "Zephyr": "Product"}


def test_extract_entity_types_names_listed_after_the_noun(read_table) -> None:
    """ "brands include A and B", "rivals including C": the noun types the list."""
    assert types(
        read_table,
        """
        Its       its      PRON  PRP$ poss 1 O
        brands    brand    NOUN  NNS nsubj 2 O
        include   include  VERB  VBP ROOT  2 O
        Vantor    Vantor   PROPN NNP dobj  2 B-PERSON
        and       and      CCONJ CC  cc    3 O
        Quilla    Quilla   PROPN NNP conj  3 B-GPE
        .         .        PUNCT .   punct 2 O
    """,
    ) == {"Vantor": "Product", "Quilla": "Product"}
    assert types(
        read_table,
        """
        Rivals    rival    NOUN  NNS nsubj 4 O
        including include  VERB  VBG prep  0 O
        Zentrix   Zentrix  PROPN NNP pobj  1 B-PERSON
        ,         ,        PUNCT ,   punct 0 O
        lost      lose     VERB  VBD ROOT  4 O
        .         .        PUNCT .   punct 4 O
    """,
    ) == {"Zentrix": "Organization"}


# ---------------------------------------------------------------- spans of names


def test_extract_entity_types_firm_named_after_a_person(read_table) -> None:
    """ "Dorin Halsey and Co Inc": NER took a person and "Co Inc"."""
    assert types(
        read_table,
        """
        Dorin     Dorin    PROPN NNP compound 1 B-PERSON
        Halsey    Halsey   PROPN NNP nsubj 5 I-PERSON
        and       and      CCONJ CC  cc    1 O
        Co        Co       PROPN NNP compound 4 B-ORG
        Inc       Inc      PROPN NNP conj  1 I-ORG
        rose      rise     VERB  VBD ROOT  5 O
        .         .        PUNCT .   punct 5 O
    """,
    ) == {"Dorin Halsey and Co Inc": "Organization"}


def test_extract_entity_types_firm_name_cut_before_and(read_table) -> None:
    """ "Tarn and Lyle Plc" and "S and W Brisford Plc" are one company each; two
    known companies joined by "and" stay two."""
    assert types(
        read_table,
        """
        Tarn      Tarn     PROPN NNP nsubj 4 B-PERSON
        and       and      CCONJ CC  cc    0 O
        Lyle      Lyle     PROPN NNP compound 3 B-PERSON
        Plc       Plc      PROPN NNP conj  0 I-PERSON
        bid       bid      VERB  VBD ROOT  4 O
        for       for      ADP   IN  prep  4 O
        S         S        PROPN NNP compound 9 O
        and       and      CCONJ CC  cc    6 O
        W         W        PROPN NNP compound 9 B-ORG
        Brisford  Brisford PROPN NNP compound 10 I-ORG
        Plc       Plc      PROPN NNP pobj  5 I-ORG
        .         .        PUNCT .   punct 4 O
    """,
    ) == {"Tarn and Lyle Plc": "Organization", "S and W Brisford Plc": "Organization"}
    assert set(
        types(
            read_table,
            """
        Nvidia    Nvidia   PROPN NNP nsubj 4 B-ORG
        and       and      CCONJ CC  cc    0 O
        SoftBank  SoftBank PROPN NNP compound 3 B-ORG
        Group     Group    PROPN NNP conj  0 I-ORG
        agreed    agree    VERB  VBD ROOT  4 O
        .         .        PUNCT .   punct 4 O
    """,
        )
    ) == {"Nvidia", "SoftBank"}


def test_extract_entity_types_untagged_words_before_a_suffix(read_table) -> None:
    """ "McDorran International Inc" after a dateline, which NER left untagged."""
    assert types(
        read_table,
        """
        McDorran  McDorran PROPN NNP compound 2 O
        International International PROPN NNP compound 2 O
        Inc       Inc      PROPN NNP nsubj 3 O
        said      say      VERB  VBD ROOT  3 O
        it        it       PRON  PRP nsubj 5 O
        grew      grow     VERB  VBD ccomp 3 O
        .         .        PUNCT .   punct 3 O
    """,
    ) == {"McDorran International Inc": "Organization"}


def test_extract_entity_types_suffixed_name_read_whole_over_a_ticker(read_table) -> None:
    """ "Quell Group Corp <QUEL.O> affiliate ...": the ticker misled the parser, which
    hung "Quell" elsewhere; the untagged name ending in "Corp" is read whole."""
    assert types(
        read_table,
        """
        Quell     Quell    PROPN NNP compound 6 O
        Group     Group    PROPN NNP nmod  4 O
        Corp      Corp     PROPN NNP nmod  4 O
        <         <        X     ADD punct 4 O
        +QUEL.O   QUEL.O   PROPN NNP nmod  6 O
        +>        >        PUNCT -RRB- punct 4 O
        affiliate affiliate NOUN NN  compound 8 O
        Brenner   Brenner  PROPN NNP compound 8 B-ORG
        Partners  Partners PROPN NNP nsubj 9 I-ORG
        said      say      VERB  VBD ROOT  9 O
        .         .        PUNCT .   punct 9 O
    """,
    ) == {"Quell Group Corp": "Organization", "Brenner Partners": "Organization"}


def test_extract_entity_types_initials_open_a_name(read_table) -> None:
    """ "of CB Marten Estates": NER left the initials out of the name; "MP Jane
    Doe" is a title before a person."""
    assert types(
        read_table,
        """
        Jo        Jo       PROPN NNP compound 1 B-PERSON
        Varga     Varga    PROPN NNP nsubj 7 I-PERSON
        of        of       ADP   IN  prep  1 O
        CB        CB       PROPN NNP compound 5 O
        Marten    Marten   PROPN NNP compound 5 B-ORG
        Estates   Estates  PROPN NNP pobj  2 I-ORG
        ,         ,        PUNCT ,   punct 1 O
        spoke     speak    VERB  VBD ROOT  7 O
        .         .        PUNCT .   punct 7 O
    """,
    ) == {"Jo Varga": "Person", "CB Marten Estates": "Organization"}
    assert types(
        read_table,
        """
        MP        MP       PROPN NNP compound 2 O
        Dara      Dara     PROPN NNP compound 2 B-PERSON
        Vell      Vell     PROPN NNP nsubj 3 I-PERSON
        spoke     speak    VERB  VBD ROOT  3 O
        .         .        PUNCT .   punct 3 O
    """,
    ) == {"Dara Vell": "Person"}


def test_extract_entity_types_based_in_a_place(read_table) -> None:
    """ "the Tarnwick-based chip designer": NER called the town a company."""
    assert types(
        read_table,
        """
        Corvale   Corvale  PROPN NNP nsubj 8 B-ORG
        ,         ,        PUNCT ,   punct 0 O
        the       the      DET   DT  det   6 O
        Tarnwick  Tarnwick PROPN NNP npadvmod 5 B-ORG
        +-        -        PUNCT HYPH punct 5 O
        +based    base     VERB  VBN amod  6 O
        designer  designer NOUN  NN  appos 0 O
        ,         ,        PUNCT ,   punct 0 O
        grew      grow     VERB  VBD ROOT  8 O
        .         .        PUNCT .   punct 8 O
    """,
    ) == {"Corvale": "Organization", "Tarnwick": "Place"}


def test_extract_entity_types_region_named_with_a_lower_case_word(read_table) -> None:
    """ "in eastern Europe" names a region of its own, and "Europe" named elsewhere is
    not its short name; "northern Italy" is Italy."""
    entities, _ = read_table(
        """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        sells     sell     VERB  VBZ ROOT  1 O
        in        in       ADP   IN  prep  1 O
        eastern   eastern  ADJ   JJ  amod  4 O
        Europe    Europe   PROPN NNP pobj  2 B-LOC
        ,         ,        PUNCT ,   punct 4 O
        northern  northern ADJ   JJ  amod  7 O
        Italy     Italy    PROPN NNP conj  4 B-GPE
        and       and      CCONJ CC  cc    7 O
        Europe    Europe   PROPN NNP conj  7 B-LOC
        .         .        PUNCT .   punct 1 O
    """
    )
    assert {(e.label, e.type, e.aliases) for e in entities} == {
        ("Halvard", "Organization", ()),
        ("eastern Europe", "Place", ()),
        ("Italy", "Place", ()),
        ("Europe", "Place", ()),
    }


def test_extract_entity_types_site_named_with_its_owner_is_a_place(read_table) -> None:
    """ "its Pellworth plant", "the Drummock gold mine"... the names of sites are
    places, whatever NER said; "the Quorvex plant" (no place's label) is a company's."""
    assert types(
        read_table,
        """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        shut      shut     VERB  VBD ROOT  1 O
        its       its      PRON  PRP$ poss 4 O
        Pellworth Pellworth PROPN NNP compound 4 B-ORG
        plant     plant    NOUN  NN  dobj  1 O
        ,         ,        PUNCT ,   punct 4 O
        Drummock  Drummock PROPN NNP compound 8 B-ORG
        gold      gold     NOUN  NN  compound 8 O
        mine      mine     NOUN  NN  conj  4 O
        and       and      CCONJ CC  cc    8 O
        the       the      DET   DT  det   12 O
        Quorvex   Quorvex  PROPN NNP compound 12 B-ORG
        plant     plant    NOUN  NN  conj  8 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {
        "Halvard": "Organization",
        "Pellworth": "Place",
        "Drummock": "Place",
        "Quorvex": "Organization",
    }


def test_extract_entity_types_site_ner_takes_for_a_people(read_table) -> None:
    """NER calls a site's name a people's ("the Stabroek block"): a place; a people
    ("the Italian plant") is no entity."""
    assert types(
        read_table,
        """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        runs      run      VERB  VBZ ROOT  1 O
        the       the      DET   DT  det   4 O
        Vessbrook Vessbrook PROPN NNP compound 4 B-NORP
        block     block    NOUN  NN  dobj  1 O
        and       and      CCONJ CC  cc    4 O
        the       the      DET   DT  det   8 O
        Italian   italian  ADJ   JJ  amod  8 B-NORP
        plant     plant    NOUN  NN  conj  4 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Halvard": "Organization", "Vessbrook": "Place"}


def test_extract_entity_types_initials_of_common_words_are_no_name(read_table) -> None:
    """ "digital video recorders ... DVR sales": NER took the initials of words the
    story writes in lower case for a company."""
    assert types(
        read_table,
        """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        makes     make     VERB  VBZ ROOT  1 O
        digital   digital  ADJ   JJ  amod  4 O
        video     video    NOUN  NN  compound 4 O
        recorders recorder NOUN  NNS dobj  1 O
        ;         ;        PUNCT :   punct 1 O
        DVR       DVR      PROPN NNP compound 7 B-ORG
        sales     sale     NOUN  NNS nsubj 8 O
        rose      rise     VERB  VBD conj  1 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Halvard": "Organization"}


def test_extract_entity_types_fields_of_a_title_are_no_names(read_table) -> None:
    """ "Tove Arnsen, Trade and Energy Minister, announced the plan": the untagged
    words are her title, neither a company nor a person."""
    assert types(
        read_table,
        """
        Tove      Tove     PROPN NNP compound 1 B-PERSON
        Arnsen    Arnsen   PROPN NNP nsubj 8 I-PERSON
        ,         ,        PUNCT ,   punct 1 O
        Trade     Trade    PROPN NNP conj  1 O
        and       and      CCONJ CC  cc    3 O
        Energy    Energy   PROPN NNP compound 6 O
        Minister  Minister PROPN NNP conj  3 O
        ,         ,        PUNCT ,   punct 1 O
        announced announce VERB  VBD ROOT  8 O
        the       the      DET   DT  det   10 O
        plan      plan     NOUN  NN  dobj  8 O
        .         .        PUNCT .   punct 8 O
    """,
    ) == {"Tove Arnsen": "Person"}


def test_extract_entity_types_laws_families_and_time_zones_are_no_entities(read_table) -> None:
    """ "the Marvell family", "the Data Sharing Act", "1400 GMT": NER's companies."""
    assert (
        types(
            read_table,
            """
        the       the      DET   DT  det   2 O
        Marvell   Marvell  PROPN NNP compound 2 B-PERSON
        family    family   NOUN  NN  nsubj 3 O
        cited     cite     VERB  VBD ROOT  3 O
        the       the      DET   DT  det   7 B-ORG
        Data      Data     PROPN NNP compound 7 I-ORG
        Sharing   Sharing  PROPN NNP compound 7 I-ORG
        Act       Act      PROPN NNP dobj  3 I-ORG
        at        at       ADP   IN  prep  3 O
        1400      1400     NUM   CD  nummod 10 O
        GMT       GMT      PROPN NNP pobj  8 B-ORG
        .         .        PUNCT .   punct 3 O
    """,
        )
        == {}
    )


def test_extract_entity_types_wire_brackets_hold_names_and_tickers(read_table) -> None:
    """A wire writes a company's name in angle brackets ("<Quell Glass SpA>", NER's
    person, a company by its suffix) and its ticker too ("<VESS.L>", no name); the
    dateline's state ("BOULDER, COLO.") is a place."""
    assert types(
        read_table,
        """
        BOULDER   BOULDER  PROPN NNP ROOT  0 B-GPE
        ,         ,        PUNCT ,   punct 0 O
        COLO      colo     ADV   RB  advmod 0 B-ORG
        +.        .        PUNCT .   punct 0 O
        -         -        PUNCT HYPH punct 0 O
        <         <        X     ADD punct 8 O
        +Quell    Quell    PROPN NNP compound 8 B-PERSON
        Glass     Glass    PROPN NNP compound 8 I-PERSON
        SpA       spa      NOUN  NN  nsubj 14 I-PERSON
        +>        >        X     ADD punct 8 I-PERSON
        and       and      CCONJ CC  cc    8 O
        <         <        X     ADD punct 12 O
        +VESS.L   VESS.L   PROPN NNP conj  8 O
        +>        >        PUNCT -RRB- punct 12 O
        agreed    agree    VERB  VBD ROOT  14 O
        .         .        PUNCT .   punct 14 O
    """,
    ) == {"BOULDER": "Place", "COLO": "Place", "Quell Glass SpA": "Organization"}


def test_extract_entity_types_party_letter_is_no_first_name(read_table) -> None:
    """ "Jo Varga, D- Texas": the party's letter before the state opens no name."""
    assert types(
        read_table,
        """
        Jo        Jo       PROPN NNP compound 1 B-PERSON
        Varga     Varga    PROPN NNP nsubj 7 I-PERSON
        ,         ,        PUNCT ,   punct 1 O
        D-        D-       PROPN NNP compound 4 O
        Texas     Texas    PROPN NNP appos 1 B-GPE
        ,         ,        PUNCT ,   punct 1 O
        then      then     ADV   RB  advmod 7 O
        spoke     speak    VERB  VBD ROOT  7 O
        .         .        PUNCT .   punct 7 O
    """,
    ) == {"Jo Varga": "Person", "Texas": "Place"}


def test_extract_entity_types_number_word_begins_a_name(read_table) -> None:
    """ "its Six Pennants unit": NER took "Six" for a number."""
    assert types(
        read_table,
        """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        sold      sell     VERB  VBD ROOT  1 O
        its       its      PRON  PRP$ poss 5 O
        Six       six      NUM   CD  nummod 4 B-CARDINAL
        Pennants  Pennants PROPN NNP compound 5 B-ORG
        unit      unit     NOUN  NN  dobj  1 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Halvard": "Organization", "Six Pennants": "Organization"}


def test_extract_entity_types_no_leading_its_nor_trailing_and(read_table) -> None:
    assert set(
        types(
            read_table,
            """
        Its       its      PRON  PRP$ poss 4 B-ORG
        Brisk     Brisk    PROPN NNP compound 3 I-ORG
        Sugar     Sugar    PROPN NNP compound 3 I-ORG
        Plc       Plc      PROPN NNP compound 4 I-ORG
        unit      unit     NOUN  NN  nsubj 5 O
        joined    join     VERB  VBD ROOT  5 O
        Eléctrica Eléctrica PROPN NNP compound 8 B-PERSON
        del       del      PROPN NNP compound 8 I-PERSON
        Nerva     Nerva    PROPN NNP dobj  5 I-PERSON
        and       and      CCONJ CC  cc    8 I-PERSON
        Quilla    Quilla   PROPN NNP conj  8 B-ORG
        .         .        PUNCT .   punct 5 O
    """,
        )
    ) == {"Brisk Sugar Plc", "Eléctrica del Nerva", "Quilla"}


def test_extract_entity_types_tickers_are_no_names(read_table) -> None:
    """A wire's tickers: "<QRVX.L>", "HLDN.L"."""
    assert set(
        types(
            read_table,
            """
        Quorvex   Quorvex  PROPN NNP compound 1 B-ORG
        Plc       Plc      PROPN NNP nsubj 5 I-ORG
        <         <        X     ADD punct 3 O
        +QRVX.L   QRVX.L   PROPN NNP appos 1 B-ORG
        +>        >        PUNCT -RRB- punct 3 O
        rose      rise     VERB  VBD ROOT  5 O
        .         .        PUNCT .   punct 5 O
    """,
        )
    ) == {"Quorvex Plc"}


def test_extract_entity_types_name_across_a_hyphen(read_table) -> None:
    """ "the Kel-Morrow stores": the tokenizer split the name at its hyphen."""
    assert types(
        read_table,
        """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        runs      run      VERB  VBZ ROOT  1 O
        the       the      DET   DT  det   6 O
        Kel       Kel      PROPN NNP compound 5 B-PERSON
        +-        -        PUNCT HYPH punct 5 O
        +Morrow   Morrow   PROPN NNP compound 6 O
        stores    store    NOUN  NNS dobj  1 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Halvard": "Organization", "Kel-Morrow": "Organization"}


# -------------------------------------------------------------------- identity


def entities_of(read_table, table: str) -> dict[str, tuple[str, ...]]:
    entities, _ = read_table(table)
    return {e.label: e.aliases for e in entities}


def test_extract_entity_types_foundation_is_another_organisation(read_table) -> None:
    """ "Halvard" and "the Halvard Foundation" are two; "Halvard" is not merged
    into the longer name by its first word."""
    found = entities_of(
        read_table,
        """
        The       the      DET   DT  det   2 O
        Halvard   Halvard  PROPN NNP compound 2 B-ORG
        Foundation Foundation PROPN NNP nsubj 3 I-ORG
        owns      own      VERB  VBZ ROOT  3 O
        Halvard   Halvard  PROPN NNP dobj  3 B-ORG
        .         .        PUNCT .   punct 3 O
    """,
    )
    assert set(found) == {"Halvard Foundation", "Halvard"}


def test_extract_entity_types_a_name_in_an_apposition_is_not_its_head_s_short_form(
    read_table,
) -> None:
    """ "Pellan Biologics, a unit of Pellan, sells Zorvex": the apposition relates
    two companies, so "Pellan" is not "Pellan Biologics" shortened."""
    table = """
        Pellan         Pellan       PROPN  NNP   compound   1   B-ORG
        Biologics      Biologics    PROPN  NNP   nsubj      9   I-ORG
        ,              ,            PUNCT  ,     punct      1   O
        a              a            DET    DT    det        4   O
        unit           unit         NOUN   NN    appos      1   O
        of             of           ADP    IN    prep       4   O
        Pellan         Pellan       PROPN  NNP   pobj       5   B-ORG
        ,              ,            PUNCT  ,     punct      1   O
        already        already      ADV    RB    advmod     9   O
        sells          sell         VERB   VBZ   ROOT       9   O
        Zorvex         Zorvex       PROPN  NNP   dobj       9   B-PRODUCT
        .              .            PUNCT  .     punct      9   O
    """
    assert set(entities_of(read_table, table)) == {"Pellan Biologics", "Pellan", "Zorvex"}
    _, claims = read_table(table)
    assert ("pellan-biologics", "subsidiaryOf", "pellan") in {
        (c.subject, c.predicate, c.object) for c in claims
    }


def test_extract_entity_types_a_bracketed_short_name_is_the_same(read_table) -> None:
    """ "Pellan Oil Ltd (Pellan) said": a short name in brackets names the company
    before it."""
    found = entities_of(
        read_table,
        """
        Pellan         Pellan       PROPN  NNP   compound   2   B-ORG
        Oil            Oil          PROPN  NNP   compound   2   I-ORG
        Ltd            Ltd          PROPN  NNP   nsubj      7   I-ORG
        (              (            PUNCT  -LRB- punct      4   O
        Pellan         Pellan       PROPN  NNP   appos      2   B-ORG
        )              )            PUNCT  -RRB- punct      4   O
        +said          say          VERB   VBD   ROOT       7   O
        +.             .            PUNCT  .     punct      7   O
    """,
    )
    assert found == {"Pellan Oil Ltd": ("Pellan",)}


def test_extract_entity_types_company_with_suffix_is_no_short_name(read_table) -> None:
    """ "Quorn Pacific Corp" is a company's full name, not "Quorn Pacific National
    Bank" shortened."""
    found = entities_of(
        read_table,
        """
        Quorn     Quorn    PROPN NNP compound 3 B-ORG
        Pacific   Pacific  PROPN NNP compound 3 I-ORG
        National  National PROPN NNP compound 3 I-ORG
        Bank      Bank     PROPN NNP nsubj 4 I-ORG
        is        be       AUX   VBZ ROOT  4 O
        a         a        DET   DT  det   6 O
        unit      unit     NOUN  NN  attr  4 O
        of        of       ADP   IN  prep  6 O
        Quorn     Quorn    PROPN NNP compound 10 B-ORG
        Pacific   Pacific  PROPN NNP compound 10 I-ORG
        Corp      Corp     PROPN NNP pobj  7 I-ORG
        .         .        PUNCT .   punct 4 O
    """,
    )
    assert set(found) == {"Quorn Pacific National Bank", "Quorn Pacific Corp"}


@pytest.mark.parametrize(
    "short,label", [("Marlow-Tard", "Alimentation Marlow-Tard"), ("QSC", "Quorn Sugar Corp")]
)
def test_extract_entity_types_short_name_joins_long_one(read_table, short, label) -> None:
    """The last words of a longer name, or its initials with the suffix's."""
    words = label.split()
    rows = [
        f"{w} {w} PROPN NNP {'compound' if i < len(words) - 1 else 'nsubj'} "
        f"{len(words) - 1 if i < len(words) - 1 else len(words)} "
        f"{'B' if i == 0 else 'I'}-ORG"
        for i, w in enumerate(words)
    ]
    n = len(words)
    rows += [
        f"grew grow VERB VBD ROOT {n} O",
        f". . PUNCT . punct {n} O",
        f"{short} {short} PROPN NNP nsubj {n + 3} B-ORG",
        f"said say VERB VBD ROOT {n + 3} O",
        f". . PUNCT . punct {n + 3} O",
    ]
    found = entities_of(read_table, "\n".join(rows))
    assert list(found) == [label] and short in found[label]


def test_extract_entity_types_short_name_of_several_is_the_first_named(read_table) -> None:
    """ "Aranvo" after "Aranvo Pharma" and its unit "Aranvo Wellness": the company."""
    found = entities_of(
        read_table,
        """
        Aranvo    Aranvo   PROPN NNP compound 1 B-ORG
        Pharma    Pharma   PROPN NNP nsubj 2 I-ORG
        sold      sell     VERB  VBD ROOT  2 O
        Aranvo    Aranvo   PROPN NNP compound 4 B-ORG
        Wellness  Wellness PROPN NNP dobj  2 I-ORG
        .         .        PUNCT .   punct 2 O
        Aranvo    Aranvo   PROPN NNP nsubj 7 B-ORG
        grew      grow     VERB  VBD ROOT  7 O
        .         .        PUNCT .   punct 7 O
    """,
    )
    assert found["Aranvo Pharma"] == ("Aranvo",)
    assert found["Aranvo Wellness"] == ()


def test_extract_entity_types_honorific_or_title_before_one_word(read_table) -> None:
    """ "Ms Hessen" inside a span NER calls a company's, "President Brandt" before a
    lone word NER calls a person's: people both."""
    assert types(
        read_table,
        """
        Ms        Ms       PROPN NNP compound 1 B-ORG
        Hessen    Hessen   PROPN NNP nsubj 2 I-ORG
        met       meet     VERB  VBD ROOT  2 O
        President President PROPN NNP compound 4 O
        Brandt    Brandt   PROPN NNP dobj  2 B-PERSON
        .         .        PUNCT .   punct 2 O
    """,
    ) == {"Hessen": "Person", "Brandt": "Person"}


def test_extract_entity_types_short_name_before_its_unit_is_its_own(read_table) -> None:
    """ "Quorvex", then "Quorvex Defence and Space": the story names the company
    first and its unit later, two organisations."""
    found = entities_of(
        read_table,
        """
        Quorvex   Quorvex  PROPN NNP nsubj 1 B-ORG
        grew      grow     VERB  VBD ROOT  1 O
        .         .        PUNCT .   punct 1 O
        Quorvex   Quorvex  PROPN NNP compound 4 B-ORG
        Defence   Defence  PROPN NNP nsubj 7 I-ORG
        and       and      CCONJ CC  cc    4 I-ORG
        Space     Space    PROPN NNP conj  4 I-ORG
        hired     hire     VERB  VBD ROOT  7 O
        staff     staff    NOUN  NN  dobj  7 O
        .         .        PUNCT .   punct 7 O
    """,
    )
    assert set(found) == {"Quorvex", "Quorvex Defence and Space"}


def test_extract_entity_types_short_name_before_its_full_name_joins(read_table) -> None:
    """ "Zentra", then "Zentra Networks" or "Zentra Corp": one company, the longer
    name going on with only a suffix or a word company names end with."""
    for last in ("Networks", "Corp"):
        found = entities_of(
            read_table,
            f"""
            Zentra    Zentra   PROPN NNP nsubj 1 B-ORG
            grew      grow     VERB  VBD ROOT  1 O
            .         .        PUNCT .   punct 1 O
            Zentra    Zentra   PROPN NNP compound 4 B-ORG
            {last}    {last}   PROPN NNP nsubj 5 I-ORG
            hired     hire     VERB  VBD ROOT  5 O
            staff     staff    NOUN  NN  dobj  5 O
            .         .        PUNCT .   punct 5 O
        """,
        )
        assert found == {f"Zentra {last}": ("Zentra",)}


# --------------------------------------------------------- what claims make of names


def test_extract_entity_types_object_of_a_verb_is_typed(read_table) -> None:
    """ "builds the Zephlin" makes a product of what NER called a company, "acquired
    Zentrix" a company of what it called a product, and the claims hold."""
    entities, claims = read_table("""
        Halvard   Halvard  PROPN NNP compound 1 B-ORG
        Systems   Systems  PROPN NNP nsubj 2 I-ORG
        builds    build    VERB  VBZ ROOT  2 O
        the       the      DET   DT  det   4 O
        Zephlin   Zephlin  PROPN NNP dobj  2 B-ORG
        and       and      CCONJ CC  cc    2 O
        acquired  acquire  VERB  VBD conj  2 O
        Zentrix   Zentrix  PROPN NNP dobj  6 B-PRODUCT
        .         .        PUNCT .   punct 2 O
    """)
    assert {e.label: e.type for e in entities} == {
        "Halvard Systems": "Organization",
        "Zephlin": "Product",
        "Zentrix": "Organization",
    }
    assert {(c.subject, c.predicate, c.object) for c in claims} == {
        ("halvard-systems", "develops", "zephlin"),
        ("halvard-systems", "acquires", "zentrix"),
    }


def test_extract_entity_types_a_product_that_buys_is_a_company(read_table) -> None:
    """ "Zentrix agreed to buy Halvard Systems", with NER calling Zentrix a product:
    a person or a company buys, never a product, and a lone word is no person."""
    entities, claims = read_table("""
        Zentrix   Zentrix  PROPN NNP nsubj 1 B-PRODUCT
        agreed    agree    VERB  VBD ROOT  1 O
        to        to       PART  TO  aux   3 O
        buy       buy      VERB  VB  xcomp 1 O
        Halvard   Halvard  PROPN NNP compound 5 B-ORG
        Systems   Systems  PROPN NNP dobj  3 I-ORG
        .         .        PUNCT .   punct 1 O
    """)
    assert {e.label: e.type for e in entities} == {
        "Zentrix": "Organization",
        "Halvard Systems": "Organization",
    }
    assert {(c.subject, c.predicate, c.object) for c in claims} == {
        ("zentrix", "acquires", "halvard-systems")
    }


def test_extract_entity_types_verbs_make_no_person_of_a_lone_word(read_table) -> None:
    """ "Zentrix runs Halvard Systems" (a misparse of "Zentrix, whose chief runs
    ...") makes no person of a lone word."""
    assert types(
        read_table,
        """
        Zentrix   Zentrix  PROPN NNP nsubj 1 B-ORG
        runs      run      VERB  VBZ ROOT  1 O
        Halvard   Halvard  PROPN NNP compound 3 B-ORG
        Systems   Systems  PROPN NNP dobj  1 I-ORG
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Zentrix": "Organization", "Halvard Systems": "Organization"}


def test_extract_entity_types_only_a_fitting_claim_types(read_table) -> None:
    """A person "sells" nothing as a company offers a product: "Jane Doe sells
    Zentrix" makes no product of Zentrix; "Halvard Systems sells Zentrix" does."""
    table = """
        {seller}
        sells     sell     VERB  VBZ ROOT  2 O
        Zentrix   Zentrix  PROPN NNP dobj  2 B-ORG
        .         .        PUNCT .   punct 2 O
    """
    person = """Jane      Jane     PROPN NNP compound 1 B-PERSON
        Doe       Doe      PROPN NNP nsubj 2 I-PERSON"""
    company = """Halvard   Halvard  PROPN NNP compound 1 B-ORG
        Systems   Systems  PROPN NNP nsubj 2 I-ORG"""
    assert types(read_table, table.format(seller=person))["Zentrix"] == "Organization"
    assert types(read_table, table.format(seller=company))["Zentrix"] == "Product"


# ------------------------------------------------- people NER calls organisations


def test_extract_entity_types_who_makes_a_person(read_table) -> None:
    """ "Jane Quill and JB Marro, who own ...": only people are "who"."""
    assert types(
        read_table,
        """
        Jane      Jane     PROPN NNP compound 1 B-PERSON
        Quill     Quill    PROPN NNP ROOT  1 I-PERSON
        and       and      CCONJ CC  cc    1 O
        JB        JB       PROPN NNP compound 4 B-ORG
        Marro     Marro    PROPN NNP conj  1 I-ORG
        ,         ,        PUNCT ,   punct 4 O
        who       who      PRON  WP  nsubj 7 O
        own       own      VERB  VBP relcl 4 O
        shares    share    NOUN  NNS dobj  7 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Jane Quill": "Person", "JB Marro": "Person"}


def test_extract_entity_types_title_held_makes_a_person(read_table) -> None:
    """ "Dario Velluti remains executive chairman", "succeeded Dario Velluti as chief
    executive": only people hold these titles; "the biggest investor" says nothing."""
    assert types(
        read_table,
        """
        Velluti   Velluti  PROPN NNP nsubj 1 B-ORG
        remains   remain   VERB  VBZ ROOT  1 O
        executive executive NOUN NN  compound 3 O
        chairman  chairman NOUN  NN  attr  1 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Velluti": "Person"}
    assert (
        types(
            read_table,
            """
        Halvard   Halvard  PROPN NNP nsubj 1 B-ORG
        succeeded succeed  VERB  VBD ROOT  1 O
        Dario     Dario    PROPN NNP compound 3 B-ORG
        Velluti   Velluti  PROPN NNP dobj  1 I-ORG
        as        as       ADP   IN  prep  1 O
        chief     chief    ADJ   JJ  amod  6 O
        executive executive NOUN NN  pobj  4 O
        .         .        PUNCT .   punct 1 O
    """,
        )["Dario Velluti"]
        == "Person"
    )
    assert types(
        read_table,
        """
        Quorvex   Quorvex  PROPN NNP nsubj 1 B-ORG
        remains   remain   VERB  VBZ ROOT  1 O
        the       the      DET   DT  det   4 O
        biggest   big      ADJ   JJS amod  4 O
        investor  investor NOUN  NN  attr  1 O
        .         .        PUNCT .   punct 1 O
    """,
    ) == {"Quorvex": "Organization"}


def test_extract_entity_types_organisation_noun_after_a_name(read_table) -> None:
    """ "the Sal Quorn investment bank", "magazine Der Zeitwort": organisations,
    whatever NER says; "the Quill group" of a lone surname says nothing."""
    assert types(
        read_table,
        """
        from      from     ADP   IN  ROOT  0 O
        the       the      DET   DT  det   5 O
        Sal       Sal      PROPN NNP compound 3 B-PERSON
        Quorn     Quorn    PROPN NNP compound 5 I-PERSON
        investment investment NOUN NN compound 5 O
        bank      bank     NOUN  NN  pobj  0 O
        and       and      CCONJ CC  cc    5 O
        magazine  magazine NOUN  NN  compound 9 O
        Der       Der      PROPN NNP compound 9 B-PERSON
        Zeitwort  Zeitwort PROPN NNP conj  5 I-PERSON
    """,
    ) == {"Sal Quorn": "Organization", "Der Zeitwort": "Organization"}


def test_extract_entity_types_honorific_before_an_untagged_name(read_table) -> None:
    """ "A spokesman for Quorn Builders, Dr Vantesh, said": the untagged name set
    beside a company is a person after an honorific."""
    assert types(
        read_table,
        """
        A         a        DET   DT  det   1 O
        spokesman spokesman NOUN NN  nsubj 9 O
        for       for      ADP   IN  prep  1 O
        Quorn     Quorn    PROPN NNP compound 4 B-ORG
        Builders  Builders PROPN NNPS pobj 2 I-ORG
        ,         ,        PUNCT ,   punct 4 O
        Dr        Dr       PROPN NNP compound 7 O
        Vantesh   Vantesh  PROPN NNP appos 4 O
        ,         ,        PUNCT ,   punct 4 O
        said      say      VERB  VBD ROOT  9 O
        .         .        PUNCT .   punct 9 O
    """,
    ) == {"Quorn Builders": "Organization", "Vantesh": "Person"}


def test_extract_entity_types_a_country_s_president_leaves_it_a_country(read_table) -> None:
    """ "Ukraine's new president, Jane Doe": countries have presidents too; Ukraine
    stays a place, and she is no company's executive."""
    entities, claims = read_table("""
        Ukraine    Ukraine    PROPN NNP poss     3 B-GPE
        's         's         PART  POS case     0 O
        new        new        ADJ   JJ  amod     3 O
        president  president  NOUN  NN  nsubj    8 O
        ,          ,          PUNCT ,   punct    3 O
        Jane       Jane       PROPN NNP compound 6 B-PERSON
        Doe        Doe        PROPN NNP appos    3 I-PERSON
        ,          ,          PUNCT ,   punct    3 O
        spoke      speak      VERB  VBD ROOT     8 O
        .          .          PUNCT .   punct    8 O
    """)
    assert {e.label: e.type for e in entities} == {"Ukraine": "Place", "Jane Doe": "Person"}
    assert not claims


def test_extract_entity_types_a_wire_dateline_names_a_place(read_table) -> None:
    """ "ZURICH, March 16 - Corvale Bank said ...": the dateline's city is a place,
    whatever NER calls it."""
    assert types(
        read_table,
        """
        ZURICH     ZURICH     PROPN NNP ROOT     0 B-ORG
        ,          ,          PUNCT ,   punct    0 O
        March      March      PROPN NNP appos    0 B-DATE
        16         16         NUM   CD  nummod   2 I-DATE
        -          -          PUNCT :   punct    0 O
        Corvale    Corvale    PROPN NNP compound 6 B-ORG
        Bank       Bank       PROPN NNP nsubj    7 I-ORG
        said       say        VERB  VBD ROOT     7 O
        profits    profit     NOUN  NNS nsubj    9 O
        rose       rise       VERB  VBD ccomp    7 O
        .          .          PUNCT .   punct    7 O
    """,
    ) == {"ZURICH": "Place", "Corvale Bank": "Organization"}


def test_extract_entity_types_a_unit_s_bracketed_short_form_is_no_name(read_table) -> None:
    """ "440,700 megawatts (MW)": the short form of a lower-case word is no name,
    here or where the story counts it ("12,600 MW"); "Corvale Networks (CN)" is."""
    assert types(
        read_table,
        """
        Capacity   capacity   NOUN  NN  nsubj    1 O
        rose       rise       VERB  VBD ROOT     1 O
        to         to         ADP   IN  prep     1 O
        440,700    440,700    NUM   CD  nummod   4 B-CARDINAL
        megawatts  megawatt   NOUN  NNS pobj     2 O
        (          (          PUNCT -LRB- punct 6 O
        MW         MW         PROPN NNP appos    4 B-ORG
        )          )          PUNCT -RRB- punct 6 O
        .          .          PUNCT .   punct    1 O
        Corvale    Corvale    PROPN NNP compound 10 B-ORG
        Networks   Networks   PROPN NNP nsubj    14 I-ORG
        (          (          PUNCT -LRB- punct 12 O
        CN         CN         PROPN NNP appos    10 B-ORG
        )          )          PUNCT -RRB- punct 12 O
        grew       grow       VERB  VBD ROOT     14 O
        .          .          PUNCT .   punct    14 O
    """,
    ) == {"Corvale Networks": "Organization"}


def test_extract_entity_types_a_country_is_no_short_form_of_a_company(read_table) -> None:
    """ "China Three Gorges Project ... China's environment agency": "China" is the
    country, not the company's name shortened."""
    found = entities_of(
        read_table,
        """
        China      China      PROPN NNP compound 3 B-ORG
        Three      Three      PROPN NNP compound 3 I-ORG
        Gorges     Gorges     PROPN NNP compound 3 I-ORG
        Project    Project    PROPN NNP nsubj    4 I-ORG
        grew       grow       VERB  VBD ROOT     4 O
        .          .          PUNCT .   punct    4 O
        China      China      PROPN NNP poss     9 B-GPE
        's         's         PART  POS case     6 O
        environment environment NOUN NN compound 9 O
        agency     agency     NOUN  NN  nsubj    10 O
        objected   object     VERB  VBD ROOT     10 O
        .          .          PUNCT .   punct    10 O
    """,
    )
    assert found == {"China Three Gorges Project": (), "China": ()}
