"""Web addresses a contributor gives -> the one reason each is refused, or none.

A source's address is printed as a link on every page that cites it, so it must
lead where a reader expects: a public web site, by its name. The schema's
pattern only says "starts with http(s):// and holds no space"; here the address
is parsed (urllib.parse, as the browser's URL parser would split it) and the
host read as IDNA 2008 (the `idna` package, UTS 46 mapping), so each refusal
names exactly what is wrong: a user name before the host, an IP address, a
private or local name, a percent-encoded or mixed-script host, an invisible
bidi or control character anywhere. Pure; no I/O, no network.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import idna

NO_HOST = "write a full http:// or https:// address with a host"
HOST_CHARS = re.compile(r"[^a-z0-9.\-]", re.I)
"""In an ASCII host only letters, digits, hyphens and dots: a quote there (x"onmouseover=)
is markup, not a name. Quotes and brackets in a path or query are escaped where printed."""
LOCAL_SUFFIXES = frozenset(
    {
        "localhost",
        "local",
        "localdomain",
        "internal",
        "intranet",
        "lan",
        "home",
        "corp",
        "home.arpa",
        "test",
        "invalid",
        "onion",
        "arpa",
    }
)
"""Names that do not reach the public web (RFC 6761, 6762, 8375 and common intranets)."""
EMBEDDED_IP = re.compile(r"(?:^|[.-])(?:[0-9]{1,3}[.-]){3}[0-9]{1,3}(?:[.-]|$)")
"""Four numbers in a row (10.0.0.1.nip.io, 192-168-0-1.sslip.io): wildcard DNS services
answer such names with that address, so they reach private machines as IPs would."""
LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
# Han with kana (Japanese) or Hangul (Korean) is one writing system, not a mix.
SCRIPT_SETS = ({"CJK", "HIRAGANA", "KATAKANA"}, {"CJK", "HANGUL"})
LATIN_LOOKALIKES = set("аеорсуххіјѕԁԛԝѵԍһӏкмнтвοαρνικτυχεϲ")
"""Cyrillic and Greek letters drawn like Latin ones: a label of only these reads as
a Latin name it is not (раураl.com), the whole-script homograph."""


def url_problem(url: str) -> str:
    """'' for a usable address, else the complete message saying why it is refused."""
    reason = _reason(url)
    if not reason:
        return ""
    if reason == NO_HOST:
        return f"'{shown(url)}' is not a usable web address; {NO_HOST}"
    return f"'{shown(url)}' is not a usable web address: {reason}"


def shown(url: str, limit: int = 80) -> str:
    """The address as quoted in a message: invisible characters as \\uXXXX, cut."""
    text = "".join(f"\\u{ord(c):04X}" if _invisible(c) else c for c in url)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


ASCII_BAD = re.compile(r"[\x00-\x20\x7f]")
"""In ASCII text, exactly the spaces and control characters (the common, fast case)."""


def _reason(url: str) -> str:
    bad = ASCII_BAD.search(url) if url.isascii() else None
    for char in bad.group() if bad else ("" if url.isascii() else url):
        if char.isspace() or unicodedata.category(char) == "Cc":
            return f"it contains {_named(char)}; write %20 for a space and delete the rest"
        if _invisible(char):
            return f"it contains the invisible character {_named(char)}; delete it"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        return f"it cannot be read as a web address ({err})"
    if parts.scheme not in ("http", "https"):
        return "write an address starting with https:// or http://"
    if "@" in parts.netloc:
        return "it has a user name or password before the host; link to the page itself"
    if port == 0:
        return "port 0 is not a web server's port"
    netloc = parts.netloc
    host = netloc if netloc.startswith("[") else netloc.rpartition(":")[0] or netloc
    return _host_problem(host if ":" in netloc and not netloc.startswith("[") else netloc)


def _named(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name.lower()})" if name else "")


def _host_problem(host: str) -> str:
    """Why a host (as written, without port) is not a public web site's name."""
    if not host:
        return NO_HOST
    if host.startswith("["):
        return f"its host {host} is an IP address; link to the site by its name"
    if "%" in host:
        return f"its host '{host}' is percent-encoded; write the host name in plain letters"
    name = host.removesuffix(".")
    odd = HOST_CHARS.search(name) if name.isascii() else None
    if odd:
        return f"its host '{name}' contains '{odd.group()}', which no host name holds"
    try:
        if name.isascii():  # the common case, without the IDNA tables
            ascii_name = name.lower()
            if "xn--" in ascii_name:
                name = idna.decode(ascii_name)
        else:
            ascii_name = idna.encode(name, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError) as err:
        return f"its host '{name}' is not a valid domain name ({err})"
    return _name_problem(name, ascii_name)


def _name_problem(name: str, ascii_name: str) -> str:
    labels = ascii_name.split(".")
    if re.fullmatch(r"[0-9]+|0x[0-9a-f]*", labels[-1]):  # 2130706433, 0x7f.1, 127.1
        return f"its host {name} is an IP address; link to the site by its name"
    if EMBEDDED_IP.search(ascii_name):  # 127.0.0.1.nip.io: a name that is an address
        return f"its host '{name}' spells an IP address; link to the site by its own name"
    if labels[-1] in LOCAL_SUFFIXES or ".".join(labels[-2:]) in LOCAL_SUFFIXES:
        return f"its host '{name}' is a local or private name, not a public web site"
    if len(labels) < 2:
        return (
            f"its host '{name}' is not a full domain name (it has no dot); write e.g. example.org"
        )
    if not all(LABEL.fullmatch(label) for label in labels) or len(ascii_name) > 253:
        return f"its host '{name}' is not a valid domain name"
    if not TLD.fullmatch(labels[-1]):
        return f"its host '{name}' has no real top-level domain"
    for label in [] if name.isascii() else name.lower().split("."):
        problem = _script_problem(label)
        if problem:
            return f"its host '{name}' {problem}; the address would mislead readers"
    return ""


def _script_problem(label: str) -> str:
    """A label mixing writing systems (Latin 'a' beside Cyrillic 'р'), or written wholly
    in letters that look Latin but are not."""
    letters = [c for c in label if unicodedata.category(c).startswith("L")]
    scripts = {unicodedata.name(c, "UNKNOWN").split()[0] for c in letters}
    if len(scripts) > 1 and not any(scripts <= allowed for allowed in SCRIPT_SETS):
        return f"mixes scripts in '{label}' ({', '.join(sorted(s.lower() for s in scripts))})"
    if letters and not label.isascii() and all(c in LATIN_LOOKALIKES for c in letters):
        return f"is written in {next(iter(scripts)).lower()} letters that look like Latin ones"
    return ""
