"""Git history as data: one `git log` of the registry and one `git cat-file --batch`.

Everything git prints here is untrusted: commit messages are text anyone writes, and
old blobs are files as they once were, never checked. So the log's fields are
separated by a token drawn at random for each run (a message cannot contain what it
cannot guess), every field is validated before use (full object ids, a time in
digits, a real ISO day, raw lines as git writes them) and an entry that fails is
skipped, never guessed; only record files (events/ID.yml) and reference files are
kept; blobs are read as a stream and any over the record size limit is skipped as it
arrives. history.py turns what this reads into changes.
"""

from __future__ import annotations

import re
import secrets
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from . import load

GIT_TIMEOUT = 300
OBJECT_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256 repositories
RAW_META = re.compile(
    r":[0-7]{6} [0-7]{6} ([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) ([AMDT])"
)
LAST_SECOND = 253402300799
"""9999-12-31T23:59:59Z: a crafted commit can carry any time; Atom's stamps stop here."""
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MERGE = re.compile(r"Merge pull request (#[0-9]{1,9}) from \S+")
REASON_MAX = 300
"""A reason is one trailer's value: longer ones are cut (a page shows it in full)."""
TRAILERS = {"id": "Alasan", "en": "Reason"}
"""The commit trailer that gives a change's reason in each language (`Alasan: ...` for
the Indonesian pages, `Reason: ...` for English contexts), read by git's own trailer
rules: the last paragraph of the message, `Key: value` lines, continuation lines unfolded."""
UNPRINTABLE = re.compile(
    "[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]+"
)
"""Characters a reason never carries: controls, line and paragraph separators, bidi
and zero-width format characters, lone surrogates, noncharacters (each run -> one space)."""


@dataclass(frozen=True)
class Version:
    """One commit as seen by a record: full id, committer date and time, file path then."""

    commit: str
    date: str
    time: int
    path: str
    order: int = field(default=0, compare=False)  # position in the log: 0 is the newest

    @property
    def short(self) -> str:
        """Seven characters, fixed (git's own abbreviation grows with the repository)."""
        return self.commit[:7]

    @property
    def stamp(self) -> str:
        """RFC 3339 UTC time of the commit, for Atom."""
        return datetime.fromtimestamp(self.time, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Touch:
    """A commit touching a file: status (A, M, D, T) and the blob ids before and after;
    the reason in Indonesian (`why`, trailer Alasan) and English (`why_en`, trailer
    Reason), each "" when the commit gives none."""

    version: Version
    why: str
    status: str
    old: str
    new: str
    why_en: str = ""


@dataclass(frozen=True)
class GitLog:
    """What one `git log` pass found: per path (relative to the registry) the commits
    touching it, oldest first; the registry's folder inside the repository."""

    touches: dict[str, list[Touch]]
    prefix: str = ""
    warning: str = ""
    cwd: Path = Path(".")


NO_HISTORY = "pages are built without record history (versions, corrections)"


def _git(args: list[str], cwd: Path, data: bytes | None = None) -> bytes:
    """Run git; raise OSError or SubprocessError on failure (callers degrade)."""
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", *args],
        cwd=cwd,
        input=data,
        capture_output=True,
        check=True,
        timeout=GIT_TIMEOUT,
    ).stdout


def read_log(registry: Path) -> GitLog:
    """One pass over the registry's history (first parents: one entry per merged change).

    Never raises: without git, outside a repository or in a shallow clone the log is
    empty and carries the one warning to print.
    """
    try:
        shallow, prefix = (
            _git(["rev-parse", "--is-shallow-repository", "--show-prefix"], registry)
            .decode("utf-8", errors="replace")
            .split("\n")[:2]
        )
    except FileNotFoundError:
        return GitLog({}, warning=f"git is not installed: {NO_HISTORY}")
    except (OSError, subprocess.SubprocessError, ValueError):
        return GitLog({}, warning=f"{registry} is not in a git repository: {NO_HISTORY}")
    if shallow == "true":
        return GitLog(
            {},
            warning=f"shallow git clone: {NO_HISTORY}; fetch the whole history "
            "(git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)",
        )
    token = secrets.token_hex(12)
    args = ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw"]
    args += ["--no-abbrev", "-z", "--relative", f"--format={log_format(token)}", "--", "."]
    try:
        out = _git(args, registry).decode("utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return GitLog({}, prefix)  # a repository without commits yet: nothing to show
    return GitLog(parse_log(out, prefix, token), prefix, cwd=registry)


def log_format(token: str) -> str:
    """`git log --format` whose separators carry a random token drawn for this run.

    A commit message is text anyone can write, so no fixed separator is safe in it
    (not U+001E, not even NUL, which `git hash-object` lets a commit hold); a token
    of 96 random bits cannot be guessed when the commit is written. The reasons are the
    values of the Alasan and Reason trailers, parsed by git (several are separated by
    the token too; the first is used).
    """
    trailers = "".join(
        f"{token}F%(trailers:key={key},valueonly,unfold,separator={token}V)"
        for key in TRAILERS.values()
    )
    return f"%x00{token}C%H{token}F%ct{token}F%cs{token}F%s{trailers}{token}E"


def parse_log(out: str, prefix: str, token: str) -> dict[str, list[Touch]]:
    """`git log -z --raw` output -> touches per record or reference file, oldest first.

    Every field is checked before use (a full object id, a time in digits, an ISO
    day, raw lines as git writes them); an entry that fails is skipped, never guessed.
    """
    touches: dict[str, list[Touch]] = {}
    order = 0
    for chunk in out.split(f"\0{token}C")[1:]:
        head, found, raw = chunk.partition(f"{token}E")
        fields = head.split(f"{token}F")
        if not found or len(fields) != 4 + len(TRAILERS):
            continue
        commit, time, day, subject, alasan, because = fields
        if not _valid_head(commit, time, day):
            continue
        why, why_en = (reason(subject, value.split(f"{token}V")[0]) for value in (alasan, because))
        version = Version(commit, day, int(time), "", order)
        order += 1
        parts = raw.lstrip("\0\n").split("\0")
        for meta, path in zip(parts[::2], parts[1::2], strict=False):
            bits = RAW_META.fullmatch(meta)
            if bits is None or not is_history_path(path):
                continue
            at = Version(commit, day, version.time, prefix + path, version.order)
            old, new, status = bits.groups()
            touches.setdefault(path, []).append(Touch(at, why, status, old, new, why_en))
    for items in touches.values():
        items.reverse()
    return touches


def _valid_head(commit: str, time: str, day: str) -> bool:
    if not OBJECT_ID.fullmatch(commit) or not time.isascii() or not time.isdigit():
        return False
    if int(time) > LAST_SECOND or not ISO_DAY.fullmatch(day):
        return False
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def is_history_path(path: str) -> bool:
    """Paths whose history is read: record files (events/ID.yml) and the reference files
    at the top of the registry. Anything else (dot-files, other folders) is not data."""
    if "/" not in path:
        return load.is_reference_name(path)
    folder, _, name = path.partition("/")
    return folder == load.EVENTS_DIR and load.is_record_name(name)


def reason(subject: str, trailer: str) -> str:
    """The why: a trailer's value, with the pull request's number for GitHub's merge
    commits; "" without the trailer (never the subject: it is in no known language).

    One line of printable text at most REASON_MAX characters long: a message may hold
    control, bidi or line-separator characters, which no page or feed should carry.
    """
    text = clean(trailer)
    if not text:
        return ""
    merge = MERGE.fullmatch(clean(subject))
    return _cut(f"{text} ({merge.group(1)})" if merge else text)


def clean(text: str) -> str:
    """Text on one line with no control or format characters; runs become one space."""
    return " ".join(UNPRINTABLE.sub(" ", text).split())


def _cut(text: str) -> str:
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


def read_blobs(log: GitLog, shas: list[str]) -> dict[str, str | None]:
    """Contents of the given blobs through one `git cat-file --batch`, read as a stream.

    A blob over the record size limit (or not UTF-8) is None: its bytes are skipped as
    they arrive, never held, so a huge file in history costs no memory.
    """
    if not shas:
        return {}
    try:
        with tempfile.TemporaryFile() as ids:
            ids.write(("\n".join(shas) + "\n").encode())
            ids.seek(0)
            with subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=log.cwd,
                stdin=ids,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            ) as proc:
                assert proc.stdout is not None
                out = _read_batch(proc.stdout, set(shas))
                proc.stdout.close()
                proc.wait(GIT_TIMEOUT)
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    return out


def _read_batch(stream: IO[bytes], wanted: set[str]) -> dict[str, str | None]:
    """`<sha> blob <size>\\n<bytes>\\n` entries; "<sha> missing" and other types skipped."""
    out: dict[str, str | None] = {}
    while True:
        line = stream.readline(200)
        if not line:
            return out
        head = line.decode("ascii", errors="replace").split()
        if len(head) != 3 or not head[2].isdigit():
            continue  # "<sha> missing"
        sha, kind, size = head[0], head[1], int(head[2])
        if size > load.MAX_FILE_BYTES or kind != "blob" or sha not in wanted:
            _skip(stream, size + 1)
            out[sha] = None
            continue
        data = stream.read(size + 1)[:size]
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            out[sha] = data.decode("utf-8")
        except UnicodeDecodeError:
            out[sha] = None


def _skip(stream: IO[bytes], size: int) -> None:
    while size > 0:
        chunk = stream.read(min(size, 1 << 16))
        if not chunk:
            return
        size -= len(chunk)
