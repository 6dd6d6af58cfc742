"""The message catalogue inside Jinja: `{{ t.area.key }}` in a template.

Templates name their words by key (`{{ t.event.date }}`); the words live in
messages/id.yml. Printing a message is compiled away: when a template is
compiled, `{{ t.area.key }}` becomes the message's text, and
`{{ t.area.key | isi(n=expr) }}` becomes the text with `{{ expr }}` in place of
`{n}`, so a page of 5,000 costs what it did with the words written in the
template, and a missing key stops the build when the template compiles.
`isi` and `isi_teks` are filters, not methods, so a template reads the same to
MiniJinja, which has no Python methods (`MESSAGE_FILTERS`: register them in both engines).
The older `.format(n=expr)` is still compiled the same way. The
text goes to the parser as a data token, never through the lexer, so braces in a
message are only text. Any
other use of `t` (in `{% set %}`, with a filter, by a computed key) is looked up
at render time in the same catalogue, as `Text`.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from typing import Any

from jinja2 import Environment, TemplateSyntaxError
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup, escape

from . import messages

LANGUAGE = "id"  # generated pages are Indonesian (issue #17: event and region pages stay so)


def one_line(value: Any) -> Any:
    """Every printed value stays on one line: a value can never open a Markdown block
    or end the HTML block it sits in. Multi-line notes go through the `lines` filter."""
    # Called for every printed value of every page: the cheapest test first. Markup is
    # a str subclass, so `type(...) is str` leaves it alone.
    if type(value) is str and ("\n" in value or "\r" in value):
        return value.replace("\r", " ").replace("\n", " ")
    return value


class Text(Markup):
    """A catalogue message at render time: written by maintainers like the template
    around it, so printed as is (its Markdown and line breaks intact). Values filled
    into its {placeholders} are escaped and kept on one line, as `{{ value }}` is."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> Markup:
        """str.format in C with each value escaped and on one line: Markup.format does
        the same through Python's string.Formatter, several times slower."""
        values = {k: escape(one_line(v)) for k, v in kwargs.items()}
        return Markup(str.format(self, *(escape(one_line(a)) for a in args), **values))

    def fill(self, *args: Any, **kwargs: Any) -> str:
        """Placeholders filled as plain text, for values escaped later where they are
        printed: front matter (the `yaml` filter) and labels handed to macros."""
        return str.format(str(self), *args, **kwargs)


def fill(text: str, /, **values: Any) -> Markup:
    """The `isi` filter: a message with its {placeholders} filled, each value escaped
    and on one line (what `{{ t.k | isi(n=x) }}` compiles to, at render time)."""
    return Text(text).format(**values)


def fill_text(text: str, /, **values: Any) -> str:
    """The `isi_teks` filter: placeholders filled as plain text, for values escaped
    later where they are printed (front matter through `yaml`, labels handed to macros)."""
    return str.format(str(text), **values)


def plain(text: str) -> str:
    """The `teks` filter: a message read as plain text, so that printing escapes it like
    any value (column meanings, which datapackage.json carries as plain text too).
    Jinja2's forceescape does this, but MiniJinja has no such filter."""
    return str.__str__(text)


MESSAGE_FILTERS = {"isi": fill, "isi_teks": fill_text, "teks": plain}
"""The message filters, under the names templates use in Jinja2 and MiniJinja alike."""


def globals_for(lang: str = LANGUAGE) -> dict[str, Any]:
    """What templates see: `t`, the pages' language, and `t_en`, for the data page's
    section in English (its column meanings live in the English catalogue)."""
    return {"t": messages.tree(lang, Text), "t_en": messages.tree("en", Text)}


class Messages(Extension):
    """Compiles `{{ t.a.b }}` and `{{ t.a.b | isi(k=expr, ...) }}` into template text,
    in the environment's `message_language` (Indonesian; an overlay set to "en" renders
    the same template as an English page: exports.in_language, for the data page)."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.extend(message_language=LANGUAGE)

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        lang = getattr(self.environment, "message_language", LANGUAGE)
        cat = messages.catalogue(lang)
        block: list[Token] = []
        for token in stream:
            if block or token.type == "variable_begin":
                block.append(token)
                if token.type == "variable_end":
                    yield from self.inline(block, cat, stream)
                    block = []
            else:
                yield token
        yield from block

    def inline(
        self, block: list[Token], cat: Mapping[str, Any], stream: TokenStream
    ) -> list[Token]:
        """The tokens of one `{{ ... }}`: text if it prints a message, else unchanged."""
        inner = block[1:-1]
        if not inner or inner[0].type != "name" or inner[0].value != "t":
            return block
        node: Any = cat
        i = 1
        path = "t"
        while isinstance(node, Mapping) and i + 1 < len(inner) and inner[i].type == "dot":
            key = inner[i + 1].value
            path += f".{key}"
            if key not in node:
                raise TemplateSyntaxError(
                    f"no message {path} in messages/{self.environment.message_language}.yml",
                    inner[i + 1].lineno,
                    stream.name,
                    stream.filename,
                )
            node, i = node[key], i + 2
        if not isinstance(node, str):
            return block
        rest = inner[i:]
        if not rest:
            return [Token(block[0].lineno, "data", node)]
        args = format_arguments(rest)
        if args is None:
            return block
        return expand(node, args, block[0], block[-1])


FILLS = ([("pipe", "|"), ("name", "isi"), ("lparen", "(")],)
FILLS += ([("dot", "."), ("name", "format"), ("lparen", "(")],)


def format_arguments(tokens: list[Token]) -> dict[str, list[Token]] | None:
    """`| isi(a=x | f, b=y)` -> {"a": tokens of `x | f`, "b": ...}; None otherwise."""
    opening = [(t.type, t.value) for t in tokens[:3]]
    if opening not in FILLS or tokens[-1].type != "rparen":
        return None
    args: dict[str, list[Token]] = {}
    depth, current = 0, None
    for token in tokens[3:-1]:
        if token.type in ("lparen", "lbracket", "lbrace"):
            depth += 1
        elif token.type in ("rparen", "rbracket", "rbrace"):
            depth -= 1
            if depth < 0:  # the call closed before the end: `t.a | isi(x=1) ~ y | f(z)`
                return None
        if depth == 0 and token.type == "comma":
            current = None
        elif current is None:
            if token.type != "name":
                return None
            current = token.value
            args[current] = []
        elif not args[current] and token.type == "assign":
            continue
        else:
            args[current].append(token)
    return args if all(args.values()) else None


def expand(text: str, args: dict[str, list[Token]], begin: Token, end: Token) -> list[Token]:
    """Message text with each {name} replaced by a `{{ expression }}` of its argument."""
    out: list[Token] = []
    for literal, field, spec, conversion in string.Formatter().parse(text):
        if literal:
            out.append(Token(begin.lineno, "data", literal))
        if field is None:
            continue
        if spec or conversion or field not in args:
            raise TemplateSyntaxError(f"placeholder {{{field}}} not given", begin.lineno)
        out += [begin, *args[field], end]
    return out
