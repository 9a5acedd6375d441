"""Command line: ``mou-drafter [COMMAND] ...``. With no command, the desktop app starts.

Start-up order: parse the arguments first and import only what the chosen command needs; the
engine commands never import Qt. User errors print one clear message (no traceback) and exit
with 1 (validation errors) or 2 (usage or file errors).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .document import LAYOUTS
from .errors import MouDrafterError, UsageError

EXAMPLES = {
    "render": "example:\n  mou-drafter render seeds/minutes-dakglei-xanxay-dakcheung-2023.moud -o minutes.docx "
    "--layout side-by-side --languages vi,lo",
    "validate": "example:\n  mou-drafter validate my-mou.moud\n"
    "  mou-drafter validate --json --ui-language vi my-mou.moud > findings.json",
    "terms": "example:\n  mou-drafter terms",
    "new": "example:\n  mou-drafter new --kind minutes -o conference-2024.moud",
    "templates": "example:\n  mou-drafter templates",
    "schema": "example:\n  mou-drafter schema > draft.schema.json",
    "compare": "examples:\n  mou-drafter compare mou@1.0 mou@1.1 --language lo -o changes.html\n"
    "  mou-drafter compare mou@1.0 mou@1.1 --draft seeds/mou-dakglei-xanxay-dakcheung-2024-2028.moud "
    "-o redline.docx",
    "lint-templates": "example:\n  mou-drafter lint-templates templates/mou/1.1",
    "import": "examples:\n  mou-drafter import minutes-2023.docx -o minutes-2023.moud\n"
    "  mou-drafter import --report minutes-2023-reviewed.docx\n"
    "  mou-drafter import minutes-2023-reviewed.docx --take-back -o minutes-2023.moud",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse prints usage + message, exits 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _languages(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mou-drafter",
        description="Draft bilingual Vietnamese-Lao MoUs and conference minutes and export them to Word. "
        "Without a command, the desktop app opens.",
        epilog="example:\n  mou-drafter render seeds/mou-dakglei-xanxay-dakcheung-2024-2028.moud -o mou.docx",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mou-drafter {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="render every sample in every layout, reopen the files, check fonts, templates and "
        "locale data; print a report and exit 0 or 1",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXAMPLES.get(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    p = command("render", "render a draft to DOCX, HTML or plain text")
    p.add_argument("draft", metavar="DRAFT", help="draft file (.moud)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file; with --layout separate, "
        "one file per language is written beside it (OUT.vi.docx, OUT.lo.docx)",
    )
    p.add_argument(
        "--layout",
        default="side-by-side",
        metavar="|".join(LAYOUTS),
        help="side-by-side: one column per language; sequential: one language after another; "
        "separate: one file per language (default: side-by-side)",
    )
    p.add_argument(
        "--languages",
        type=_languages,
        metavar="vi,lo,en",
        help="document languages (default: those of the draft)",
    )
    p.add_argument(
        "--format",
        dest="fmt",
        metavar="docx|pdf|html|txt",
        help="output format (default: from the extension of OUT); pdf needs LibreOffice (or Word on Windows)",
    )
    p.add_argument(
        "--originals",
        default="shared",
        metavar="shared|alternat",
        help="alternat: one original per party, each with that party's language, name and signature "
        "block first, written beside OUT as OUT.<party id>.docx (default: shared, one document)",
    )
    p.add_argument("--pdf-a", action="store_true", help="with --format pdf: PDF/A-2b, for archiving")
    p.add_argument("--template", metavar="NAME@VERSION", help="template to use (default: the draft's)")
    p.add_argument(
        "--lao-zwsp",
        action="store_true",
        help="put zero-width spaces between Lao words, for programs that cannot break Lao lines",
    )
    p.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="render even if the draft has validation errors or texts missing in an exported "
        "language (they show as ……)",
    )

    p = command("validate", "check a draft and list errors, warnings and information with their field paths")
    p.add_argument("draft", metavar="DRAFT")
    p.add_argument("--ui-language", choices=["en", "vi", "lo"], default="en", help="language of the messages")
    p.add_argument(
        "--json",
        action="store_true",
        help='print the findings as a JSON list of {"severity", "path", '
        '"code", "message"} (exit code as without --json)',
    )

    command("terms", "print the approved term list in use (vi, lo, en) and where each entry comes from")

    p = command("new", "create a new empty draft file, or next year's draft from an exported document")
    p.add_argument("--kind", choices=["mou", "minutes"])
    p.add_argument(
        "--from",
        dest="source",
        metavar="FILE.docx|DRAFT",
        help="start from this document (an exported DOCX or a draft): the same parties and areas, "
        "dates cleared, the conference ordinal one higher, the newest approved template",
    )
    p.add_argument("-o", "--output", required=True, metavar="DRAFT")
    p.add_argument(
        "--languages", type=_languages, metavar="vi,lo,en", help="document languages (default vi,lo)"
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")

    command("templates", "list the available templates (name, version, status, folder)")

    p = command("import", "restore the draft an exported DOCX carries; list what was changed in Word")
    p.add_argument("docx", metavar="FILE.docx")
    p.add_argument("-o", "--output", metavar="DRAFT", help="write the draft here (.moud)")
    p.add_argument(
        "--report",
        action="store_true",
        help="list what was changed in Word since export, per clause and language",
    )
    p.add_argument(
        "--take-back",
        action="store_true",
        help="with -o: write the changes of typed texts into the draft and keep edited template "
        "wording as the draft's own",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing draft file")

    p = command("compare", "compare two template versions clause by clause, word by word")
    p.add_argument("old", metavar="NAME@OLD")
    p.add_argument("new", metavar="NAME@NEW")
    p.add_argument("--language", default="vi", choices=["vi", "lo", "en"])
    p.add_argument(
        "--draft",
        metavar="DRAFT",
        help="render both versions with this draft's data "
        "(default: compare the template text with its placeholders)",
    )
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="OUT.html (side by side), OUT.docx (tracked changes) or OUT.txt",
    )

    p = command("lint-templates", "check templates: syntax, unknown names, clause ids across languages")
    p.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="a template version folder or a folder of templates (default: all template folders)",
    )
    command("schema", "print the JSON Schema of draft files")
    return parser


def _print_issues(issues: list, ui_language: str = "en") -> None:
    for issue in issues:
        print(f"{issue.severity}: {issue.path}: {issue.message(ui_language)}", file=sys.stderr)


def cmd_render(args: argparse.Namespace) -> int:
    from .api import (
        RenderOptions,
        check_output_path,
        export_problems,
        format_for,
        load_draft,
        render_to_path,
        validate_draft,
    )
    from .settings import load_settings, template_library

    check_output_path(args.output, source=args.draft)  # before anything else: never over the draft
    settings = load_settings()
    options = RenderOptions(
        layout=args.layout,
        languages=args.languages,
        fonts=settings.fonts,
        lao_zero_width_spaces=args.lao_zwsp,
        template=args.template or "",
        originals=args.originals,
        pdf_a=args.pdf_a,
    )
    fmt = format_for(args.output, args.fmt)
    draft = load_draft(args.draft)
    issues = validate_draft(draft)
    # What this export would print wrong: texts missing in an exported language ("……"), English
    # prevailing without English. The draft's own missing translations are warnings of validate.
    problems = export_problems(draft, args.languages)
    reported = {(i.path, i.code) for i in problems}
    errors = [i for i in issues if i.severity == "error"] + problems
    warnings = [
        i for i in issues if i.severity == "warning" and (i.path, "missing_in_export") not in reported
    ]
    if errors and not args.allow_incomplete:
        _print_issues(errors + warnings)
        print(f"{args.draft}: not rendered: fix the errors above or use --allow-incomplete", file=sys.stderr)
        return 1
    _print_issues(warnings if not args.allow_incomplete else errors + warnings)
    written = render_to_path(
        draft, args.output, options, fmt=fmt, library=template_library(settings), source=args.draft
    )
    for path in written:
        print(path)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .api import document_checks, has_errors, issues_as_json, load_draft, validate_draft
    from .settings import template_library

    draft = load_draft(args.draft)
    library = template_library()
    issues = validate_draft(draft, library=library) + document_checks(draft, library=library)
    if args.json:
        print(json.dumps(issues_as_json(issues, args.ui_language), ensure_ascii=False, indent=2))
        return 1 if has_errors(issues) else 0
    _print_issues(issues, args.ui_language)
    counts = {
        severity: sum(1 for i in issues if i.severity == severity)
        for severity in ("error", "warning", "info")
    }
    print(
        f"{args.draft}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)"
    )
    return 1 if has_errors(issues) else 0


def cmd_terms(args: argparse.Namespace) -> int:
    from .api import term_list
    from .settings import template_library

    terms = term_list(template_library())
    header = ("VI", "LO", "EN", "SOURCE")
    rows = [(t.label("vi"), t.label("lo"), t.label("en"), f"{t.source} {t.file}:{t.line}") for t in terms]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    print(f"{len(rows)} term(s)", file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from .api import load_draft, new_draft, next_draft, open_docx, save_draft
    from .settings import template_library

    if os.path.exists(args.output) and not args.force:
        raise UsageError(f"{args.output} already exists; use --force to overwrite it")
    if args.source:
        library = template_library()
        source = (
            open_docx(args.source).draft if args.source.lower().endswith(".docx") else load_draft(args.source)
        )
        draft, moved_from = next_draft(source, library=library)
        print(save_draft(draft, args.output))
        if moved_from is not None:
            print(
                f"template moved from {moved_from.ref} to {draft.template}: "
                f"mou-drafter compare {moved_from.ref} {draft.template} -o changes.html shows what changed",
                file=sys.stderr,
            )
        return 0
    if not args.kind:
        raise UsageError("give --kind mou|minutes, or --from FILE to start from a document")
    try:
        draft = new_draft(args.kind, args.languages, library=template_library())
    except ValueError as exc:
        raise UsageError(f"--languages: {exc}") from None
    print(save_draft(draft, args.output))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .api import docx_edits, edits_report, open_docx, save_draft, take_back
    from .settings import template_library

    if not args.output and not args.report:
        raise UsageError(
            "give -o DRAFT.moud to write the draft, and/or --report to list the changes made in Word"
        )
    if args.take_back and not args.output:
        raise UsageError("--take-back writes the draft: give -o DRAFT.moud")
    if args.output and os.path.exists(args.output) and not args.force:
        raise UsageError(f"{args.output} already exists; use --force to overwrite it")
    imported = open_docx(args.docx)
    edits = docx_edits(imported, library=template_library()) if args.report or args.take_back else None
    if args.report and edits is not None:
        print(edits_report(edits), end="")
    if args.output:
        draft = imported.draft
        if args.take_back and edits is not None:
            draft, notes = take_back(edits)
            for note in notes:
                print(f"not taken back: {note}", file=sys.stderr)
        print(save_draft(draft, args.output))
    return 0


def cmd_templates(args: argparse.Namespace) -> int:
    from .api import list_templates, template_problems
    from .settings import template_library

    library = template_library()
    rows = [
        (
            t.manifest.name,
            t.manifest.version,
            t.manifest.status,
            t.manifest.date.isoformat(),
            t.source,
            str(t.folder),
        )
        for t in list_templates(library)
    ]
    header = ("NAME", "VERSION", "STATUS", "DATE", "SOURCE", "FOLDER")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
    for problem in template_problems(library):  # skipped, so the others can be used: said, not hidden
        print(f"mou-drafter: skipped ({problem.source} folder): {problem}", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .api import draft_schema

    print(json.dumps(draft_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .api import compare_versions, comparison_summary, load_draft, write_comparison
    from .settings import load_settings, template_library

    if not args.output.lower().endswith((".html", ".docx", ".txt")):
        raise UsageError(f"{args.output}: the output must end in .html, .docx or .txt")
    settings = load_settings()
    draft = load_draft(args.draft) if args.draft else None
    comparison = compare_versions(
        args.old, args.new, args.language, draft, library=template_library(settings)
    )
    out = write_comparison(comparison, args.output, fonts=settings.fonts, source=args.draft)
    print(comparison_summary(comparison))
    print(out)
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    from .api import lint_templates
    from .settings import template_library

    findings = lint_templates(args.path, library=template_library())
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} problem(s)", file=sys.stderr)
        return 1
    print("templates are clean", file=sys.stderr)
    return 0


COMMANDS = {
    "compare": cmd_compare,
    "import": cmd_import,
    "lint-templates": cmd_lint,
    "render": cmd_render,
    "validate": cmd_validate,
    "new": cmd_new,
    "templates": cmd_templates,
    "terms": cmd_terms,
    "schema": cmd_schema,
}


def start_gui(argv: Sequence[str]) -> int:
    try:
        from .gui.app import run
    except ImportError as exc:
        print(
            f"mou-drafter: the desktop app is not available ({exc}); the command line works: "
            "mou-drafter --help",
            file=sys.stderr,
        )
        return 2
    return run(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # a draft or an exported Word file opens in the app (Windows: "Open with"; DRAFT.MOUD opens too)
    if not args_list or args_list[0].lower().endswith((".moud", ".docx")):
        return start_gui(args_list)
    args = parser.parse_args(args_list)
    if args.self_test:
        from .self_test import run_self_test

        return run_self_test()
    if args.command is None:
        return start_gui([])
    from .logs import setup_logging

    log_file = setup_logging()
    try:
        return COMMANDS[args.command](args)
    except MouDrafterError as exc:
        print(f"mou-drafter: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an internal error: say so plainly, keep the traceback for debugging
        import logging

        logging.getLogger(__name__).exception("internal error in 'mou-drafter %s'", args.command)
        if os.environ.get("MOU_DRAFTER_DEBUG"):
            raise
        print(
            f"mou-drafter: internal error: {type(exc).__name__}: {exc}\n"
            f"Please report it with the draft file and the log {log_file}; set MOU_DRAFTER_DEBUG=1 to see "
            "details.",
            file=sys.stderr,
        )
        return 70
    finally:
        _say_settings_notices()


def _say_settings_notices() -> None:
    """A damaged or unreadable settings file, said once (only if a command read the settings)."""
    if "mou_drafter.settings" in sys.modules:
        from .settings import settings_notices

        for notice in settings_notices():
            print(f"mou-drafter: warning: {notice}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
