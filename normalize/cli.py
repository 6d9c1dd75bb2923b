"""The ``normalize`` command line.

Subcommands::

    normalize translit [-s SCHEME] [-o OUT] [FILE|-]   Cyrillic → Latin, line by line
    normalize detranslit [-s SCHEME|LANG|auto] [-n N] [WORD ...]
                                                       Latin → ranked Cyrillic
    normalize schemes [--json]                         list the schemes
    normalize match [--json] [--candidates N] [NAME ...] resolve names (or stdin lines)
    normalize text [FILE ...|-] [-o OUT | --in-place] [--format replace|tag|jsonl]
                                                       find mentions in running text
    normalize gazetteer check [--no-bundled] [FILE ...] check gazetteer files
    normalize gazetteer stats [--json]                 counts by kind and language
    normalize gazetteer export [--format jsonl|csv] [-o OUT]
                                                       one row per entity and name

Every error is one line on stderr and a non-zero exit (2 usage, 1 other).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .detranslit import detransliterate
from .errors import InputError, NormalizeError
from .schemes import REGISTRY, schemes
from .textio import atomic_output, read_lines
from .translit import transliterator


def _cmd_translit(args: argparse.Namespace) -> int:
    fn = transliterator(args.scheme)
    from .letters import nfc_cyrillic

    with atomic_output(args.output) as out:
        for line in read_lines(args.file):
            out.write(fn(nfc_cyrillic(line)).encode("utf-8"))
    return 0


def _cmd_detranslit(args: argparse.Namespace) -> int:
    words = args.words or [line.rstrip("\r\n") for line in read_lines("-")]
    out = sys.stdout.buffer
    for word in words:
        if not word.strip():
            continue
        cands = detransliterate(word, args.scheme, limit=args.limit)
        out.write(f"{word}\t{chr(9).join(cands)}\n".encode())
    return 0


def _cmd_schemes(args: argparse.Namespace) -> int:
    rows = schemes()
    out = sys.stdout.buffer
    if args.json:
        for s in rows:
            rec = {
                "name": s.name, "aliases": list(s.aliases), "language": s.language,
                "kind": s.kind, "press": s.press, "reversible": s.reversible,
                "description": s.description, "source": s.source,
            }
            out.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
        return 0
    width = max(len(s.name) for s in rows)
    for s in rows:
        flag = "reversible" if s.reversible else s.kind
        aliases = ", ".join(s.aliases)
        line = f"{s.name:<{width}}  {s.language}  {flag:<10}  {s.description}"
        if aliases:
            line += f" [aliases: {aliases}]"
        out.write((line + "\n").encode("utf-8"))
    return 0


def _cmd_gaz_check(args: argparse.Namespace) -> int:
    from .gazetteer import read_paths
    from .paths import gazetteer_dir

    sources = ([] if args.no_bundled else [gazetteer_dir()]) + list(args.files)
    if not sources:
        raise InputError("nothing to check: give files, or drop --no-bundled")
    entities, problems = read_paths(sources)
    for p in problems:
        print(p, file=sys.stderr)
    files = len({e.source for e in entities})
    print(f"{len(entities)} entities in {files} files, {len(problems)} problems",
          file=sys.stderr)
    return 1 if problems else 0


def _cmd_gaz_stats(args: argparse.Namespace) -> int:
    from .normalizer import load

    stats = load(*args.files, bundled=not args.no_bundled).stats()
    out = sys.stdout
    if args.json:
        out.write(json.dumps(stats, ensure_ascii=False) + "\n")
        return 0
    total = sum(stats["kinds"].values())
    out.write(f"entities: {total}\n")
    for kind, n in stats["kinds"].items():
        out.write(f"  {kind:<8} {n}\n")
    out.write(f"names by language: {sum(stats['languages'].values())}\n")
    for lang, n in stats["languages"].items():
        out.write(f"  {lang:<8} {n}\n")
    return 0


def _cmd_match(args: argparse.Namespace) -> int:
    from .normalizer import load

    gaz = load(*args.gazetteer, bundled=not args.no_bundled)
    kinds = args.kinds.split(",") if args.kinds else None
    names = args.names or [line.rstrip("\r\n") for line in read_lines("-")]
    out = sys.stdout.buffer
    for name in names:
        if not name.strip():
            continue
        if args.candidates:
            found = gaz.candidates(name, kinds=kinds, limit=args.candidates)
        else:
            m = gaz.resolve(name, kinds=kinds)
            found = [m] if m else []
        if args.json:
            rec = {"query": name, "matches": [
                {"id": m.id, "kind": m.kind, "name": m.name, "score": m.score,
                 "method": m.method, "variant": m.variant, "rule": m.rule} for m in found]}
            out.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
        elif not found:
            out.write(f"{name}\t-\n".encode())
        else:
            for m in found:
                out.write(f"{name}\t{m.id}\t{m.score:.2f}\t{m.method}\t{m.name}\n".encode())
    return 0


def _cmd_text(args: argparse.Namespace) -> int:
    from .textcmd import Options, run

    if args.output and args.in_place:
        raise InputError("give -o or --in-place, not both")
    if args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    opts = Options(
        gazetteer=tuple(args.gazetteer), bundled=not args.no_bundled, format=args.format,
        lang=args.lang, kinds=tuple(args.kinds.split(",")) if args.kinds else None,
        overlap=args.overlap, input_format=args.input_format, text_field=args.text_field)
    return run(args.files or ["-"], output=args.output, in_place=args.in_place, opts=opts,
               jobs=args.jobs, errors=args.errors, stats=args.stats,
               progress=False if args.no_progress else None)


EXPORT_FIELDS = ("id", "kind", "canonical", "lang", "name", "role", "country", "type", "parent")


def _cmd_gaz_export(args: argparse.Namespace) -> int:
    import csv
    import io

    from .normalizer import load

    gaz = load(*args.files, bundled=not args.no_bundled)
    with atomic_output(args.output) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
        writer = csv.writer(out) if args.format == "csv" else None
        if writer is not None:
            writer.writerow(EXPORT_FIELDS)
        for e in gaz:
            for lang, name, role in e.all_names():
                row = (e.id, e.kind, e.name, lang, name, role, e.country or "", e.type or "",
                       e.parent or "")
                if writer is not None:
                    writer.writerow(row)
                else:
                    out.write(json.dumps(dict(zip(EXPORT_FIELDS, row, strict=True)),
                                         ensure_ascii=False) + "\n")
        out.detach()
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"normalize: error: {message} (see 'normalize --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    p = _Parser(prog="normalize", description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"normalize {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    t = sub.add_parser("translit", help="transliterate Cyrillic text to Latin, line by line")
    t.add_argument("file", nargs="?", default="-", help="input file (default: stdin)")
    t.add_argument("-s", "--scheme", default="wikipedia", help="scheme name or alias")
    t.add_argument("-o", "--output", help="output file, written atomically (default: stdout)")
    t.set_defaults(func=_cmd_translit)

    d = sub.add_parser("detranslit", help="Latin spellings → ranked Cyrillic candidates")
    d.add_argument("words", nargs="*", help="words or names (default: one per line on stdin)")
    d.add_argument("-s", "--scheme", default="auto",
                   help="scheme, press language (de, fr, …), source language or auto")
    d.add_argument("-n", "--limit", type=int, default=5, help="candidates per input")
    d.set_defaults(func=_cmd_detranslit)

    s = sub.add_parser("schemes", help="list the transliteration schemes")
    s.add_argument("--json", action="store_true", help="one JSON object per line")
    s.set_defaults(func=_cmd_schemes)

    m = sub.add_parser("match", help="resolve names to gazetteer entities")
    m.add_argument("names", nargs="*", help="names (default: one per line on stdin)")
    m.add_argument("--json", action="store_true", help="one JSON object per name")
    m.add_argument("--candidates", type=int, default=0, metavar="N",
                   help="show up to N ranked candidates instead of the one match")
    m.add_argument("--kinds", help="comma-separated kinds (agency,unit,place,person,media,org)")
    m.add_argument("--gazetteer", nargs="*", default=[], help="your own gazetteer files")
    m.add_argument("--no-bundled", action="store_true", help="only --gazetteer files")
    m.set_defaults(func=_cmd_match)

    x = sub.add_parser("text", help="find, tag or replace mentions in running text")
    x.add_argument("files", nargs="*", help="input files (default or '-': stdin)")
    x.add_argument("-o", "--output", help="output file, written atomically (default: stdout)")
    x.add_argument("--in-place", action="store_true",
                   help="rewrite each file (temporary file and atomic rename)")
    x.add_argument("--format", choices=("replace", "tag", "jsonl"), default="replace",
                   help="replace mentions by names, tag them [[surface|id]], or list them "
                        "as JSON lines (default: replace)")
    x.add_argument("--lang", default="en", help="language of the names written by replace")
    x.add_argument("--kinds", help="comma-separated kinds (agency,unit,place,person,media,org)")
    x.add_argument("--overlap", choices=("longest", "all"), default="longest")
    x.add_argument("--gazetteer", nargs="*", default=[], help="your own gazetteer files")
    x.add_argument("--no-bundled", action="store_true", help="only --gazetteer files")
    x.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    x.add_argument("--input-format", choices=("text", "jsonl"), default="text")
    x.add_argument("--text-field", default="text", help="the text field of JSON-lines input")
    x.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="invalid UTF-8: stop with an error (default) or read it as U+FFFD")
    x.add_argument("--stats", action="store_true",
                   help="print mentions by kind and entity to stderr at the end")
    x.add_argument("--no-progress", action="store_true", help="no progress bar")
    x.set_defaults(func=_cmd_text)

    g = sub.add_parser("gazetteer", help="check, count or export the gazetteer")
    gsub = g.add_subparsers(dest="action", required=True, parser_class=_Parser)
    for name, func, text in (
        ("check", _cmd_gaz_check, "check gazetteer files (exit 1 on any problem)"),
        ("stats", _cmd_gaz_stats, "count entities by kind and names by language"),
        ("export", _cmd_gaz_export, "one row per entity and name, as JSON lines or CSV"),
    ):
        c = gsub.add_parser(name, help=text)
        c.add_argument("files", nargs="*", help="the user's gazetteer files or folders")
        c.add_argument("--no-bundled", action="store_true",
                       help="only the files given, not the bundled gazetteer")
        c.set_defaults(func=func)
        if name == "stats":
            c.add_argument("--json", action="store_true", help="one JSON object")
        if name == "export":
            c.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
            c.add_argument("-o", "--output", help="output file, written atomically")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if getattr(args, "scheme", None) and args.command == "translit":
            REGISTRY.get(args.scheme)  # fail before any output is opened
        status: int = args.func(args)
        return status
    except NormalizeError as exc:
        print(f"normalize: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader went away (normalize ... | head): stop quietly, and keep
        # Python from complaining when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("normalize: interrupted", file=sys.stderr)
        return 130
