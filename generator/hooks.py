"""The only module that touches mkdocs: hand the theme its words, and regenerate
docs/ during `mkdocs serve`.

`make site` runs the generator itself before `mkdocs build`, so generating
does nothing for builds: mkdocs stays a thin renderer (its successor runs no
plugins). The one thing a build takes from here is data: the `theme` section of
each message catalogue, so the header, footer, 404 page and palette toggle speak
the page's language from the same catalogues as the generated pages.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# mkdocs loads a hook from its file path, not as part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import messages
from generator.diagnostics import GeneratorError
from generator.write import generate

_serving = False


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config: Any, **_: Any) -> Any:
    """config.extra.messages[lang]: the theme's words (`theme`) and the scripts' words
    (`js`, with the month names, event types and status labels) per language. The
    overrides read them through partials/language.html; main.html writes `js` into
    each page for the scripts, so they need no request of their own. Data only."""
    config["extra"]["messages"] = {
        lang: {
            "theme": _plain(messages.catalogue(lang)["theme"]),
            "js": {
                **_plain(messages.catalogue(lang)["js"]),
                "months": _plain(messages.section("months", lang)),
                "event_types": _plain(messages.section("labels.event_types", lang)),
                "status": _plain(messages.section("labels.status", lang)),
            },
        }
        for lang in messages.LANGUAGES
    }
    return config


def _plain(node: Any) -> Any:
    """Read-only mappings as plain dicts, as mkdocs config values are."""
    if isinstance(node, Mapping):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, tuple):
        return [_plain(v) for v in node]
    return node


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate pages from registry/ before each rebuild while serving."""
    if not _serving:
        return
    try:
        generate(Path("registry"), Path(config["docs_dir"]))
    except GeneratorError as err:
        for diag in err.diagnostics:
            print(diag.text())
