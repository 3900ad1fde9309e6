"""The ``asyncwriter`` command line: ``lint``, ``export``, ``rules``, ``templates`` and more.

With no command it opens the desktop editor; ``lsp`` serves the checks to other editors.
``config`` prints the settings in effect for a file (the user's with the project file laid
over them).

``asyncwriter lint`` follows the lint contract in ``PRODUCT.md``: text or JSON output,
1-based line and column in both, exit 0 when no finding is an error, 1 when one is, and 2
for a usage error or input it cannot read. Bad input never ends in a traceback.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from asyncwriter import __version__, window_args
from asyncwriter.formats import FORMATS
from asyncwriter.textfiles import InputError, read_input
from asyncwriter.textfiles import display_name as _name

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import tzinfo

    from asyncwriter.checks.grammar.checker import GrammarChecker
    from asyncwriter.checks.model import Report
    from asyncwriter.command_line.inputs import Checked, SettingsByFolder
    from asyncwriter.settings import Settings
    from asyncwriter.templates import Catalog, Template

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

_LINT_EXAMPLES = """\
examples:
  asyncwriter lint docs/*.md                      findings, then a summary line
  asyncwriter lint --format github $(git diff --name-only origin/main -- '*.md')
  asyncwriter lint --format sarif docs/*.md > asyncwriter.sarif
  asyncwriter lint --fix --now 2026-11-23T09:00 update.md   write relative dates out
  asyncwriter lint --diff update.md               show what --fix would change
  asyncwriter lint --commit-msg .git/COMMIT_EDITMSG
  pbpaste | asyncwriter lint --template status-update -
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="asyncwriter",
        usage="%(prog)s [-h] [--version] [--new-window] [FILE ...] | COMMAND ...",
        description="Write async messages a colleague in another time zone can act on. "
        "With no command it opens the editor window, each FILE as a new draft.",
        epilog="examples:\n  asyncwriter                       open the editor\n"
        "  asyncwriter notes.md              open a file in it as a new draft\n"
        "  asyncwriter lint update.md        check a message\n"
        "  asyncwriter new status-update     start one from a template\n"
        "  asyncwriter COMMAND --help        each command's options and examples",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    window_args.add_new_window_option(parser)
    # Sub-commands show "asyncwriter lint …", not the custom top-level usage before "lint".
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="asyncwriter")

    lint = sub.add_parser(
        "lint",
        help="check messages for a summary, an ask, a deadline with a zone, and links",
        description="Check messages (files, or - for stdin). Exit 0: no errors; 1: at least "
        "one error-severity finding; 2: usage error or unreadable input. Settings come from "
        "settings.toml with the closest .asyncwriter.toml above each file laid over them.",
        epilog=_LINT_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument("paths", nargs="*", metavar="PATH", help="message files, or - for stdin")
    lint.add_argument("--format", choices=("text", "json", "sarif", "github"), default="text",
                      help="output format: text (with a summary line), json, sarif (SARIF "
                      "2.1.0, for code scanning) or github (Actions annotations); default: "
                      "text")  # fmt: skip
    _ci_options(lint)
    lint.add_argument(
        "--template",
        metavar="ID",
        help="apply a template's required sections and check settings (default: the "
        "template the draft's marker comment names, if any)",
    )
    lint.add_argument("--now", metavar="ISO8601",
                      help="the moment relative dates resolve against (default: now)")  # fmt: skip
    lint.add_argument(
        "--tz",
        metavar="ZONE",
        help="the writer's time zone, e.g. Europe/Berlin (default: [time] zone in "
        "settings.toml, else the system zone)",
    )
    lint.add_argument(
        "--channel",
        choices=FORMATS,
        help="where the message goes, for style rules such as message length (default: "
        "the template's channel)",
    )
    lint.add_argument(
        "--grammar",
        action="store_true",
        help="also check grammar and spelling with LanguageTool, where settings.toml "
        "[languagetool] says (off by default: it starts Java or talks to a server)",
    )
    lint.add_argument(
        "--no-spelling",
        dest="spelling",
        action="store_false",
        help="leave out the built-in spelling and grammar checker (on by default; it runs "
        "on this computer and needs no download)",
    )

    export = sub.add_parser(
        "export",
        help="render a message for Slack, Teams, email, Markdown or plain text, or its "
        "deadlines as a calendar",
        description="Print a message rendered for FORMAT: the plain-text part by default "
        "(Slack mrkdwn for slack), --html for the HTML part (slack, teams, email), or "
        "--part subject for the email subject line; --format ics prints an iCalendar with "
        "one event per resolved deadline; --format eml prints the email as a mail draft (.eml: "
        "plain text and HTML, subject, X-Unsent: 1). Exit 2 on a usage error or unreadable input.",
    )
    export.add_argument("path", metavar="FILE", help="message file, or - for stdin")
    export.add_argument("--format", dest="fmt", metavar="FORMAT", required=True,
                        choices=(*FORMATS, "ics", "eml"),
                        help=f"one of {', '.join(FORMATS)}, ics, eml")  # fmt: skip
    export.add_argument("--subject", metavar="TEXT",
                        help="subject line (default: the draft's Subject: line, else its "
                        "summary)")  # fmt: skip
    parts = export.add_mutually_exclusive_group()
    parts.add_argument("--html", dest="part", action="store_const", const="html",
                       help="print the HTML part (same as --part html)")  # fmt: skip
    parts.add_argument("--part", choices=("plain", "html", "subject"), default="plain",
                       help="which part to print (default: plain)")  # fmt: skip
    export.add_argument("--template", metavar="ID",
                        help="the draft's template, for the email subject prefix (default: "
                        "the template its marker comment names)")  # fmt: skip
    _moment_options(export, "for ics: ")

    when = sub.add_parser(
        "when",
        help="show what a moment is for each of the team's people",
        description="Print, for each person in settings.toml [[team.people]], the moment's "
        "local time and whether it is inside their working hours, on their weekend or on a "
        "public holiday. Exit 2 when the moment cannot be read or no people are set.",
    )
    when.add_argument("moment", metavar="MOMENT", help='e.g. "Thu 3 Dec 17:00 UTC"')
    _moment_options(when, "")

    sub.add_parser("rules", help="list every rule id with its default severity")
    sub.add_parser("install-desktop", help="add AsyncWriter to the application menu "
                   "(desktop file, icons and metainfo in your XDG data folder)")  # fmt: skip
    sub.add_parser("uninstall-desktop", help="remove what install-desktop added")

    sub.add_parser(
        "lsp",
        help="run the language server on stdin/stdout, for editors (see the README)",
        description="Speak the Language Server Protocol on stdin and stdout: diagnostics for "
        "Markdown and text files as you type, quick fixes and hover. Started by an editor.",
    )
    config = sub.add_parser(
        "config",
        help="print the settings in effect for a file, and where each value came from",
        description="Print the settings that apply to FILE (default: the current folder): "
        "settings.toml with the closest .asyncwriter.toml (or pyproject.toml "
        "[tool.asyncwriter]) above it laid over them, each value with its origin.",
        epilog="examples:\n  asyncwriter config\n  asyncwriter config docs/adr/0007.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    config.add_argument("file", nargs="?", default=".", metavar="FILE",
                        help="a file (or folder) to find the project file for")  # fmt: skip

    templates = sub.add_parser(
        "templates",
        help="list the templates (built-in, user and team) with their origin",
        description="List every template: id, name, origin (built-in, user, team) and "
        "description. Broken template files are reported on stderr and skipped.",
    )
    templates.add_argument("--format", choices=("text", "json"), default="text",
                           help="output format (default: text)")  # fmt: skip

    new = sub.add_parser(
        "new",
        help="print a fresh draft from a template (with its subject line)",
        description="Print a fresh draft from template ID: a marker comment that remembers "
        "the template, the subject line and the body with its {{placeholders}}.",
    )
    new.add_argument("template_id", metavar="ID", help="template id (`asyncwriter templates`)")
    new.add_argument("-o", "--output", metavar="FILE",
                     help="write the draft to FILE, not stdout (never overwrites)")  # fmt: skip
    for name, command in sub.choices.items():
        # Errors found after parsing (a bad --tz) print this command's usage, not the top's.
        command.set_defaults(command_parser=command)
        if name in _EXAMPLES and command.epilog is None:
            command.epilog = "examples:\n" + "".join(f"  {e}\n" for e in _EXAMPLES[name])
            command.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


#: ``--help`` examples for the commands whose help has none of its own.
_EXAMPLES = {
    "export": (
        "asyncwriter export --format slack update.md | pbcopy",
        "asyncwriter export --format email --part subject update.md",
        "asyncwriter export --format ics --tz Europe/Berlin update.md > deadlines.ics",
    ),
    "when": ('asyncwriter when "Thu 3 Dec 17:00 UTC"', 'asyncwriter when "tomorrow 9:00"'),
    "rules": ("asyncwriter rules | grep deadline",),
    "templates": ("asyncwriter templates", "asyncwriter templates --format json"),
    "new": ("asyncwriter new status-update -o update.md",),
}


def _ci_options(lint: argparse.ArgumentParser) -> None:
    """Add the options for CI, pre-commit and the terminal (see asyncwriter.command_line)."""
    lint.add_argument("--min-severity", choices=("info", "warning", "error"), default="info",
                      help="report only findings at least this severe (default: info); "
                      "the exit status still counts every error")  # fmt: skip
    lint.add_argument("-q", "--quiet", action="store_true",
                      help="print the findings only: no summary line, no list of "
                      "fixes")  # fmt: skip
    lint.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                      help="colour the text output (auto: on a terminal, unless NO_COLOR "
                      "is set; FORCE_COLOR forces it)")  # fmt: skip
    fixes = lint.add_mutually_exclusive_group()
    fixes.add_argument("--fix", action="store_true",
                       help="apply the fixes rules mark safe (a relative date written out, "
                       "the writer's zone added), then report what is left")  # fmt: skip
    fixes.add_argument("--diff", action="store_true",
                       help="print what --fix would change as a unified diff, change "
                       "nothing (exit 1 if there is a change)")  # fmt: skip
    lint.add_argument("--commit-msg", action="store_true",
                      help="the file is a git commit message: comment lines, the scissors "
                      "line and what follows it, and trailers are not checked")  # fmt: skip
    lint.add_argument("--pr-description", action="store_true",
                      help="also check the pull request's title and description from the "
                      "GitHub Actions event ($GITHUB_EVENT_PATH)")  # fmt: skip


def _moment_options(parser: argparse.ArgumentParser, purpose: str) -> None:
    """Add --now and --tz, which fix how relative dates and unzoned times are read."""
    parser.add_argument("--now", metavar="ISO8601",
                        help=f"{purpose}the moment relative dates resolve against "
                        "(default: now)")  # fmt: skip
    parser.add_argument("--tz", metavar="ZONE",
                        help=f"{purpose}the writer's time zone (default: [time] zone in "
                        "settings.toml, else the system zone)")  # fmt: skip


#: The status of a command whose reader went away (``asyncwriter rules | head``): what a
#: shell reports for a program that SIGPIPE ended, 128 + 13.
EXIT_BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    A reader that stops early (``| head``, ``| grep -m1``) closes the pipe: the command
    ends quietly, as ``grep`` or ``ruff`` do, instead of printing a Python traceback.
    """
    try:
        return _main(argv)
    except BrokenPipeError:
        # Python flushes stdout again at exit and would complain once more: point it at
        # /dev/null first, as the Python documentation's note on SIGPIPE does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    """Run the command line (see :func:`main`)."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if window_args.is_window_call(argv, _commands(parser)):
        return _window(window_args.request(argv))
    args = parser.parse_args(argv)
    parser = getattr(args, "command_parser", parser)
    if args.command == "config":
        return _config(args, sys.stdout, sys.stderr)
    if args.command == "lint":
        return _lint(parser, args, sys.stdout, sys.stderr)
    if args.command == "export":
        return _export(parser, args, sys.stdout, sys.stderr)
    if args.command == "when":
        return _when(parser, args, sys.stdout, sys.stderr)
    if args.command == "rules":
        return _rules(sys.stdout)
    if args.command == "lsp":
        from asyncwriter.lsp.server import main as serve

        return serve()
    if args.command == "templates":
        return _templates(args, sys.stdout, sys.stderr)
    if args.command == "new":
        return _new(parser, args, sys.stdout, sys.stderr)
    if args.command in ("install-desktop", "uninstall-desktop"):
        from asyncwriter.desktop_integration import run_command
        from asyncwriter.ui.icon_pixels import render_png

        return run_command(args.command, sys.stdout, sys.stderr, render_png)
    return _window(window_args.request([]))


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    """Return the subcommands' names."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def _lint(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from asyncwriter.command_line import lint_output
    from asyncwriter.command_line.inputs import SettingsByFolder

    if not args.paths and not args.pr_description:
        parser.error("give the message files to check (or - for stdin, or --pr-description)")
    if args.paths.count("-") > 1:
        parser.error("stdin (-) can be given only once")
    if (args.fix or args.diff) and "-" in args.paths:
        parser.error(f"--{'fix' if args.fix else 'diff'}: stdin cannot be fixed in place; "
                     "give the file")  # fmt: skip
    user = _settings(err)
    _now_and_zone(parser, args, user)  # a bad --tz or --now is a usage error before any work
    by_folder = SettingsByFolder(err, user)
    checker = _grammar(user, err) if args.grammar else None
    try:
        status, results, diffs = _lint_each(parser, args, by_folder, checker, err)
    finally:
        if checker is not None:
            checker.close()
    if args.diff:
        out.write("".join(diffs))
        return EXIT_FINDINGS if diffs else status
    lint_output.write(args, results, out, err)
    return status


def _lint_inputs(args: argparse.Namespace, err: TextIO) -> tuple[list[tuple[str, str]], int]:
    """Return (path, text) for every input that could be read, and the status so far."""
    from asyncwriter.command_line import pr_description

    status = EXIT_OK
    inputs = []
    for path in args.paths:
        try:
            inputs.append((path, read_input(path)))
        except InputError as exc:
            print(f"asyncwriter: error: {exc}", file=err)
            status = EXIT_USAGE
    if args.pr_description:
        try:
            inputs.append((pr_description.NAME, pr_description.description()))
        except pr_description.EventError as exc:
            print(f"asyncwriter: error: {exc}", file=err)
            status = EXIT_USAGE
    return inputs, status


def _now_and_zone(
    parser: argparse.ArgumentParser, args: argparse.Namespace, config: Settings
) -> tuple[datetime | None, tzinfo]:
    """Return --now (None: the current time) and the writer's zone; exit 2 on a bad one."""
    from asyncwriter.times import zones
    from asyncwriter.times.moments import check_now

    try:
        zone = args.tz or config.zone
        tz: tzinfo = zones.get_zone(zone) if zone else zones.local_zone()
    except ValueError as exc:
        parser.error(str(exc))
    now = None
    if args.now:
        try:
            now = datetime.fromisoformat(args.now)
        except ValueError:
            parser.error(f"--now: {args.now!r} is not an ISO 8601 date-time "
                         "(e.g. 2026-11-23T09:00:00+00:00)")  # fmt: skip
        try:
            check_now(now)
        except ValueError as exc:
            parser.error(f"--now: {exc}")
        if now.tzinfo is None:
            now = now.replace(tzinfo=tz)
    return now, tz


def _grammar(config: Settings, err: TextIO) -> GrammarChecker | None:
    """Return a LanguageTool checker as the settings say, or None (with a warning)."""
    from asyncwriter.checks.grammar.outcome import GrammarError
    from asyncwriter.languagetool import make_checker, make_server

    lt = config.languagetool
    if lt.mode == "builtin":
        print(
            "asyncwriter: warning: --grammar: settings.toml uses only the built-in checker "
            '([languagetool] mode = "builtin"); set a LanguageTool mode to use it; '
            "LanguageTool not asked",
            file=err,
        )
        return None
    if lt.mode == "off":
        print(
            "asyncwriter: warning: --grammar: LanguageTool is off in settings.toml "
            '([languagetool] mode = "off"); grammar not checked',
            file=err,
        )
        return None
    try:
        # Running the command with --grammar is the consent the window asks for.
        server = make_server(lt, consent=True)
    except GrammarError as exc:
        advice = (
            " (open AsyncWriter and accept the download, or set a LanguageTool server in "
            "settings.toml)"
            if exc.action == "download"
            else ""
        )
        print(f"asyncwriter: warning: --grammar: {exc}{advice}; grammar not checked", file=err)
        return None
    assert server is not None
    return make_checker(lt, server)


def _lint_each(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    by_folder: SettingsByFolder,
    checker: GrammarChecker | None,
    err: TextIO,
) -> tuple[int, list[Checked], list[str]]:
    """Lint (and with --fix or --diff, fix) every input with the settings for its folder."""
    from asyncwriter import templates
    from asyncwriter.checks import lint
    from asyncwriter.command_line import commit_msg, fixing
    from asyncwriter.command_line.inputs import Checked

    inputs, status = _lint_inputs(args, err)
    results: list[Checked] = []
    diffs: list[str] = []
    grammar_failed = False
    spelling_failed = False
    char: str | None = None
    for path, original in inputs:
        is_file = path in args.paths and path != "-"
        config = by_folder.for_input(path if is_file else None)
        now, tz = _now_and_zone(parser, args, config)
        catalog = by_folder.catalog(config, lambda c: _catalog(c, err, quiet=True))
        template: Template | None = None
        if args.template:
            try:
                template = catalog.get(args.template)
            except LookupError as exc:
                parser.error(str(exc.args[0]))
        remembered = templates.template_id_of(original) if template is None else None
        if remembered is not None:
            template = catalog.templates.get(remembered)
            if template is None:
                print(f"asyncwriter: warning: {_name(path)}: its template {remembered!r} is not "
                      "installed; checked without it", file=err)  # fmt: skip
        spelling = None if not args.spelling or spelling_failed else by_folder.speller(config)
        run = functools.partial(
            lint,
            template=template,
            now=now,
            tz=tz,
            settings=config.rules,
            channel=args.channel,
            grammar=None if grammar_failed else checker,
            spelling=spelling,
            people=config.people,
            short_notice_hours=config.short_notice_hours,
        )
        if args.commit_msg and is_file:
            char = char or commit_msg.comment_char(original)
            run = functools.partial(_lint_message, run, char)
        report = run(original)
        if report.spelling is not None and report.spelling.error is not None:
            # Said once, in one line: the other checks ran, and later inputs skip spelling.
            print(f"asyncwriter: warning: {report.spelling.error}; spelling not checked "
                  "(--no-spelling leaves it out)", file=err)  # fmt: skip
            spelling_failed = True
        if report.grammar is not None and report.grammar.error is not None:
            print(
                f"asyncwriter: warning: --grammar: {report.grammar.error}; grammar not "
                f"checked for {_name(path)}",
                file=err,
            )
            grammar_failed = not report.grammar.error.retry
        edits: list[fixing.Edit] = []
        if is_file and (args.fix or args.diff):
            edits = fixing.safe_edits(original, report.findings)
        if edits:
            fixed = fixing.apply(original, edits)
            if args.diff:
                diffs.append(fixing.unified_diff(path, original, fixed))
            else:
                try:
                    fixing.write_fixed(path, original, fixed)
                except fixing.StaleFileError as exc:
                    print(f"asyncwriter: error: {exc}", file=err)
                    status = EXIT_USAGE
                    edits = []
                except OSError as exc:
                    from asyncwriter.os_errors import describe

                    print(f"asyncwriter: error: {path}: cannot write the fixes "
                          f"({describe(exc)}); not fixed", file=err)  # fmt: skip
                    status = EXIT_USAGE
                    edits = []
                else:
                    # The fixed text is checked again: what is left is what gets reported. The
                    # fixes' places stay those in the text as read (``Checked.before``).
                    report = run(fixed)
        results.append(Checked(_name(path), report, is_file, edits, original))
        if report.has_errors() and status == EXIT_OK:
            status = EXIT_FINDINGS
    return status, results, diffs


def _lint_message(run: Callable[[str], Report], char: str, text: str) -> Report:
    """Lint a commit message without its comment lines, scissors part and trailers."""
    from asyncwriter.command_line import commit_msg

    return run(commit_msg.message_only(text, char))


def _export(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from asyncwriter import export, templates

    if args.fmt == "eml" and args.part not in (None, "plain"):
        parser.error("--html and --part: the eml format is a whole mail draft, with every part")
    if args.part == "html" and args.fmt in ("markdown", "plain"):
        parser.error(f"--html: {args.fmt} has no HTML part (it is text only); drop --html")
    if args.part == "subject" and args.fmt != "email":
        parser.error("--part subject: only the email format has a subject line")
    if args.fmt == "ics":
        return _export_ics(parser, args, out, err)
    try:
        text = read_input(args.path)
    except InputError as exc:
        print(f"asyncwriter: error: {exc}", file=err)
        return EXIT_USAGE
    template: Template | None = None
    remembered = args.template or templates.template_id_of(text)
    if remembered and args.fmt in ("email", "eml"):
        catalog = _catalog(_settings(err), err, quiet=True)
        try:
            template = catalog.get(remembered)
        except LookupError as exc:
            if args.template:
                parser.error(str(exc.args[0]))
            print(f"asyncwriter: warning: {_name(args.path)}: its template {remembered!r} "
                  "is not installed; the subject prefix comes from the text", file=err)  # fmt: skip
    fmt = "email" if args.fmt == "eml" else args.fmt
    rendered = export.render(text, fmt, subject=args.subject, template=template)
    if args.fmt == "eml":
        from asyncwriter.export.eml import eml_bytes

        data = eml_bytes(rendered)  # CRLF lines: written as bytes, never translated
        out.flush()
        binary = getattr(out, "buffer", None)
        if binary is not None:
            binary.write(data)
        else:  # a text stream (tests): the draft is 7-bit, so ASCII is exact
            out.write(data.decode("ascii"))
        return EXIT_OK
    if args.part == "subject":
        if rendered.subject is None:
            print(f"asyncwriter: error: {_name(args.path)}: the message is empty, so it has no "
                  "subject; write it, or give --subject", file=err)  # fmt: skip
            return EXIT_USAGE
        out.write(rendered.subject + "\n")
    else:
        out.write((rendered.html if args.part == "html" else rendered.plain) or "")
    return EXIT_OK


def _export_ics(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    """Print the message's resolved deadlines as an iCalendar (one event each)."""
    from asyncwriter.checks import lint
    from asyncwriter.export.calendar import calendar

    if args.part not in (None, "plain"):
        parser.error("--html and --part: the ics format is a calendar, with no parts")
    config = _settings(err)
    now, tz = _now_and_zone(parser, args, config)
    try:
        text = read_input(args.path)
    except InputError as exc:
        print(f"asyncwriter: error: {exc}", file=err)
        return EXIT_USAGE
    report = lint(text, now=now, tz=tz, settings={"style": None})
    stamp = now or datetime.now(tz)
    data = calendar(text, report, stamp=stamp, subject=args.subject)
    if not any(d.datetime for d in report.facts.deadlines):
        print(f"asyncwriter: warning: {_name(args.path)}: no deadline resolves to a moment; "
              "the calendar has no events", file=err)  # fmt: skip
    out.write(data.decode("utf-8"))
    return EXIT_OK


def _when(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    """Print what a moment is for each of the team's people."""
    from asyncwriter import team_table

    config = _settings(err)
    now, tz = _now_and_zone(parser, args, config)
    if not config.people:
        print("asyncwriter: error: no people in settings.toml: add [[team.people]] entries "
              "with a name and zone (see the README's Settings)", file=err)  # fmt: skip
        return EXIT_USAGE
    try:
        when = team_table.parse_moment(args.moment, now or datetime.now(tz), tz)
    except ValueError as exc:
        parser.error(str(exc))
    out.write(team_table.format_table(when, team_table.rows(config.people, when)))
    return EXIT_OK


def _window(request: window_args.WindowRequest) -> int:
    """Open the desktop editor (``asyncwriter [FILE ...]``), or hand it to a running one.

    Without a display, say so in one line and exit 1, before Qt would abort the process.
    """
    from asyncwriter.display_check import NO_DISPLAY, has_display

    if not has_display(os.environ):
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    for problem in request.problems:
        print(f"asyncwriter: error: {problem}", file=sys.stderr)
    from asyncwriter.ui.single_instance import handed_over

    if handed_over(request):
        return EXIT_OK
    from asyncwriter.ui.app import run

    return run([sys.argv[0]], request)


def _settings(err: TextIO) -> Settings:
    """Load the settings file, reporting (not failing on) anything broken in it."""
    from asyncwriter import settings

    loaded = settings.load()
    for problem in loaded.problems:
        print(f"asyncwriter: warning: {problem}", file=err)
    return loaded


def _catalog(config: Settings, err: TextIO, *, quiet: bool = False) -> Catalog:
    """Load every template; report broken files (only those that were skipped if quiet).

    The catalog becomes the one lints resolve template markers in, so it is read once.
    """
    from asyncwriter import templates
    from asyncwriter.checks import RULE_KEYS

    catalog = templates.default_catalog(config, rule_keys=RULE_KEYS)
    templates.use_catalog(catalog)
    for problem in catalog.problems:
        if problem.skipped or not quiet:
            print(f"asyncwriter: warning: {problem}", file=err)
    return catalog


def _templates(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    catalog = _catalog(_settings(err), err)
    listed = sorted(catalog.templates.values(), key=lambda t: t.id)
    if args.format == "json":
        rows = [
            {
                "id": t.id,
                "name": t.name,
                "origin": t.origin,
                "replaces": t.replaces,
                "description": t.description,
                "kind": t.kind,
                "channel": t.channel,
                "subject": t.subject or None,
                "sections": [s.name for s in t.sections],
                "path": str(t.path) if t.path else None,
            }
            for t in listed
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    if not listed:
        print("asyncwriter: no templates found", file=err)
        return EXIT_OK
    id_width = max(len(t.id) for t in listed)
    name_width = max(len(t.name) for t in listed)
    origin_width = max(len(_origin(t)) for t in listed)
    for t in listed:
        out.write(f"{t.id:<{id_width}}  {t.name:<{name_width}}  {_origin(t):<{origin_width}}  "
                  f"{t.description}\n")  # fmt: skip
    return EXIT_OK


def _origin(template: Template) -> str:
    if template.replaces:
        return f"{template.origin} (replaces {template.replaces})"
    return template.origin


def _new(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    catalog = _catalog(_settings(err), err, quiet=True)
    try:
        template = catalog.get(args.template_id)
    except LookupError as exc:
        parser.error(str(exc.args[0]))
    draft = template.new_draft()
    if args.output is None:
        out.write(draft)
        return EXIT_OK
    try:
        with open(args.output, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(draft)
    except FileExistsError:
        print(f"asyncwriter: error: {args.output}: already exists; not overwriting it",
              file=err)  # fmt: skip
        return EXIT_USAGE
    except OSError as exc:
        from asyncwriter.os_errors import describe

        print(f"asyncwriter: error: {args.output}: cannot write ({describe(exc)})", file=err)
        return EXIT_USAGE
    print(f"asyncwriter: wrote {args.output} from template {template.id!r}", file=err)
    return EXIT_OK


def _config(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the settings in effect for a file and where each value came from."""
    from pathlib import Path

    from asyncwriter import project_config
    from asyncwriter.command_line.config_listing import listing

    merged = project_config.merged_for(Path(args.file))
    for problem in merged.settings.problems:
        print(f"asyncwriter: warning: {problem}", file=err)
    out.write(listing(merged))
    return EXIT_OK


def _rules(out: TextIO) -> int:
    from asyncwriter.checks import RULES

    width = max(len(rule_id) for rule_id in RULES)
    for rule in RULES.values():
        out.write(f"{rule.id:<{width}}  {rule.severity!s:<7}  {rule.rationale}\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
