"""Relations: each construction that states a claim gives its (subject, predicate, object).

One sentence per case, one construction per sentence. The companies and people are
invented unless the case is about a well-known name.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=False)


ACTIVE = [
    (
        "Halvard Systems acquired Corvale Networks.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    (
        "Halvard Systems sued Corvale Networks over a patent.",
        "halvard-systems",
        "sues",
        "corvale-networks",
    ),
    (
        "Brightwater Energy will merge with Tidemark Holdings.",
        "brightwater-energy",
        "mergesWith",
        "tidemark",
    ),
    (
        "Quillon Capital invested in Northwind Robotics.",
        "quillon-capital",
        "investsIn",
        "northwind-robotics",
    ),
    # the parser attaches "in OpenAI" to "$10 billion", not to the verb
    ("Microsoft invested $10 billion in OpenAI.", "microsoft", "investsIn", "openai"),
    ("Priya Raman co-founded Quillon Capital.", "priya-raman", "founderOf", "quillon-capital"),
    (
        "Daniel Reyes leads Larkspur Industries.",
        "daniel-reyes",
        "executiveOf",
        "larkspur-industries",
    ),
    (
        "Larkspur Industries owns Corvale Networks.",
        "corvale-networks",
        "subsidiaryOf",
        "larkspur-industries",
    ),
    ("Northwind Robotics develops the Zephyr app.", "northwind-robotics", "develops", "zephyr"),
    ("Halvard Systems holds a contract with NASA.", "halvard-systems", "contractWith", "nasa"),
    ("NASA awarded Halvard Systems a contract.", "halvard-systems", "contractWith", "nasa"),
    ("Microsoft offers the Zephyr app.", "microsoft", "offers", "zephyr"),
    ("Larkspur Industries hosts the Quasar chatbot.", "larkspur-industries", "offers", "quasar"),
    (
        "Northwind Robotics competes with Larkspur Industries.",
        "northwind-robotics",
        "rivalOf",
        "larkspur-industries",
    ),
    pytest.param(
        "Google competes with Microsoft.",
        "google",
        "rivalOf",
        "microsoft",
        marks=xfail(
            "the parser reads 'competes' as a plural noun (ROOT) with 'Google' "
            "as its compound, so no verb trigger fires"
        ),
    ),
    (
        "Halvard Systems teamed up with Corvale Networks.",
        "halvard-systems",
        "partnerOf",
        "corvale-networks",
    ),
    # the parser makes 'partnered' an acl of 'Systems': the name is taken as its subject
    (
        "Halvard Systems partnered with Corvale Networks.",
        "halvard-systems",
        "partnerOf",
        "corvale-networks",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", ACTIVE)
def test_extract_active_verb(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


PASSIVE = [
    (
        "Corvale Networks was acquired by Halvard Systems.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    (
        "Corvale Networks was sued by Halvard Systems.",
        "halvard-systems",
        "sues",
        "corvale-networks",
    ),
    (
        "Northwind Robotics was founded by Daniel Reyes.",
        "daniel-reyes",
        "founderOf",
        "northwind-robotics",
    ),
    # a passive infinitive: the patient is the subject of "agreed"
    (
        "Corvale Networks agreed to be acquired by Halvard Systems.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", PASSIVE)
def test_extract_passive(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


NOMINAL = [
    (
        "Regulators approved the acquisition of Corvale Networks by Halvard Systems.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    # the parser attaches "by Halvard Systems" to "Networks", not to "acquisition"
    (
        "The acquisition of Corvale Networks by Halvard Systems was completed in March.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    # ... or to the verb, after an apposition
    (
        "The acquisition of Corvale Networks, the social network formerly known as Quillon, by "
        "Halvard Systems last year was an all-stock transaction.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    (
        "Brightwater Energy's lawsuit against Tidemark Holdings was filed on Monday.",
        "brightwater-energy",
        "sues",
        "tidemark",
    ),
    (
        "Brightwater Energy announced a partnership with Corvale Networks.",
        "brightwater-energy",
        "partnerOf",
        "corvale-networks",
    ),
    (
        "Quillon Capital's investment in Northwind Robotics was announced last year.",
        "quillon-capital",
        "investsIn",
        "northwind-robotics",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", NOMINAL)
def test_extract_nominalisation(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


APPOSITION = [
    (
        "Priya Raman, Corvale Networks' chief executive, declined to comment.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Corvale Networks, the satellite arm of Halvard Systems, signed the deal.",
        "corvale-networks",
        "subsidiaryOf",
        "halvard-systems",
    ),
    pytest.param(
        "Skylane, the satellite arm of Halvard Systems, signed the contract.",
        "skylane",
        "subsidiaryOf",
        "halvard-systems",
        marks=xfail(
            "the tagger reads the invented one-word name 'Skylane' as a common noun "
            "(NN) and NER leaves it untagged, so there is no subject entity"
        ),
    ),
    (
        "Corvale Networks, the maker of the Zephyr app, raised money.",
        "corvale-networks",
        "develops",
        "zephyr",
    ),
    # NER tags 'Zephyr' GPE; no table of places knows it, so it is doubted, and the role
    # noun types it a product
    (
        "Halvard Systems, the maker of Zephyr, raised money.",
        "halvard-systems",
        "develops",
        "zephyr",
    ),
    # "rival" is tagged an adjective (amod) here, not a noun
    (
        "Halvard Systems' rival Corvale Networks cut prices.",
        "corvale-networks",
        "rivalOf",
        "halvard-systems",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", APPOSITION)
def test_extract_apposition_and_role(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


RELATIVE = [
    (
        "Priya Raman, who co-founded Quillon Capital in 2015, left the board.",
        "priya-raman",
        "founderOf",
        "quillon-capital",
    ),
    (
        "Jeff Bezos, who founded Amazon in 1994, handed the top job to a deputy.",
        "jeff-bezos",
        "founderOf",
        "amazon",
    ),
    (
        "Quillon Capital, which Priya Raman founded, hired bankers.",
        "priya-raman",
        "founderOf",
        "quillon-capital",
    ),
    (
        "Halvard Systems, whose chief executive is Tomas Lindqvist, spoke first.",
        "tomas-lindqvist",
        "executiveOf",
        "halvard-systems",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", RELATIVE)
def test_extract_relative_clause(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


COORDINATION = [
    # the last name of the list is hung on the verb by the parser
    (
        "Microsoft on Tuesday announced a partnership with Corvale Networks, the satellite arm "
        "of Halvard Systems, and Kenyan broadband provider Tidemark Holdings to connect hubs.",
        "microsoft",
        "partnerOf",
        "tidemark",
    ),
    (
        "Brightwater Energy and Corvale Networks announced a partnership.",
        "brightwater-energy",
        "partnerOf",
        "corvale-networks",
    ),
    (
        "Halvard Systems and Corvale Networks will merge.",
        "halvard-systems",
        "mergesWith",
        "corvale-networks",
    ),
    pytest.param(
        "Tesla sued Rivian and Lucid.",
        "tesla",
        "sues",
        "rivian",
        marks=xfail(
            "NER leaves 'Rivian' untagged (and types 'Lucid' a Place), so the "
            "first conjunct has no entity"
        ),
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", COORDINATION)
def test_extract_coordination(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


MULTIPLE = [
    (
        "Halvard Systems sued Corvale Networks and Tidemark Holdings.",
        {("halvard-systems", "sues", "corvale-networks"), ("halvard-systems", "sues", "tidemark")},
    ),
    (
        "Halvard Systems, which holds contracts with Corvale Networks and Tidemark Holdings, "
        "grew fast.",
        {
            ("halvard-systems", "contractWith", "corvale-networks"),
            ("halvard-systems", "contractWith", "tidemark"),
        },
    ),
]


@pytest.mark.parametrize("text,expected", MULTIPLE)
def test_extract_coordinated_objects_give_one_claim_each(triples, text, expected):
    assert expected <= triples(text)


POSSESSIVE = [
    ("Northwind Robotics' Zephyr app is popular.", "northwind-robotics", "develops", "zephyr"),
    ("OpenAI's chatbot, ChatGPT, answered questions.", "openai", "develops", "chatgpt"),
    # NER tags "Pellucid" PERSON: the apposition to "chatbot" must make it a Product
    (
        "Northwind Robotics' chatbot, Pellucid, answered questions.",
        "northwind-robotics",
        "develops",
        "pellucid",
    ),
    # the parser loses the possessive in a long list; the words keep it
    (
        "The catalogue runs to well over a thousand models, including Meta's Llama, OpenAI's "
        "GPT-4o and DeepSeek-R1.",
        "meta",
        "develops",
        "llama",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", POSSESSIVE)
def test_extract_possessive_and_compound(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


def test_extract_symmetric_claim_stored_in_key_order(extract):
    ex = extract("Northwind Robotics competes with Larkspur Industries.")
    rival = [(c.subject, c.object) for c in ex.claims if c.predicate == "rivalOf"]
    assert rival == [("larkspur-industries", "northwind-robotics")]


REDUCED_RELATIVE = [
    # no "which": the parser misreads these; the words are read instead
    (
        "Quillon Capital, the investment firm Priya Raman founded in 2015, hired bankers.",
        "priya-raman",
        "founderOf",
        "quillon-capital",
    ),
    (
        "Larkspur Industries, the chipmaker Daniel Reyes also runs, cut jobs.",
        "daniel-reyes",
        "executiveOf",
        "larkspur-industries",
    ),
    (
        "Corvale Networks, the company Halvard Systems bought last year, cut jobs.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    # the second verb shares the relative pronoun of the first
    (
        "Quillon Capital, which Priya Raman founded in 2015 and still leads, hired bankers.",
        "priya-raman",
        "executiveOf",
        "quillon-capital",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", REDUCED_RELATIVE)
def test_extract_reduced_relative_clause(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


def test_extract_relative_clause_with_an_object_of_its_own_is_not_reduced(triples):
    text = "Tomas Lindqvist will be replaced by Priya Raman, who runs the company's cloud business."
    assert not any(t[1] == "executiveOf" and t[0] == t[2] for t in triples(text))
    assert all(t[2] != "priya-raman" for t in triples(text))


ROLES = [
    (
        "Jane Doe, a former co-chief executive of Corvale Networks, joined the board.",
        "jane-doe",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Daniel Reyes, the former Larkspur Industries advertising chief, joined Acme.",
        "daniel-reyes",
        "executiveOf",
        "larkspur-industries",
    ),
    (
        "Corvale Networks named Priya Raman interim chief executive.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Priya Raman was named chief executive of Corvale Networks.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Corvale Networks reported results. Priya Raman, the company's chief strategy "
        "officer, said sales would grow.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    ("Microsoft CEO Satya Nadella spoke first.", "satya-nadella", "executiveOf", "microsoft"),
    # NER types the site a person; founding and being owned make it a company
    (
        "Jane Doe, a co-founder of the Amazon-owned streaming site Twitch, joined.",
        "jane-doe",
        "founderOf",
        "twitch",
    ),
    (
        "Jane Doe, a co-founder of the Amazon-owned streaming site Twitch, joined.",
        "twitch",
        "subsidiaryOf",
        "amazon",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", ROLES)
def test_extract_role(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


PRODUCTS = [
    (
        "Quasar-2, the reasoning model from Chinese start-up Larkspur Labs, is popular.",
        "larkspur-labs",
        "develops",
        "quasar-2",
    ),
    # the builder of a product into its own cars offers it
    ("Tesla has built xAI's Grok assistant into its cars.", "tesla", "offers", "grok"),
    ("Grok is built into Tesla's cars.", "tesla", "offers", "grok"),
    (
        "Halvard Systems integrated the Zephyr app into its cloud.",
        "halvard-systems",
        "offers",
        "zephyr",
    ),
    # a version number is part of the name
    (
        "Halvard Systems, which makes Quasar 365, hired staff.",
        "halvard-systems",
        "develops",
        "quasar-365",
    ),
    # the possessive of the first of two products is the second's too
    (
        "Halvard Systems favours its own Quasar Watch and Quasar Pay.",
        "halvard-systems",
        "develops",
        "quasar-pay",
    ),
    ("Samsung, a rival in premium phones, makes the Galaxy line.", "samsung", "develops", "galaxy"),
]


@pytest.mark.parametrize("text,subject,predicate,obj", PRODUCTS)
def test_extract_product(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


def test_extract_built_into_is_not_develops(triples):
    assert ("tesla", "develops", "grok") not in triples(
        "Tesla has built xAI's Grok assistant into its cars."
    )


PRONOUNS = [
    # "its" is the clause's subject, a description resolved first
    (
        "Halvard Systems makes search engines. The search company is a rival to both Corvale "
        "Networks and Tidemark Holdings, and its Quasar models compete with theirs.",
        "halvard-systems",
        "develops",
        "quasar",
    ),
    # "it" cannot be the subject of its own verb; "its" is the accused's
    (
        "Halvard Systems sued Corvale Networks, accusing it of copying code to build its "
        "Zephyr app.",
        "corvale-networks",
        "develops",
        "zephyr",
    ),
    (
        "Halvard Systems sued Corvale Networks, accusing the company of copying code without "
        "permission to train its Quasar chatbot.",
        "corvale-networks",
        "develops",
        "quasar",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", PRONOUNS)
def test_extract_pronoun(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


CONTEXT_TITLES = [
    # a title with no organisation is of the organisation the story is about
    (
        "Corvale Networks reported profits. Tomas Lindqvist fired chief executive Priya Raman, "
        "chief financial officer Daniel Reyes and Jane Doe.",
        "daniel-reyes",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Corvale Networks reported profits. Priya Raman, the chief technology officer, was "
        "promoted.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Corvale Networks reported profits. Tomas Lindqvist, a co-founder and board member, "
        "voted against.",
        "tomas-lindqvist",
        "founderOf",
        "corvale-networks",
    ),
    (
        "Corvale Networks reported profits. Priya Raman, Corvale's president and one of its "
        "co-founders, quit.",
        "priya-raman",
        "founderOf",
        "corvale-networks",
    ),
    # the organisation the sentence states wins over the story's
    (
        "Halvard Systems is in the news. Corvale Networks, co-founded by Tomas Lindqvist and "
        "run by chief executive Priya Raman, competes with Halvard Systems.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", CONTEXT_TITLES)
def test_extract_title_of_the_story_organisation(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


NOT_CLAIMS = [
    (
        "Tidemark Holdings agreed to buy Corvale Networks as part of Halvard Systems' plan.",
        ("corvale-networks", "subsidiaryOf", "halvard-systems"),
    ),
    (
        "She shared the driving with her partner, Tomas Lindqvist, who now does the engineering.",
        ("jane-doe", "partnerOf", "tomas-lindqvist"),
    ),
    # "the Yukos unit" is a unit of Yukos, not Yukos
    (
        "Russia sold the Yukos unit to Baikal Finance Group.",
        ("baikal-finance", "acquires", "yukos"),
    ),
    # buying or selling a part of a company is not buying the company
    (
        "Halvard Systems bought Corvale Networks' chip unit for $2 billion.",
        ("halvard-systems", "acquires", "corvale-networks"),
    ),
    (
        "Tidemark Holdings founded the label and sold it to Halvard Systems.",
        ("halvard-systems", "acquires", "tidemark"),
    ),
    # sales are revenue
    (
        "The sales of Corvale Networks to Halvard Systems rose.",
        ("halvard-systems", "acquires", "corvale-networks"),
    ),
    # a regulator's licence is no contract
    (
        "Under the terms of its licence from the Federal Communications Commission, Halvard "
        "Systems must launch half of its satellites by 2026.",
        ("federal-communications-commission", "contractWith", "halvard-systems"),
    ),
    (
        "Under the terms of its licence from the Federal Communications Commission, Halvard "
        "Systems must launch half of its satellites by 2026.",
        ("halvard-systems", "contractWith", "federal-communications-commission"),
    ),
    # "them" is the models, not a company
    (
        "Corvale Networks launched Foundry. Foundry lets businesses pick from a catalogue of AI "
        "models, test them and run them inside their own applications.",
        ("foundry", "executiveOf", "corvale-networks"),
    ),
    # the agent of a conjoined clause is not the subject of the clause before it
    (
        "Supporters argued that Tesla needs access to AI models, and that a stake in xAI would "
        "tie the two businesses more closely.",
        ("tesla", "investsIn", "xai"),
    ),
    # the second verb does not take the first one's object ("founded xAI ... and is suing")
    (
        "Elon Musk founded xAI to compete with OpenAI, the lab he co-founded in 2015 and is "
        "now suing, as well as with Google.",
        ("elon-musk", "sues", "xai"),
    ),
    # "it" is not the outlet a source spoke to
    (
        'Malcolm Glazer wants Corvale Networks, a fan told the BBC. "He will use our money to '
        'buy it."',
        ("malcolm-glazer", "acquires", "bbc"),
    ),
    # a head of state is no company's executive
    (
        "Halvard Systems launched a rocket. President Donald Trump watched the launch.",
        ("donald-trump", "executiveOf", "halvard-systems"),
    ),
    # the title is the name's beside it, not the next name's
    (
        "Corvale Networks reported profits. Tomas Lindqvist fired chief executive Priya Raman, "
        "chief financial officer Daniel Reyes and Jane Doe.",
        ("jane-doe", "executiveOf", "corvale-networks"),
    ),
    (
        "Halvard Systems is in the news. Corvale Networks, run by chief executive Priya Raman, "
        "competes with Halvard Systems.",
        ("priya-raman", "executiveOf", "halvard-systems"),
    ),
    # a company hiring "its co-founder" hires another company's
    (
        "Halvard Systems agreed to pay Corvale Networks $650 million and hired its co-founder "
        "Priya Raman.",
        ("priya-raman", "founderOf", "halvard-systems"),
    ),
    # "the deal" of two companies calling off a purchase is the purchase
    (
        "Halvard Systems and Tidemark Holdings on Tuesday called off Halvard's planned purchase "
        "of Corvale Networks after the deal ran into opposition.",
        ("halvard-systems", "partnerOf", "tidemark"),
    ),
]


@pytest.mark.parametrize("text,triple", NOT_CLAIMS)
def test_extract_no_claim(triples, normalise, text, triple):
    assert normalise(*triple) not in triples(text)


def test_extract_hiring_its_co_founder_is_the_other_company(triples):
    text = (
        "Halvard Systems agreed to pay Corvale Networks $650 million and hired its "
        "co-founder Priya Raman."
    )
    assert ("priya-raman", "founderOf", "corvale-networks") in triples(text)


def test_extract_fined_for_what_its_product_does(triples):
    text = (
        "The European Commission fined Halvard Systems \u20ac1.8 billion for stopping "
        "services from telling users about cheaper deals outside its Zephyr Store."
    )
    assert ("halvard-systems", "develops", "zephyr-store") in triples(text)
    assert ("european-commission", "develops", "zephyr-store") not in triples(text)


def test_extract_what_after_says_happened(triples):
    text = (
        "Tomas Lindqvist agreed to pay and then tried to walk away, relenting only after "
        "Halvard Systems sued Corvale Networks in Delaware."
    )
    assert ("halvard-systems", "sues", "corvale-networks") in triples(text)


MORE = [
    (
        "Halvard Systems has agreed to sell its Corvale Networks unit to Tidemark Holdings.",
        "tidemark",
        "acquires",
        "corvale-networks",
    ),
    (
        "Corvale Networks counts HSBC and Barclays among its clients.",
        "corvale-networks",
        "contractWith",
        "barclays",
    ),
    (
        "Corvale Networks provides cloud services to HSBC.",
        "corvale-networks",
        "contractWith",
        "hsbc",
    ),
    (
        "HSBC has hired Corvale Networks to build its trading platform.",
        "corvale-networks",
        "contractWith",
        "hsbc",
    ),
    (
        "Jane Doe, 54, who joined Halvard Systems in 2010 as chief financial officer, will "
        "become chief executive on Jan. 1.",
        "jane-doe",
        "executiveOf",
        "halvard-systems",
    ),
    (
        "Halvard Systems and Corvale Networks signed a memorandum of understanding to cooperate "
        "on batteries.",
        "corvale-networks",
        "partnerOf",
        "halvard-systems",
    ),
    # the subject of "faces"/"settled" is the defendant
    (
        "Halvard Systems faces a lawsuit from Corvale Networks over patents.",
        "corvale-networks",
        "sues",
        "halvard-systems",
    ),
    (
        "Halvard Systems settled a lawsuit brought by Corvale Networks.",
        "corvale-networks",
        "sues",
        "halvard-systems",
    ),
    (
        "The contract, worth $500 million, was awarded to Halvard Systems by the Navy in March.",
        "halvard-systems",
        "contractWith",
        "navy",
    ),
    (
        "Quillon Capital, which owns 40% of Northwind Robotics, wants to sell.",
        "quillon-capital",
        "investsIn",
        "northwind-robotics",
    ),
    (
        "Halvard Systems' shareholders include Quillon Capital and Tidemark Holdings.",
        "tidemark",
        "investsIn",
        "halvard-systems",
    ),
    # the lemmatizer reads "to found" as "find"
    (
        "Priya Raman left Halvard Systems last year to found Northwind Robotics.",
        "priya-raman",
        "founderOf",
        "northwind-robotics",
    ),
    # "X's Y unit": the unit is Y
    (
        "Alphabet's Google unit agreed to pay $2.1 billion for Fitbit, the wearable-device maker.",
        "google",
        "acquires",
        "fitbit",
    ),
    (
        "Alphabet's Google unit agreed to pay $2.1 billion for Fitbit, the wearable-device maker.",
        "google",
        "subsidiaryOf",
        "alphabet",
    ),
    # selling a company to a buyer is the buyer's acquisition; so is paying for one
    (
        "Halvard Systems sold Corvale Networks to Tidemark Holdings for $1 billion.",
        "tidemark",
        "acquires",
        "corvale-networks",
    ),
    (
        "Shareholders approved the sale of Corvale Networks to Tidemark Holdings.",
        "tidemark",
        "acquires",
        "corvale-networks",
    ),
    (
        "Halvard Systems will pay $3.4 billion for Corvale Networks, the companies said.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    (
        "Corvale Networks, now part of Halvard Systems, cut jobs.",
        "corvale-networks",
        "subsidiaryOf",
        "halvard-systems",
    ),
    (
        "The merger of Brightwater Energy and Tidemark Holdings created a giant.",
        "brightwater-energy",
        "mergesWith",
        "tidemark",
    ),
    (
        "Halvard Systems and Corvale Networks will jointly develop a new battery.",
        "corvale-networks",
        "partnerOf",
        "halvard-systems",
    ),
    # a public body is the client of a contract
    (
        "The Army said it will renegotiate a 400 mln dlr contract with Halvard Systems for "
        "field radios.",
        "halvard-systems",
        "contractWith",
        "army",
    ),
    (
        "For Corvale Networks, led by chief executive Priya Raman, the deal is part of a push "
        "to spread its needs across suppliers.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    # "we" in a quotation is the speaker's company
    (
        '"We are pleased to announce a partnership with Corvale Networks," said Priya Raman, '
        "Halvard Systems' chief executive.",
        "corvale-networks",
        "partnerOf",
        "halvard-systems",
    ),
    (
        '"We have agreed to buy Corvale Networks," said Halvard Systems chief executive Priya '
        "Raman.",
        "halvard-systems",
        "acquires",
        "corvale-networks",
    ),
    (
        "Halvard Systems accused Corvale Networks of stealing trade secrets in a lawsuit filed "
        "in Delaware.",
        "halvard-systems",
        "sues",
        "corvale-networks",
    ),
    # "they" is the subject of the clause above
    (
        "Brightwater Energy and Tidemark Holdings said they would merge to create the region's "
        "largest utility.",
        "brightwater-energy",
        "mergesWith",
        "tidemark",
    ),
    (
        "Northwind Robotics raised $50 million from Quillon Capital and Sequoia Capital.",
        "sequoia-capital",
        "investsIn",
        "northwind-robotics",
    ),
    (
        "Halvard Systems signed a multiyear supply agreement with Corvale Networks.",
        "halvard-systems",
        "contractWith",
        "corvale-networks",
    ),
    # a product named before a chain of nouns, and with a number
    (
        "Northwind Robotics makes the Zephyr warehouse robot.",
        "northwind-robotics",
        "develops",
        "zephyr",
    ),
    (
        "Northwind Robotics unveiled the Zephyr 2 robot on Tuesday.",
        "northwind-robotics",
        "develops",
        "zephyr-2",
    ),
    # "its" of a phrase joined to another is that other's
    (
        "Corvale Networks makes the Quasar chatbot. Tomas Lindqvist is seeking $5 billion in "
        "damages from the Quasar maker and its chief executive, Priya Raman.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Microsoft is the biggest backer of Corvale Networks, which Tomas Lindqvist co-founded "
        "and is now suing along with its chief executive, Priya Raman.",
        "priya-raman",
        "executiveOf",
        "corvale-networks",
    ),
    (
        "Halvard Systems has marketed itself as a safety-focused rival to Corvale Networks.",
        "corvale-networks",
        "rivalOf",
        "halvard-systems",
    ),
    (
        "Halvard Systems is a rival to Corvale Networks, whose Quasar chatbot popularised AI "
        "chatbots last year.",
        "corvale-networks",
        "develops",
        "quasar",
    ),
    (
        "Tidemark Holdings agreed this summer to put $2 billion into Corvale Networks.",
        "tidemark",
        "investsIn",
        "corvale-networks",
    ),
    (
        "Halvard Systems said it would merge with Corvale Networks, the start-up behind the "
        "Quasar chatbot, on Monday.",
        "corvale-networks",
        "develops",
        "quasar",
    ),
    (
        "Halvard Systems reported profits. This spring it won Corvale Networks as a cloud "
        "customer.",
        "halvard-systems",
        "contractWith",
        "corvale-networks",
    ),
    (
        "Halvard Systems hired Priya Raman as chief executive.",
        "priya-raman",
        "executiveOf",
        "halvard-systems",
    ),
    (
        "Corvale Networks will keep the licence to Microsoft's technology that it signed.",
        "microsoft",
        "contractWith",
        "corvale-networks",
    ),
    (
        "Halvard Systems licenses its chip designs to hundreds of companies, among them Apple, "
        "Qualcomm and Samsung.",
        "halvard-systems",
        "contractWith",
        "samsung",
    ),
]


@pytest.mark.parametrize("text,subject,predicate,obj", MORE)
def test_extract_more_constructions(triples, normalise, text, subject, predicate, obj):
    assert normalise(subject, predicate, obj) in triples(text)


def test_extract_put_needs_a_sum(triples):
    assert not triples("Halvard Systems put its plans into action.")
    assert not triples("Northwind Robotics raised prices.")


def test_extract_a_deal_that_is_a_merger_is_no_partnership(triples):
    text = "Brightwater Energy will combine with Tidemark Holdings in an all-share deal."
    assert triples(text) == {("brightwater-energy", "mergesWith", "tidemark")}


def test_extract_list_of_products_is_no_apposition(triples):
    text = (
        "The success of products such as Sony's Playstation, Microsoft's X-Box and "
        "Nintendo's Game Cube has boosted demand."
    )
    assert ("microsoft", "develops", "playstation") not in triples(text)
    assert ("sony", "develops", "playstation") in triples(text)


def test_extract_named_possessive_stays_with_its_product(triples):
    text = "The catalogue includes Meta's Llama, OpenAI's GPT-4o and DeepSeek-R1."
    assert ("openai", "develops", "deepseek-r1") not in triples(text)


def test_extract_listed_rivals_are_not_each_others(triples):
    text = "Halvard Systems sued rivals, including Corvale Networks and Tidemark Holdings."
    assert ("corvale-networks", "rivalOf", "tidemark") not in triples(text)
    assert ("halvard-systems", "sues", "tidemark") in triples(text)
