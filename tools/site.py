"""`make site`: run the build steps into a staging folder beside SITE, then swap it in.

Usage (the Makefile's site target): python -m tools.site SITE STEP...; each STEP is
one command line, where {stage} stands for the staging folder.

Why a script and not three shell lines: a build must hold up when it is not alone
and when it fails half-way.
- One build at a time per clone: every build writes docs/, so a second `make site`
  waits for the first (one line says so) on a lock in .build/, never interleaves.
- The staging folder is created next to SITE (SITE.new-XXXX), on SITE's own file
  system, so the swap is two renames, never a copy: a full disk or a killed build
  leaves the previous SITE whole.
- Leftovers of killed builds (SITE.new-*, SITE.old-*, the generator's .gen-* and
  docs/.old-*, the old .build/site-new) are removed first: while the lock is held,
  no other build owns them.
- A failing step or an I/O error ends the build with one line and exit status 1.
"""

from __future__ import annotations

import fcntl
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCK = Path(".build") / "site.lock"
STALE = (".gen-*", "docs/.old-*", ".build/site-new", ".build/site-old")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: python -m tools.site SITE STEP...", file=sys.stderr)
        return 2
    site, steps = Path(argv[0]), argv[1:]
    try:
        with lock(LOCK):
            clean(site)
            return build(site, steps)
    except OSError as err:
        where = f" {err.filename}" if err.filename else ""
        print(f"error: make site: cannot read or write{where}: {err.strerror}", file=sys.stderr)
        return 1


class lock:
    """An exclusive lock on a file: waits, saying so once, while another build holds it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> lock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path, "a")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"make site: another build is running in this clone ({self.path}); "
                "waiting for it to finish",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *_: object) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def clean(site: Path) -> None:
    """Remove what killed builds left: ours alone while the lock is held."""
    parent = site.parent if str(site.parent) else Path(".")
    leftovers = [*parent.glob(f"{site.name}.new-*"), *parent.glob(f"{site.name}.old-*")]
    for pattern in STALE:
        leftovers += Path(".").glob(pattern)
    for path in leftovers:
        remove(path)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def build(site: Path, steps: list[str]) -> int:
    """Each step into a fresh stage beside SITE; SITE replaced only if all succeed."""
    parent = site.parent if str(site.parent) else Path(".")
    parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f"{site.name}.new-", dir=parent))
    try:
        for step in steps:
            command = [part.replace("{stage}", str(stage)) for part in shlex.split(step)]
            status = subprocess.run(command).returncode
            if status != 0:
                return 1  # the step printed its own errors
        swap(stage, site)
    finally:
        if stage.exists():
            remove(stage)
    print(f"{site}/ is ready")
    return 0


def swap(stage: Path, site: Path) -> None:
    """Two renames within one file system; the old SITE is removed only afterwards."""
    os.chmod(stage, 0o755)  # mkdtemp makes it private; a published folder is readable
    old = None
    if site.exists() or site.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f"{site.name}.old-", dir=stage.parent))
        os.replace(site, old / site.name)
    os.replace(stage, site)
    if old is not None:
        remove(old)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
