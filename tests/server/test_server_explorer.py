"""The explorer's pages over HTTP, as a browser without JavaScript gets them: entity, article,
search and query pages on the newsroom store (see newsroom.py)."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

import pytest
from server.newsroom import ARTICLES  # tests/ is on sys.path

from kg.server.pages import CSP

pytestmark = pytest.mark.network

SUIT = "2026-02-14-vela-sues-orion"


def page(endpoint, path: str, params: dict | None = None, status: int = 200) -> str:
    answer = endpoint.get(path, params)
    assert answer.status == status, answer.text[:500]
    assert answer.media == "text/html"
    assert answer.headers["content-security-policy"] == CSP
    return answer.text


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def sentence_at(article_id: str, start: int) -> str:
    for aid, _title, _date, _outlet, sentences, *_ in ARTICLES:
        if aid == article_id:
            text = " ".join(sentences)
            return next(s for s in sentences if text.index(s) == start)
    raise KeyError(article_id)


def test_server_explorer_entity_page(endpoint):
    body = page(endpoint, "/entity/orion-dynamics")

    assert "<h1>Orion Dynamics" in body and "Also called: Orion" in body
    # claims both ways, grouped: Orion acquires ..., ... sues Orion, partnerOf either way
    heads = [text_of(h) for h in re.findall(r"<summary><h3>(.*?)</h3>", body, re.S)]
    assert any(h.startswith("Orion Dynamics acquires …") for h in heads)
    assert any(h.startswith("… sues Orion Dynamics") for h in heads)
    assert any(h.startswith("Orion Dynamics partnerOf … (either way)") for h in heads)
    # every evidence link leads to the article at the claim's sentence, shown on the row
    rows = re.findall(r'<tr class="claim.*?</tr>', body, re.S)
    assert len(rows) == 8
    for row in rows:
        aid, start = re.search(r'href="/article/([^"#]+)#s-(\d+)"', row).groups()
        evidence = text_of(re.search(r'<td class="evidence">(.*?)</td>', row, re.S).group(1))
        assert evidence == sentence_at(aid, int(start))
    acquires = next(r for r in rows if "$2.5 billion" in r)
    assert "2,500,000,000 USD" in acquires and "Daily Ledger" in acquires
    # the two amounts for the acquisition disagree: a conflict, and both sentences
    conflicts = body[body.index('id="conflicts"') : body.index('id="timeline"')]
    assert "amount" in conflicts and "$2 billion" in conflicts and "$2.5 billion" in conflicts
    assert "2009" in body[body.index('id="timeline"') :]  # Carla Diaz founded it in 2009
    # the network's data, and its nodes as links for a browser without scripts
    data = json.loads(
        html.unescape(
            re.search(
                r'<script type="application/json" id="kg-network">(.*?)</script>', body, re.S
            ).group(1)
        )
    )
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {"Orion Dynamics", "Vela Systems", "Nova Health", "Ada Park", "Carla Diaz"}
    assert 'href="/entity/vela-systems"' in body


def test_server_explorer_entity_network_json(endpoint):
    answer = endpoint.get("/entity/lyra-bank/network.json")
    assert answer.status == 200 and answer.media == "application/json"
    data = json.loads(answer.body)

    assert data["center"] == "https://w3id.org/nkg/entity/lyra-bank"
    # asserted claims only: "Lyra Bank may acquire Nova Health" is hedged
    assert {e["predicate"] for e in data["edges"]} == {"investsIn", "executiveOf"}
    edge = next(e for e in data["edges"] if e["predicate"] == "investsIn")
    assert edge["evidence"][0]["href"] == "/article/2026-03-01-lyra-invests-in-vela#s-0"
    assert all(n["href"] == "/entity/" + n["slug"] for n in data["nodes"])


def test_server_explorer_article_page(endpoint):
    body = page(endpoint, f"/article/{SUIT}")

    assert "<h1>Vela Systems sues Orion Dynamics</h1>" in body
    assert f'href="https://example.org/{SUIT}"' in body and "Harbor Daily" in body
    marked = re.findall(r'<span class="claim-sentence" id="s-(\d+)"[^>]*>(.*?)</span>', body, re.S)
    assert len(marked) == 3
    for start, fragment in marked:
        assert text_of(fragment) == sentence_at(SUIT, int(start))
    assert '<a class="mention" href="/entity/vela-systems">Vela Systems</a>' in body
    assert body.count('class="to-sentence"') == 3


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/entity/nobody-at-all", "No entity 'nobody-at-all' in this graph."),
        ("/article/no-such-story", "No article with id 'no-such-story' in this graph."),
    ],
)
def test_server_explorer_unknown_pages(endpoint, path, message):
    body = page(endpoint, path, status=404)
    assert html.escape(message, quote=True) in body or message in html.unescape(body)


def test_server_explorer_search(endpoint):
    body = page(endpoint, "/search", {"q": "orion"})
    assert 'href="/entity/orion-dynamics"' in body
    assert f'href="/article/{SUIT}"' in body

    body = page(endpoint, "/search", {"q": "diagnostic tests"})
    assert 'href="/article/2026-04-20-nova-profile"' in body
    assert "<mark>diagnostic</mark>" in body

    body = page(endpoint, "/search", {"q": 'NOT "('})  # FTS5 syntax is taken as words
    assert "Search" in body


def test_server_explorer_query_page_pages_and_links(endpoint):
    query = "SELECT ?e WHERE { ?e a nkg:Organization } ORDER BY ?e"
    body = page(endpoint, "/", {"query": query, "rows": "50"})
    assert "Rows 1 to 5 of 5." in body
    assert '<a href="/entity/orion-dynamics">' in body
    assert '<span class="k">SELECT</span>' in body  # the query, coloured by Pygments

    triples = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    first = page(endpoint, "/", {"query": triples, "rows": "50"})
    second = page(endpoint, "/", {"query": triples, "rows": "50", "page": "2"})
    assert "Rows 1 to 50 of" in first and "Rows 51 to 100 of" in second
    assert f'href="/?query={quote(triples, safe="")}&amp;rows=50&amp;page=2"' in first

    bad = page(endpoint, "/", {"query": "SELECT ?x WHERE { ?x nope:thing ?y }"}, status=400)
    assert "unknown prefix nope:" in bad
