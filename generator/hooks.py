"""The only module that touches mkdocs: regenerate docs/ during `mkdocs serve`.

`make site` runs the generator itself before `mkdocs build`, so this does nothing
for builds: mkdocs stays a thin renderer (its successor runs no hooks). The theme's
words reach the templates as data, not from here: the generator writes them into
docs/.tema.yml, which mkdocs.yml inherits (generator/theme.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# mkdocs loads a hook from its file path, not as part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.diagnostics import GeneratorError
from generator.write import generate

_serving = False


def on_startup(command: str, dirty: bool, **_: Any) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: Any, **_: Any) -> None:
    """Regenerate pages from registry/ before each rebuild while serving."""
    if not _serving:
        return
    try:
        generate(Path("registry"), Path(config["docs_dir"]))
    except GeneratorError as err:
        for diag in err.diagnostics:
            print(diag.text())
