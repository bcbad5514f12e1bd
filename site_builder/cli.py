"""The `site-builder` command: check, new, build, serve, print, report, fix-encoding.

Messages are Chinese and name the file, line and what to do; no stack traces for bad input.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .base import messages as t
from .base.problems import InputError, format_report
from .pipeline import Project, generate_pages, read_and_check


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups,
                                 t.USAGE_PREFIX if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """Option errors in Chinese, without argparse's English "prog: error: argument …"."""

    def error(self, message: str) -> NoReturn:
        print(explain_argument_error(message, self._option_string_actions), file=sys.stderr)
        print(t.ARG_SEE_HELP.format(prog=self.prog), file=sys.stderr)
        sys.exit(2)


def _listed(text: str) -> str:
    """'check', 'new' → check、new (argparse quotes values with repr)."""
    return "、".join(part.strip().strip("'\"") for part in text.split(","))


def explain_argument_error(message: str,
                           options: dict[str, argparse.Action] | None = None) -> str:
    """argparse's English error message (Python 3.11–3.13) as a sentence in Chinese. Messages of
    the options' own type checks are already Chinese and are kept as they are. `options` (the
    parser's option strings) lets a missing value be explained with the option's help."""
    m = re.fullmatch(r"argument (?P<option>[^:]+): (?P<detail>.*)", message, re.S)
    if m:
        option, detail = m["option"].split("/")[0], m["detail"]
        if detail.startswith("expected"):
            action = (options or {}).get(option)
            return t.ARG_NEEDS_VALUE.format(option=option, help=action.help if action else "")
        choice = re.fullmatch(r"invalid choice: (.*?) \(choose from (.*)\)", detail, re.S)
        if choice:
            return t.ARG_BAD_CHOICE.format(option=option, value=_listed(choice[1]),
                                           choices=_listed(choice[2]))
        value = re.fullmatch(r"invalid \S+ value: (.*)", detail, re.S)
        if value:
            return t.ARG_BAD_VALUE.format(option=option, value=_listed(value[1]))
        return detail
    for pattern, text in ((r"unrecognized arguments: (.*)", t.ARG_UNKNOWN),
                          (r"the following arguments are required: (.*)", t.ARG_REQUIRED),
                          (r"ambiguous option: (\S+) could match (.*)", t.ARG_AMBIGUOUS)):
        found = re.fullmatch(pattern, message, re.S)
        if found:
            return text.format(*(_listed(g) for g in found.groups()))
    return message


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="site-builder", description=t.DESCRIPTION, epilog=t.EPILOG,
                     formatter_class=_Formatter, add_help=False)
    _add_common(parser)
    commands = parser.add_subparsers(dest="command", title=t.COMMANDS_TITLE, metavar=t.COMMAND,
                                     parser_class=_Parser)

    check = _sub(commands, "check", t.CHECK_HELP, t.CHECK_DESCRIPTION)
    check.add_argument("--quiet", "-q", action="store_true", help=t.QUIET_HELP)

    new = _sub(commands, "new", t.NEW_HELP, t.NEW_DESCRIPTION)
    new.add_argument("--item", "-i", required=True, metavar=t.ITEM_METAVAR, help=t.ITEM_HELP)
    new.add_argument("--township", "-t", metavar=t.TOWNSHIP_METAVAR, help=t.TOWNSHIP_HELP)
    new.add_argument("--village", "-v", metavar=t.VILLAGE_METAVAR, help=t.VILLAGE_HELP)
    new.add_argument("--title", metavar=t.TITLE_METAVAR, help=t.TITLE_HELP)

    build = _sub(commands, "build", t.BUILD_HELP, t.BUILD_DESCRIPTION)
    build.add_argument("--strict", action="store_true", help=t.STRICT_HELP)

    serve = _sub(commands, "serve", t.SERVE_HELP, t.SERVE_DESCRIPTION)
    serve.add_argument("--addr", default="127.0.0.1:8000", metavar=t.ADDR_METAVAR,
                       help=t.ADDR_HELP)

    printing = _sub(commands, "print", t.PRINT_HELP, t.PRINT_DESCRIPTION)
    _add_print_arguments(printing)

    report = _sub(commands, "report", t.REPORT_HELP, t.REPORT_DESCRIPTION)
    _add_report_arguments(report)

    fix = _sub(commands, "fix-encoding", t.FIX_HELP, t.FIX_DESCRIPTION)
    fix.add_argument("files", nargs="*", metavar=t.FILES_METAVAR, help=t.FILES_HELP)
    return parser


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--help", action="help", help=t.HELP_HELP)
    parser.add_argument("--root", default=".", metavar=t.ROOT_METAVAR, help=t.ROOT_HELP)


def _sub(commands, name: str, help_text: str, description: str) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=description,
                              formatter_class=_Formatter, add_help=False)
    sub._optionals.title = t.OPTIONS_TITLE
    sub.add_argument("-h", "--help", action="help", help=t.HELP_HELP)
    sub.add_argument("--root", default=argparse.SUPPRESS, metavar=t.ROOT_METAVAR,
                     help=t.ROOT_HELP)
    return sub


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    parser._optionals.title = t.OPTIONS_TITLE  # argparse has no other way to translate these
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    project = Project.at(args.root)
    handlers = {"check": _check, "new": _new, "build": _build, "serve": _serve,
                "print": _print, "report": _report, "fix-encoding": _fix_encoding}
    try:
        return handlers[args.command](project, args)
    except KeyboardInterrupt:
        print(t.INTERRUPTED, file=sys.stderr)
        return 130


def _check(project: Project, args: argparse.Namespace) -> int:
    site, problems = read_and_check(project)
    if site is not None:
        try:
            generate_pages(site)  # also checks that no published URL disappears
        except InputError as exc:
            problems.extend(exc.problems)
            site = None
    if len(problems):
        print(format_report(list(problems)), file=sys.stderr)
    if site is None:
        return 1
    if not args.quiet:
        print(t.CHECK_OK.format(notices=len(site.notices), withheld=site.withheld,
                                items=len(site.items), townships=len(site.townships),
                                pages=len(site.pages)))
    return 0


def _new(project: Project, args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_notice

    try:
        path = new_notice(project, args.item, args.township, args.village, args.title)
    except ScaffoldError as exc:
        print(f"{t.NEW_FAILED}{exc}", file=sys.stderr)
        return 1
    print(t.NEW_DONE.format(path=path.relative_to(project.root).as_posix()))
    return 0


def _mkdocs(project: Project, arguments: list[str]) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", *arguments]
    return subprocess.call(command, cwd=project.root, env=env)


def _build(project: Project, args: argparse.Namespace) -> int:
    from .plugin import build  # the MkDocs adapter: only plugin.py imports MkDocs

    return build(project.root, strict=args.strict)


def _serve(project: Project, args: argparse.Namespace) -> int:
    print(t.SERVE_START.format(addr=args.addr))
    return _mkdocs(project, ["serve", "--dev-addr", args.addr])


def _add_print_arguments(parser: argparse.ArgumentParser) -> None:
    from .paper.printing import add_arguments

    add_arguments(parser)


def _print(project: Project, args: argparse.Namespace) -> int:
    from .paper.printing import command

    return command(project, args)


def _add_report_arguments(parser: argparse.ArgumentParser) -> None:
    from .report.command import add_arguments

    add_arguments(parser)


def _report(project: Project, args: argparse.Namespace) -> int:
    from .report.command import command

    return command(project, args)


def _fix_encoding(project: Project, args: argparse.Namespace) -> int:
    from .input.encoding import convert_to_utf8, find_non_utf8

    files = [Path(f).resolve() for f in args.files] or find_non_utf8(project)
    if not files:
        print(t.FIX_NOTHING)
        return 0
    failed = 0
    for path in files:
        ok, note = convert_to_utf8(path)
        rel = os.path.relpath(path, project.root)
        print((t.FIX_DONE if ok else t.FIX_FAILED).format(path=rel, note=note))
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
