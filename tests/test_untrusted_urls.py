"""Hostile web addresses: each refusal of urls.url_problem, with its exact message.

The invalid fixtures (sources_*.yml) show the same rules through the checker; here
every branch is pinned, and addresses the registry really uses stay accepted.
"""

from __future__ import annotations

import pytest

from generator import urls
from generator.rules import valid_url

REFUSED = {
    'http://x"onmouseover=alert(1)//': "its host 'x\"onmouseover=alert(1)' contains '\"', "
    "which no host name holds",
    "http://127.0.0.1:8080/admin": "its host 127.0.0.1 is an IP address; link to the site by "
    "its name",
    "http://[::1]/": "its host [::1] is an IP address; link to the site by its name",
    "http://[fe80::1%25eth0]/": "its host [fe80::1%25eth0] is an IP address; link to the site "
    "by its name",
    "http://10.1.2.3/": "its host 10.1.2.3 is an IP address; link to the site by its name",
    "http://2130706433/": "its host 2130706433 is an IP address; link to the site by its name",
    "http://0x7f.1/": "its host 0x7f.1 is an IP address; link to the site by its name",
    "http://127.1/": "its host 127.1 is an IP address; link to the site by its name",
    "http://10.0.0.1.nip.io/": "its host '10.0.0.1.nip.io' spells an IP address; link to "
    "the site by its own name",
    "http://app-192-168-0-1.sslip.io/": "its host 'app-192-168-0-1.sslip.io' spells an IP "
    "address; link to the site by its own name",
    "http://%6a%61vascript/": "its host '%6a%61vascript' is percent-encoded; write the host "
    "name in plain letters",
    "https://exаmple.org/": "its host 'exаmple.org' mixes scripts in 'exаmple' (cyrillic, "
    "latin); the address would mislead readers",
    "https://xn--80ak6aa92e.com/": "its host 'аррӏе.com' is written in cyrillic letters that "
    "look like Latin ones; the address would mislead readers",
    "https://example.org/berita\u202egpj.exe": "it contains the invisible character U+202E "
    "(right-to-left override); delete it",
    "https://example.org/\u200bx": "it contains the invisible character U+200B (zero width "
    "space); delete it",
    "https://example.org/\x7f": "it contains U+007F; write %20 for a space and delete the rest",
    "https://example.org/a\u2028b": "it contains U+2028 (line separator); write %20 for a "
    "space and delete the rest",
    "https://user:pw@example.org/": "it has a user name or password before the host; link to "
    "the page itself",
    "https://example.org\\@evil.example.com/": "it has a user name or password before the "
    "host; link to the page itself",
    "http://localhost:8000/": "its host 'localhost' is a local or private name, not a public "
    "web site",
    "http://printer.local/": "its host 'printer.local' is a local or private name, not a "
    "public web site",
    "http://router.home.arpa/": "its host 'router.home.arpa' is a local or private name, not "
    "a public web site",
    "http://beritaku/": "its host 'beritaku' is not a full domain name (it has no dot); write "
    "e.g. example.org",
    "https://-a.example.org/": "its host '-a.example.org' is not a valid domain name",
    "https://example.123a/": "its host 'example.123a' has no real top-level domain",
    "https://example.org:99999/": "it cannot be read as a web address (Port out of range 0-65535)",
    "https://example.org:0/": "port 0 is not a web server's port",
    "http://[::1/": "it cannot be read as a web address (Invalid IPv6 URL)",
    "ftp://example.org/": "write an address starting with https:// or http://",
}


@pytest.mark.parametrize(("url", "reason"), sorted(REFUSED.items()))
def test_refused(url: str, reason: str) -> None:
    assert urls.url_problem(url) == f"'{urls.shown(url)}' is not a usable web address: {reason}"
    assert not valid_url(url)


def test_no_host_keeps_its_message() -> None:
    assert urls.url_problem("https:///berita") == (
        "'https:///berita' is not a usable web address; write a full http:// or https:// "
        "address with a host"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.kompas.com/berita/2024/10/07/ikrar?utm=1#a",
        'https://example.org/?a=<b>&c="d"',  # escaped where printed, as the pages test
        "https://bücher.de/",
        "https://例え.jp/パス",
        "https://example.org./x",
        "http://example.org:8080/",
        "https://web.archive.org/web/2024/https://example.org/a",
        "https://www.kompas.com/read/2024/10/07/10300001/ikrar",
        "https://news-2024-10-07.example.org/",
    ],
)
def test_accepted(url: str) -> None:
    assert urls.url_problem(url) == ""


def test_messages_show_invisible_characters_as_escapes() -> None:
    assert urls.shown("https://a.org/\u202e\x00") == "https://a.org/\\u202E\\u0000"
    assert urls.shown("https://a.org/" + "x" * 100).endswith("…")
