"""Word lists that steer extraction, kept as data a person can read and extend.

Nothing here names a particular company or event: these are the words of
business news in general.
"""

from __future__ import annotations

__all__ = [
    "NER_TYPES", "ORG_NAME_WORDS", "PLACE_NAME_WORDS", "PRODUCT_NAME_WORDS", "ORG_NOUNS",
    "PRODUCT_NOUNS", "PLACE_NOUNS", "PERSON_NOUNS",
    "PERSON_PRONOUNS", "ORG_PRONOUNS", "RELATIVE_PRONOUNS", "SPEECH_VERBS",
    "NEGATING_HEADS", "HEDGING_HEADS", "HEDGING_AUX", "REJECTED_MENTIONS",
]

#: spaCy NER label -> coarse type.
NER_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "PRODUCT": "Product",
    "FAC": "Organization",
}

#: Last words of a name that make it an organisation ("Mawingu Networks").
ORG_NAME_WORDS = frozenset({
    "networks", "network", "systems", "technologies", "technology", "industries", "robotics",
    "labs", "laboratories", "group", "partners", "capital", "ventures", "media", "motors",
    "airlines", "airways", "bank", "energy", "pharmaceuticals", "communications", "holdings",
    "solutions", "electronics", "semiconductor", "semiconductors", "software", "entertainment",
    "studios", "games", "foods", "international", "telecom", "wireless", "therapeutics",
    "biosciences", "dynamics", "aerospace", "logistics", "financial", "securities", "news",
    "wire", "times", "post", "journal", "press", "university", "institute", "foundation",
    "association", "council", "commission", "agency", "ministry", "department", "court",
    "ai", "images", "music", "pictures", "records", "bancorp",
})

#: Last words of a name that make it a place ("Kennedy Space Center", "Rift Valley").
PLACE_NAME_WORDS = frozenset({
    "center", "centre", "station", "valley", "airport", "base", "park", "bay", "island",
    "islands", "river", "mountain", "mountains", "street", "square", "county", "province",
    "peninsula", "coast", "lake", "desert", "canal", "harbour", "harbor", "strait",
})

#: Last words of a name that make it a product ("Apple Watch", "App Store").
PRODUCT_NAME_WORDS = frozenset({"store", "watch", "pay", "pro", "max", "mini", "plus", "os"})

#: Nouns that describe an organisation ("the company", "a start-up").
ORG_NOUNS = frozenset({
    "company", "firm", "startup", "start-up", "business", "group", "maker", "giant",
    "carmaker", "automaker", "chipmaker", "developer", "operator", "provider", "lab",
    "laboratory", "agency", "bank", "lender", "insurer", "retailer", "publisher",
    "conglomerate", "corporation", "manufacturer", "supplier", "contractor", "rival",
    "competitor", "owner", "parent", "unit", "arm", "division", "subsidiary", "venture",
    "regulator", "department", "ministry", "government", "organisation", "organization",
    "nonprofit", "charity", "university", "court", "outlet", "newspaper", "broadcaster",
    "network", "carrier", "airline", "investor", "fund", "exchange", "studio", "label",
    "platform", "service",
})

#: Nouns that, right after a name, make it a product ("the Grok chatbot").
PRODUCT_NOUNS = frozenset({
    "chatbot", "model", "models", "app", "application", "software", "phone", "smartphone",
    "handset", "device", "console", "browser", "assistant", "chip", "processor", "rocket",
    "spacecraft", "capsule", "vehicle", "car", "tool", "engine", "game", "operating",
    "system", "suite", "product", "brand", "platform", "service", "player", "tablet",
    "laptop", "computer", "headset", "drug", "vaccine", "aircraft", "jet", "robot", "drone",
    "truck", "satellite", "constellation", "lander", "telescope", "glasses", "speaker",
    "line", "lineup",
})

PLACE_NOUNS = frozenset({"city", "country", "state", "region", "province", "capital", "town"})

PERSON_NOUNS = frozenset({
    "executive", "officer", "founder", "co-founder", "cofounder", "chairman", "chairwoman",
    "president", "ceo", "spokesman", "spokeswoman", "spokesperson", "analyst", "director",
    "minister", "secretary", "billionaire", "entrepreneur", "investor", "judge", "lawyer",
    "head", "boss", "chief", "partner", "manager", "engineer", "scientist", "professor",
    "member", "researcher", "economist", "banker", "adviser", "advisor",
})

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
ORG_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whose", "whom"})

#: Verbs of reported speech: their subject is the source of what they report.
SPEECH_VERBS = frozenset({
    "say", "tell", "report", "state", "claim", "allege", "confirm", "write", "add", "note",
    "argue", "insist", "explain", "disclose", "reveal", "estimate", "testify", "assert",
})

#: Heads that deny what they govern ("denied it would buy", "ruled out a merger").
NEGATING_HEADS = frozenset({
    "deny", "reject", "rebuff", "collapse", "scrap", "abandon_talks", "block", "refuse",
    "decline", "dismiss", "rule",
})

#: Heads that make what they govern unsettled ("in talks to buy", "considering").
HEDGING_HEADS = frozenset({
    "consider", "explore", "talk", "talks", "discuss", "discussion", "negotiate",
    "negotiation", "hope", "propose", "proposal", "weigh", "mull", "seek_approval", "bid",
    "offer_to", "rumour", "rumor", "speculation", "want", "try", "attempt", "vote",
    "hopes", "hoped", "hoping", "aim", "aims", "seek_to", "threaten", "plan_to",
    "seek",  # not "plan": "Acme plans to buy Beta for $5bn" usually reports an agreed deal
})
HEDGING_AUX = frozenset({"could", "may", "might", "should"})

#: Surface forms that NER tags but that are never entities on their own.
REJECTED_MENTIONS = frozenset({
    "ai", "earth", "ceo", "cfo", "the company", "company", "inc", "corp", "us dollars",
    "internet", "web", "twitter/x", "covid-19", "covid", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
})
