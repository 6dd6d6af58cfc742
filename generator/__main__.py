"""Command line: python -m generator check|build|new|draft|sources|migrate. Argument parsing only.

The work lives in the pipeline modules; this file turns arguments into calls
and a GeneratorError into printed diagnostics and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import load, migrate, write
from .diagnostics import Diagnostic, GeneratorError, argument_error, errors, printable


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except GeneratorError as err:
        _report(err.diagnostics, args.format)
        return 1
    except OSError as err:  # permission denied, disk full: one line, never a traceback
        print(io_error(err), file=sys.stderr)
        return 1


def io_error(err: OSError) -> str:
    """`error: cannot write docs/x.md: No space left on device`, for any OSError."""
    where = f" {printable(str(err.filename))}" if err.filename else ""
    what = err.strerror or err.__class__.__name__
    return f"error: cannot read or write{where}: {printable(what)}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="validate the registry (or the given record files)")
    check.add_argument("files", nargs="*", type=Path, metavar="FILE")
    check.set_defaults(run=_check)
    build = sub.add_parser("build", help="validate, then write the site's Markdown into docs/")
    build.add_argument("--docs", type=Path, default=Path("docs"))
    build.set_defaults(run=_build)
    new = sub.add_parser("new", help="write a new record file to fill in")
    new.add_argument("--region", required=True, help='region code ("61.07") or name')
    new.add_argument("--date", required=True, help="YYYY-MM-DD, YYYY-MM, YYYY or 'unknown'")
    new.add_argument(
        "--election",
        action="append",
        metavar="ID",
        help="election id from registry/elections.yml (repeatable); "
        "needed when the date fits none or several",
    )
    new.set_defaults(run=_new)
    draft = sub.add_parser(
        "draft", help="print a record draft from a news article's text (file or standard input)"
    )
    draft.add_argument("article", nargs="?", type=Path, metavar="ARTICLE.txt")
    draft.add_argument("--url", default="", help="the article's address")
    draft.add_argument(
        "--published", type=date.fromisoformat, default=None, help="date published, YYYY-MM-DD"
    )
    draft.add_argument("-o", "--output", type=Path, default=None, help="write the draft here")
    draft.set_defaults(run=_draft)
    sources = sub.add_parser(
        "sources", help="source health: list the cited addresses, or report lychee's findings"
    )
    sources.add_argument("action", choices=("urls", "report"))
    sources.add_argument("lychee", nargs="?", type=Path, help="lychee's --format json output")
    sources.add_argument("--checked", default="", help="when lychee ran, YYYY-MM-DDTHH:MM:SSZ")
    sources.add_argument("--tool", default="lychee", help="the checker and its version")
    sources.add_argument("-o", "--output", type=Path, default=None)
    sources.set_defaults(run=_sources)
    migrate = sub.add_parser(
        "migrate", help="rewrite record files in an older shape into the current one, in place"
    )
    migrate.add_argument("files", nargs="*", type=Path, metavar="FILE")
    migrate.set_defaults(run=_migrate)
    for command in (check, build, new, draft, sources, migrate):
        command.add_argument("--registry", type=Path, default=Path("registry"))
        command.add_argument(
            "--format",
            choices=("text", "github"),
            default="text",
            help="github prints GitHub Actions annotations",
        )
        command.add_argument(
            "--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS
        )
    return parser


def _report(diagnostics: list[Diagnostic], fmt: str) -> None:
    for diag in diagnostics:
        print(diag.github() if fmt == "github" else diag.text())
    wrong = errors(diagnostics)
    files = len({d.path for d in wrong if d.line})
    sys.stdout.flush()  # the summary follows the lines it counts, also when both streams merge
    where = f" in {files} file(s)" if files else ""
    advice = len(diagnostics) - len(wrong)
    more = f" and {advice} warning(s)" if advice else ""
    print(f"{len(wrong)} error(s){where}{more}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    count = write.check_only(args.registry, args.files or None, args.today, args.format)
    print(f"ok: {count} record(s) valid", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    count = write.generate(args.registry, args.docs, args.today)
    print(f"ok: {count} file(s) written to {args.docs}", file=sys.stderr)
    return 0


def _new(args: argparse.Namespace) -> int:
    path = write.new_record(args.registry, args.region, args.date, args.today, args.election)
    print(f"wrote {path}; fill it in, then run: python -m generator check {path}")
    return 0


def _draft(args: argparse.Namespace) -> int:
    text = args.article.read_text(encoding="utf-8") if args.article else sys.stdin.read()
    out = write.draft_record(args.registry, text, args.url, args.published, args.today)
    if args.output is None:
        sys.stdout.write(out)
    else:
        write.write_new(args.output, out)
        print(f"wrote {args.output}; fill in every TODO, then run: python -m generator check")
    return 0


def _sources(args: argparse.Namespace) -> int:
    if args.action == "urls":
        text = "".join(f"{url}\n" for url in write.source_urls(args.registry, args.today))
    elif args.lychee is None:
        raise GeneratorError([argument_error("lychee", "give lychee's JSON output file")])
    else:
        text = write.source_report(args.registry, args.lychee, args.checked, args.tool)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write.write_file(args.output, text)
    return 0


def _migrate(args: argparse.Namespace) -> int:
    paths = args.files or load.event_paths(args.registry)
    for path, changes in migrate.migrate_files(paths):
        done = "; ".join(changes) if changes else "already in the current shape, unchanged"
        print(f"{load.display_path(path)}: {done}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
