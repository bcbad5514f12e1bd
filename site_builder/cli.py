"""The `site-builder` command: check, new, import, items, catalog, build, serve, print, report,
archive, fix-encoding.

Messages are Chinese and name the file, line and what to do; no stack traces for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from .base import messages as t
from .base.problems import InputError, format_report
from .input import limits
from .pipeline import Project, generate_pages, read_and_check


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups,
                                 t.USAGE_PREFIX if prefix is None else prefix)

    def _format_action(self, action):
        """The commands under their heading 「命令:」 only, without argparse's own line repeating
        the placeholder 「命令」 above them."""
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(sub) for sub in action._get_subactions())
        return super()._format_action(action)


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
    new.add_argument("--item", "-i", required=True, metavar=t.ITEM_METAVAR,
                     help=t.ITEM_BY_NAME_HELP)
    new.add_argument("--township", "-t", metavar=t.TOWNSHIP_METAVAR, help=t.TOWNSHIP_HELP)
    new.add_argument("--village", "-v", metavar=t.VILLAGE_METAVAR, help=t.VILLAGE_HELP)
    new.add_argument("--title", metavar=t.TITLE_METAVAR, help=t.TITLE_HELP)

    importing = _sub(commands, "import", t.IMPORT_HELP, t.IMPORT_DESCRIPTION)
    importing.add_argument("files", nargs="+", metavar=t.FILES_METAVAR, help=t.IMPORT_FILES_HELP)
    importing.add_argument("--item", "-i", metavar=t.ITEM_METAVAR, help=t.ITEM_BY_NAME_HELP)
    importing.add_argument("--township", "-t", metavar=t.TOWNSHIP_METAVAR, help=t.TOWNSHIP_HELP)
    importing.add_argument("--village", "-v", metavar=t.VILLAGE_METAVAR, help=t.VILLAGE_HELP)
    importing.add_argument("--mask", action="store_true", help=t.IMPORT_MASK_HELP)
    importing.add_argument("--attach", action="store_true", help=t.IMPORT_ATTACH_HELP)
    importing.add_argument("--into", metavar=t.NOTICE_METAVAR, help=t.IMPORT_INTO_HELP)

    items = _sub(commands, "items", t.ITEMS_HELP, t.ITEMS_DESCRIPTION)
    items.add_argument("word", nargs="?", metavar=t.ITEMS_WORD_METAVAR, help=t.ITEMS_WORD_HELP)

    catalog = _sub(commands, "catalog", t.CATALOG_HELP, t.CATALOG_DESCRIPTION)
    catalog.add_argument("action", choices=("export", "import"), metavar="export|import",
                         help=t.CATALOG_ACTION_HELP)
    catalog.add_argument("file", metavar=t.FILES_METAVAR, help=t.CATALOG_FILE_HELP)

    build = _sub(commands, "build", t.BUILD_HELP, t.BUILD_DESCRIPTION)
    build.add_argument("--strict", action="store_true", help=t.STRICT_HELP)
    build.add_argument("--full", action="store_true", help=t.FULL_BUILD_HELP)

    serve = _sub(commands, "serve", t.SERVE_HELP, t.SERVE_DESCRIPTION)
    serve.add_argument("--addr", default="127.0.0.1:8000", metavar=t.ADDR_METAVAR,
                       help=t.ADDR_HELP)

    printing = _sub(commands, "print", t.PRINT_HELP, t.PRINT_DESCRIPTION)
    _add_print_arguments(printing)

    archive = _sub(commands, "archive", t.AR_HELP, t.AR_DESCRIPTION)
    _add_archive_arguments(archive)
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
    handlers = {"check": _check, "new": _new, "import": _import, "items": _items,
                "catalog": _catalog, "build": _build, "serve": _serve, "print": _print,
                "report": _report, "archive": _archive, "fix-encoding": _fix_encoding}
    try:
        return handlers[args.command](project, args)
    except KeyboardInterrupt:
        print(t.INTERRUPTED, file=sys.stderr)
        return 130
    except OSError as exc:
        if not limits.disk_full(exc):
            raise
        print(limits.disk_full_message(exc, None, building=False), file=sys.stderr)
        return 1


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


def _import(project: Project, args: argparse.Namespace) -> int:
    from .importer.guess import ImportFailed
    from .importer.notice import Request, check_imported, import_files

    request = Request([Path(f) for f in args.files], args.item, args.township, args.village,
                      args.mask, args.attach, args.into)
    try:
        outcomes = import_files(project, request)
    except ImportFailed as exc:
        print(f"{t.IMPORT_FAILED}{exc}", file=sys.stderr)
        return 1
    for outcome in outcomes:
        rel = outcome.notice.relative_to(project.root).as_posix()
        done = t.IMPORT_INTO_DONE if args.into else t.IMPORT_DONE
        print(done.format(source=outcome.source.name, notice=rel))
        for heading, lines in ((t.IMPORT_SUMMARY, outcome.took),
                               (t.IMPORT_PII_TITLE_FOUND, outcome.personal),
                               (t.IMPORT_NOTES, [f"  · {line}" for line in outcome.notes])):
            if lines:
                print("\n".join([heading, *lines]))
    problems = check_imported(project, outcomes)
    if problems:
        print(t.IMPORT_CHECK_PROBLEMS)
        print(format_report(problems))
        return 1 if any(p.severity == "error" for p in problems) else 0
    print(t.IMPORT_CHECK_CLEAN)
    return 0


def _items(project: Project, args: argparse.Namespace) -> int:
    from .importer.guess import ImportFailed
    from .importer.names import item_lines, load_catalog

    try:
        lines = item_lines(load_catalog(project), args.word)
    except ImportFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    if not lines:
        print(t.ITEMS_NONE.format(word=args.word), file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def _catalog(project: Project, args: argparse.Namespace) -> int:
    from .importer import catalog_excel
    from .importer.guess import ImportFailed
    from .importer.names import load_catalog

    path = Path(args.file)
    if path.suffix.lower() != ".xlsx":
        print(t.CATALOG_NEEDS_XLSX.format(action=args.action), file=sys.stderr)
        return 2
    try:
        catalog = load_catalog(project)
        if args.action == "export":
            name = catalog.info.name if catalog.info else ""
            count = catalog_excel.export(catalog, path, name)
            print(t.CATALOG_EXPORTED.format(path=path, domains=len(catalog.domains),
                                            items=count))
            return 0
        if not path.is_file():
            raise ImportFailed(t.IMPORT_NO_FILE.format(file=path))
        read = catalog_excel.import_workbook(project, catalog, path)
    except ImportFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    if read.problems:
        print("\n".join([t.CATALOG_NOT_IMPORTED, *(f"  {p}" for p in read.problems)]),
              file=sys.stderr)
        return 1
    print(t.CATALOG_IMPORTED.format(file=path.name,
                                    items=sum(len(v) for v in read.items.values())))
    if read.new_ids:
        print(t.CATALOG_NEW_IDS.format(ids="、".join(read.new_ids)))
    if read.kept:
        print(t.CATALOG_KEPT.format(ids="、".join(read.kept)))
    return 0


def _build(project: Project, args: argparse.Namespace) -> int:
    from .plugin import build  # the MkDocs adapter: only plugin.py imports MkDocs

    return build(project.root, strict=args.strict, full=args.full)


def _serve(project: Project, args: argparse.Namespace) -> int:
    host, _, port = args.addr.rpartition(":")
    if not host or not port.isdigit():
        print(t.SERVE_BAD_ADDR.format(addr=args.addr), file=sys.stderr)
        return 2
    if not _port_free(host, int(port)):
        free = next((p for p in range(int(port) + 1, int(port) + 50) if _port_free(host, p)),
                    int(port) + 1)
        print(t.SERVE_PORT_BUSY.format(port=port, host=host, free=free), file=sys.stderr)
        return 1
    print(t.SERVE_START.format(addr=args.addr), flush=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.addr],
                             cwd=project.root, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                             errors="replace", start_new_session=True,
                             preexec_fn=_interruptible)
    with _passing_signals(child):
        assert child.stdout is not None
        lines = ServeLines()
        for line in child.stdout:
            shown = lines.show(line.rstrip("\n"))
            if shown is not None:
                print(shown, flush=True)
        code = child.wait()
    return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code


def _interruptible() -> None:
    """In the server process: Ctrl+C (which `_passing_signals` forwards) stops it, also when
    this command was started as a background job (`… &`, nohup), where it starts ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


@contextlib.contextmanager
def _passing_signals(child: subprocess.Popen) -> Iterator[None]:
    """Ctrl+C, `kill` and a closed terminal stop the preview server too: the child runs in a
    session of its own (so a terminal's Ctrl+C reaches it once, through here) and gets every
    stopping signal this process gets."""
    stopping = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

    def forward(number: int, _frame: object) -> None:
        if child.poll() is None:
            child.send_signal(signal.SIGINT if number == signal.SIGHUP else number)
            if number != signal.SIGINT:  # MkDocs says "Shutting down" only on Ctrl+C
                print(t.SERVE_STOPPED, flush=True)

    previous = {number: signal.signal(number, forward) for number in stopping}
    try:
        yield
    finally:
        if child.poll() is None:
            child.terminate()
            child.wait(timeout=20)
        for number, handler in previous.items():
            signal.signal(number, handler)


# MkDocs' own lines under `serve`: said in Chinese, or left out when they mean nothing to a
# clerk ("Cleaning site directory" sounds as if the site were deleted; it is a temporary folder).
_MKDOCS_LEVEL = re.compile(r"^(?:INFO|WARNING|ERROR|DEBUG)\s+-\s+(?:\[\d\d:\d\d:\d\d\]\s+)?")
_RELOADING = re.compile(r"Reloading (?:browsers|page).*")
_MKDOCS_LINES: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(r"Building documentation\.*"), None),  # SERVE_START or SERVE_CHANGED said it
    (re.compile(r"Cleaning site directory"), None),
    (re.compile(r"Documentation built in (?P<seconds>[\d.]+) seconds"), t.SERVE_BUILT),
    (re.compile(r"Watching paths for changes:.*"), None),
    (re.compile(r"Serving on (?P<url>\S+)"), t.SERVE_SERVING),
    (re.compile(r"Detected file changes"), t.SERVE_CHANGED),
    (_RELOADING, None),
    (re.compile(r"Shutting down\.*"), t.SERVE_STOPPED),
    (re.compile(r"Aborted with a BuildError!"), t.SERVE_ABORTED),
]


class ServeLines:
    """The lines of `mkdocs serve` as the clerk sees them. After every save the clerk is told
    the preview is ready: MkDocs says "Documentation built in N seconds" through a filter that
    drops a line identical to an earlier one, so a rebuild exactly as long as an earlier one
    says nothing; its "Reloading browsers" then says it instead."""

    def __init__(self) -> None:
        self.said_built = True  # the build after the last "Detected file changes" said so

    def show(self, line: str) -> str | None:
        """`line` as shown (None: not shown)."""
        text = _MKDOCS_LEVEL.sub("", line).strip()
        for pattern, shown in _MKDOCS_LINES:
            found = pattern.fullmatch(text)
            if found is None:
                continue
            if shown == t.SERVE_CHANGED:
                self.said_built = False
            elif shown == t.SERVE_BUILT:
                self.said_built = True
            elif pattern is _RELOADING and not self.said_built:
                self.said_built = True
                return t.SERVE_REBUILT
            return shown.format(**found.groupdict()) if shown else None
        return _MKDOCS_LEVEL.sub("", line)


def _add_print_arguments(parser: argparse.ArgumentParser) -> None:
    from .paper.printing import add_arguments

    add_arguments(parser)


def _print(project: Project, args: argparse.Namespace) -> int:
    from .paper.printing import command

    return command(project, args)


def _add_archive_arguments(parser: argparse.ArgumentParser) -> None:
    from .archive.command import add_arguments

    add_arguments(parser)


def _add_report_arguments(parser: argparse.ArgumentParser) -> None:
    from .report.command import add_arguments

    add_arguments(parser)


def _archive(project: Project, args: argparse.Namespace) -> int:
    from .archive.command import command

    return command(project, args)


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
