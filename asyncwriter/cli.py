"""The ``asyncwriter`` command line: ``lint``, ``export``, ``rules``, ``templates``, ``new``.

With no command it opens the desktop editor.

``asyncwriter lint`` follows the lint contract in ``PRODUCT.md``: text or JSON output,
1-based line and column in both, exit 0 when no finding is an error, 1 when one is, and 2
for a usage error or input it cannot read. Bad input never ends in a traceback.
"""

from __future__ import annotations

import argparse
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
    from collections.abc import Sequence
    from datetime import tzinfo

    from asyncwriter.checks.grammar.checker import GrammarChecker
    from asyncwriter.checks.model import Report
    from asyncwriter.checks.spelling.checker import SpellingChecker
    from asyncwriter.settings import Settings
    from asyncwriter.templates import Catalog, Template

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="asyncwriter",
        usage="%(prog)s [-h] [--version] [--new-window] [FILE ...] | COMMAND ...",
        description="Write async messages a colleague in another time zone can act on. "
        "With no command it opens the editor window, each FILE as a new draft.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    window_args.add_new_window_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lint = sub.add_parser(
        "lint",
        help="check messages for a summary, an ask, a deadline with a zone, and links",
        description="Check messages (files, or - for stdin). Exit 0: no errors; 1: at least "
        "one error-severity finding; 2: usage error or unreadable input.",
    )
    lint.add_argument("paths", nargs="+", metavar="PATH", help="message files, or - for stdin")
    lint.add_argument("--format", choices=("text", "json"), default="text",
                      help="output format (default: text)")  # fmt: skip
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
        "one event per resolved deadline. Exit 2 on a usage error or unreadable input.",
    )
    export.add_argument("path", metavar="FILE", help="message file, or - for stdin")
    export.add_argument("--format", dest="fmt", metavar="FORMAT", required=True,
                        choices=(*FORMATS, "ics"),
                        help=f"one of {', '.join(FORMATS)}, ics")  # fmt: skip
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
    return parser


def _moment_options(parser: argparse.ArgumentParser, purpose: str) -> None:
    """Add --now and --tz, which fix how relative dates and unzoned times are read."""
    parser.add_argument("--now", metavar="ISO8601",
                        help=f"{purpose}the moment relative dates resolve against "
                        "(default: now)")  # fmt: skip
    parser.add_argument("--tz", metavar="ZONE",
                        help=f"{purpose}the writer's time zone (default: [time] zone in "
                        "settings.toml, else the system zone)")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if window_args.is_window_call(argv, _commands(parser)):
        return _window(window_args.request(argv))
    args = parser.parse_args(argv)
    if args.command == "lint":
        return _lint(parser, args, sys.stdout, sys.stderr)
    if args.command == "export":
        return _export(parser, args, sys.stdout, sys.stderr)
    if args.command == "when":
        return _when(parser, args, sys.stdout, sys.stderr)
    if args.command == "rules":
        return _rules(sys.stdout)
    if args.command == "templates":
        return _templates(args, sys.stdout, sys.stderr)
    if args.command == "new":
        return _new(parser, args, sys.stdout, sys.stderr)
    if args.command in ("install-desktop", "uninstall-desktop"):
        from asyncwriter.desktop_integration import run_command

        return run_command(args.command, sys.stdout, sys.stderr)
    return _window(window_args.request([]))


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    """Return the subcommands' names."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def _lint(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:

    config = _settings(err)
    now, tz = _now_and_zone(parser, args, config)
    if args.paths.count("-") > 1:
        parser.error("stdin (-) can be given only once")
    catalog = None
    chosen: Template | None = None
    if args.template:
        catalog = _catalog(config, err, quiet=True)
        try:
            chosen = catalog.get(args.template)
        except LookupError as exc:
            parser.error(str(exc.args[0]))

    checker = _grammar(config, err) if args.grammar else None
    spelling = None
    if args.spelling:
        from asyncwriter.checks.spelling.checker import embedded_checker
        from asyncwriter.team import known_words

        spelling = embedded_checker([*config.languagetool.words, *known_words(config.people)])
    try:
        status, results = _lint_each(args, config, catalog, chosen, now, tz, checker, spelling, err)
    finally:
        if checker is not None:
            checker.close()
    if args.format == "json":
        json.dump([report.to_json(path) for path, report in results], out, ensure_ascii=False,
                  indent=2)  # fmt: skip
        out.write("\n")
    else:
        for path, report in results:
            for item in report.to_json(path)["findings"]:
                out.write(f"{path}:{item['line']}:{item['column']}: {item['severity']} "
                          f"{item['rule']} {item['message']}\n")  # fmt: skip
    return status


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
    args: argparse.Namespace,
    config: Settings,
    catalog: Catalog | None,
    chosen: Template | None,
    now: datetime | None,
    tz: tzinfo,
    checker: GrammarChecker | None,
    spelling: SpellingChecker | None,
    err: TextIO,
) -> tuple[int, list[tuple[str, Report]]]:
    from asyncwriter import templates
    from asyncwriter.checks import lint

    status = EXIT_OK
    results: list[tuple[str, Report]] = []
    grammar_failed = False
    for path in args.paths:
        try:
            text = read_input(path)
        except InputError as exc:
            print(f"asyncwriter: error: {exc}", file=err)
            status = EXIT_USAGE
            continue
        template = chosen
        remembered = templates.template_id_of(text) if chosen is None else None
        if remembered is not None:
            catalog = catalog or _catalog(config, err, quiet=True)
            template = catalog.templates.get(remembered)
            if template is None:
                print(f"asyncwriter: warning: {_name(path)}: its template {remembered!r} is not "
                      "installed; checked without it", file=err)  # fmt: skip
        report = lint(
            text,
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
        if report.spelling is not None and report.spelling.error is not None:
            # Said once, in one line: the other checks ran, and later inputs skip spelling.
            print(f"asyncwriter: warning: {report.spelling.error}; spelling not checked "
                  "(--no-spelling leaves it out)", file=err)  # fmt: skip
            spelling = None
        if report.grammar is not None and report.grammar.error is not None:
            print(
                f"asyncwriter: warning: --grammar: {report.grammar.error}; grammar not "
                f"checked for {_name(path)}",
                file=err,
            )
            grammar_failed = not report.grammar.error.retry
        results.append((_name(path), report))
        if report.has_errors() and status == EXIT_OK:
            status = EXIT_FINDINGS
    return status, results


def _export(
    parser: argparse.ArgumentParser, args: argparse.Namespace, out: TextIO, err: TextIO
) -> int:
    from asyncwriter import export, templates

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
    if remembered and args.fmt == "email":
        catalog = _catalog(_settings(err), err, quiet=True)
        try:
            template = catalog.get(remembered)
        except LookupError as exc:
            if args.template:
                parser.error(str(exc.args[0]))
            print(f"asyncwriter: warning: {_name(args.path)}: its template {remembered!r} "
                  "is not installed; the subject prefix comes from the text", file=err)  # fmt: skip
    rendered = export.render(text, args.fmt, subject=args.subject, template=template)
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
    listed = catalog.sorted()
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


def _rules(out: TextIO) -> int:
    from asyncwriter.checks import RULES

    width = max(len(rule_id) for rule_id in RULES)
    for rule in RULES.values():
        out.write(f"{rule.id:<{width}}  {rule.severity!s:<7}  {rule.rationale}\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
