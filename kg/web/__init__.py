"""What kg's web pages share: the network view (vis-network from pyvis) and its styles.

Both the explorer (:mod:`kg.server`) and the exported HTML page
(:mod:`kg.export.html`) draw networks with the same script, reading
vis-network from the installed ``pyvis`` package: nothing is fetched from the
network, whether the page is served or opened from a file.
"""

from __future__ import annotations

import functools
import importlib.util
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

__all__ = ["VIS_VERSION", "vis_network_js", "vis_network_css", "graph_js", "graph_css"]

#: The vis-network build inside pyvis that kg uses.
VIS_VERSION = "9.1.2"


@functools.cache
def _pyvis_lib() -> Path:
    # found without importing pyvis (which would import IPython)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "the pyvis package is missing (pip install pyvis): kg draws "
            "networks with the vis-network it ships"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "lib" / f"vis-{VIS_VERSION}"


@functools.cache
def vis_network_js() -> str:
    """vis-network's standalone script, as pyvis ships it."""
    return (_pyvis_lib() / "vis-network.min.js").read_text("utf-8")


@functools.cache
def vis_network_css() -> str:
    """vis-network's stylesheet, as pyvis ships it."""
    return (_pyvis_lib() / "vis-network.css").read_text("utf-8")


@functools.cache
def graph_js() -> str:
    """kg's network view: the graph and its details panel (``KG.graph``)."""
    return resources.files(__package__).joinpath("graph.js").read_text("utf-8")


@functools.cache
def graph_css() -> str:
    """The styles of :func:`graph_js`'s view."""
    return resources.files(__package__).joinpath("graph.css").read_text("utf-8")
