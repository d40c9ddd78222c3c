"""The explorer in a real browser: headless Chromium driven by Selenium (Debian's chromium-driver).

A journalist's path through ``kg serve`` on the corpus store: search a name, land on its page,
click a neighbour in the network and open or expand it, follow a claim's evidence to the
article with the sentence highlighted. Every page must load without a console error and
without a request to anything but the server.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from urllib.parse import urlsplit

import pytest
from server.harness import start_server, stop_server  # tests/ is on sys.path

pytestmark = [pytest.mark.browser, pytest.mark.network, pytest.mark.slow]

WAIT = 20


@pytest.fixture(scope="module")
def explorer(corpus_store, tmp_path_factory):
    """A read-only ``kg serve`` on the corpus store."""
    ep = start_server(corpus_store, tmp_path_factory.mktemp("explorer") / "serve.log")
    yield ep
    stop_server(ep)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium under Selenium, logging the console and every network request.

    Skipped when Debian's chromium or chromium-driver is missing (.ci/run installs both).
    Host names resolve to nothing, so a page that reaches outside fails loudly as well.
    """
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    driver_exe = shutil.which("chromedriver")
    chromium = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
    if driver_exe is None or chromium is None:
        pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # with the driver's path given, Selenium Manager (which downloads drivers) is not run
    driver = webdriver.Chrome(options=options, service=Service(driver_exe))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture()
def page(browser, explorer):
    """The browser, its logs emptied first; after the test, no console error and no request
    outside the server."""
    browser.get_log("browser")
    browser.get_log("performance")
    yield browser
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    origin = urlsplit(explorer.url)
    urls = requested(browser)
    assert any(url.startswith(explorer.url) for url in urls), "no request was logged"
    outside = sorted(
        {url for url in urls if urlsplit(url)[:2] != origin[:2] and not url.startswith("data:")}
    )
    assert outside == []


def requested(driver) -> list[str]:
    """Every URL the browser asked for since the log was last read (DevTools Network events)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def wait_for(driver, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(lambda d: condition(d), message=what)


def ready(driver) -> None:
    """Wait until the page's scripts have drawn (body[data-status=ready]), then check for
    script errors they caught."""
    wait_for(
        driver,
        lambda d: d.find_element("tag name", "body").get_attribute("data-status") == "ready",
        "the network was never drawn",
    )
    assert driver.find_element("tag name", "body").get_attribute("data-errors") is None


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.load(resp)


def click_node(driver, node_id: str) -> None:
    """Click a node of the drawn network with the mouse, where it is on the canvas."""
    from selenium.webdriver.common.action_chains import ActionChains

    settle = (
        "var net = window.kgGraph.network, ids = arguments[0];"
        "var p = net.getPositions([ids])[ids]; return [p.x, p.y];"
    )
    last, deadline = None, time.monotonic() + WAIT
    while time.monotonic() < deadline:  # the layout moves until physics has settled
        now = driver.execute_script(settle, node_id)
        if last and abs(now[0] - last[0]) < 0.5 and abs(now[1] - last[1]) < 0.5:
            break
        last = now
        time.sleep(0.25)
    x, y = driver.execute_script(
        "var net = window.kgGraph.network, id = arguments[0];"
        "var p = net.canvasToDOM(net.getPositions([id])[id]); return [p.x, p.y];",
        node_id,
    )
    canvas = driver.find_element("css selector", "#kg-canvas canvas")
    width, height = canvas.size["width"], canvas.size["height"]
    assert 0 <= x <= width and 0 <= y <= height, "the node is drawn outside the canvas"
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - width / 2), int(y - height / 2)
    ).click().perform()


def test_server_explorer_search_lands_on_entity_page(page, explorer):
    page.get(explorer.url + "/")
    box = page.find_element("id", "kg-q")
    box.send_keys("Microsoft")
    box.submit()
    wait_for(page, lambda d: "/search" in d.current_url, "the search did not open")
    hit = page.find_element("css selector", "a.entity[href='/entity/microsoft']")
    hit.click()
    wait_for(page, lambda d: d.current_url.endswith("/entity/microsoft"), "no entity page")
    assert page.find_element("tag name", "h1").text.startswith("Microsoft")
    ready(page)
    assert int(page.find_element("tag name", "body").get_attribute("data-drawn-nodes")) > 1


def test_server_explorer_network_click_expands_and_opens(page, explorer):
    center = get_json(explorer.url + "/entity/openai/network.json")
    known = {n["id"] for n in center["nodes"]}
    # a neighbour with neighbours of its own that OpenAI's page does not show yet
    neighbour = next(
        n
        for n in center["nodes"]
        if n["id"] != center["center"]
        and {m["id"] for m in get_json(explorer.url + n["href"] + "/network.json")["nodes"]} - known
    )
    page.get(explorer.url + "/entity/openai")
    ready(page)
    body = page.find_element("tag name", "body")
    drawn = int(body.get_attribute("data-drawn-nodes"))
    assert drawn == len(center["nodes"])

    click_node(page, neighbour["id"])
    panel = page.find_element("id", "kg-details")
    wait_for(page, lambda d: panel.get_attribute("data-pinned") == "node", "nothing pinned")
    assert panel.find_element("tag name", "h2").text == neighbour["label"]

    panel.find_element("css selector", "button.expand").click()
    wait_for(
        page,
        lambda d: body.get_attribute("data-expanded") == neighbour["id"],
        "the neighbour was not expanded",
    )
    assert int(body.get_attribute("data-drawn-nodes")) > drawn

    panel.find_element("css selector", "a.open-page").click()
    wait_for(
        page,
        lambda d: d.current_url.endswith(neighbour["href"]),
        "the neighbour's page did not open",
    )
    assert page.find_element("tag name", "h1").text.startswith(neighbour["label"])
    ready(page)


def test_server_explorer_evidence_link_highlights_sentence(page, explorer):
    page.get(explorer.url + "/entity/openai")
    ready(page)
    row = page.find_element("css selector", "#claims tr.claim")
    evidence = row.find_element("css selector", "td.evidence q").text
    link = row.find_element("css selector", "a.evidence-link")
    href = link.get_attribute("href")
    link.click()
    wait_for(page, lambda d: d.current_url == href, "the article did not open")
    assert "/article/" in href and "#s-" in href
    target = page.find_element("id", href.rsplit("#", 1)[1])
    assert "claim-sentence" in target.get_attribute("class").split()
    assert target.text == evidence
    assert page.execute_script("return document.querySelector(':target') === arguments[0]", target)
    # marked differently from the article's other claim sentences, and scrolled into view
    other = page.execute_script(
        "var s = [...document.querySelectorAll('.claim-sentence')]"
        ".find(e => e !== arguments[0]); return s && getComputedStyle(s).backgroundColor;",
        target,
    )
    assert page.execute_script(
        "return getComputedStyle(arguments[0]).backgroundColor", target
    ) not in ("rgba(0, 0, 0, 0)", other)
    assert page.execute_script(
        "var r = arguments[0].getBoundingClientRect();"
        "return r.bottom > 0 && r.top < window.innerHeight;",
        target,
    )
