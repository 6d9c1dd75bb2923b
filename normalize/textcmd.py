"""``normalize text``: find, tag or replace mentions in files, streaming.

Input is read as UTF-8 bytes line by line and cut into blocks: a block
ends at a blank line once it holds ``BLOCK_CHARS`` characters, or at any
line end once it holds ``4 * BLOCK_CHARS``.  Each block is one document for
:meth:`~normalize.normalizer.Normalizer.find` (a surname alone links to a
full name earlier in the same block), so memory stays constant on any input
and ``--jobs N`` (N worker processes, results written in input order) gives
the same output as one process.

Output is byte-identical to the input outside the mentions replaced or
tagged: line endings, a BOM, the trailing newline and whitespace are kept.
Files given on the command line are checked (readable, not binary, valid
UTF-8) before anything is written, and output files are written to a
temporary file and renamed, so an error never leaves half a file; a binary
file is skipped with a message.
"""

from __future__ import annotations

import bisect
import json
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from .errors import InputError
from .mentions import Mention
from .normalizer import Normalizer, load
from .textio import atomic_output, read_lines

BLOCK_CHARS = 256 * 1024
FORMATS = ("replace", "tag", "jsonl")


@dataclass(frozen=True)
class Options:
    """What the workers need to rebuild the normalizer and do the job."""

    gazetteer: tuple[str, ...]
    bundled: bool
    format: str
    lang: str
    kinds: tuple[str, ...] | None
    overlap: str
    input_format: str
    text_field: str


@dataclass(frozen=True)
class Block:
    source: str
    text: str
    line: int  # 1-based line number of the block's first line
    offset: int  # character offset of the block in its source


# ------------------------------------------------------------------ reading
def blocks(path: str, errors: str) -> Iterator[Block]:
    """The blocks of *path* (see the module docstring)."""
    name = "<stdin>" if path == "-" else path
    lines: list[str] = []
    size = 0
    line_no = 1
    offset = 0
    first_line = 1
    for line in read_lines(path, errors=errors):
        lines.append(line)
        size += len(line)
        line_no += 1
        if (size >= BLOCK_CHARS and not line.strip()) or size >= 4 * BLOCK_CHARS:
            yield Block(name, "".join(lines), first_line, offset)
            offset += size
            lines, size, first_line = [], 0, line_no
    if lines:
        yield Block(name, "".join(lines), first_line, offset)


def records(path: str, errors: str) -> Iterator[Block]:
    """Each line of a JSON-lines *path* as a block (the record, unparsed)."""
    name = "<stdin>" if path == "-" else path
    for n, line in enumerate(read_lines(path, errors=errors), 1):
        if line.strip():
            yield Block(name, line, n, 0)


def check_file(path: str) -> None:
    """Read *path* through once: raise :class:`InputError` if it is missing,
    unreadable, binary or not UTF-8, before any output is written."""
    for _line in read_lines(path):
        pass


# ---------------------------------------------------------------- the work
_WORKER: tuple[Normalizer, Options] | None = None


def _set(gaz: Normalizer, opts: Options) -> None:
    global _WORKER
    _WORKER = (gaz, opts)


def work(block: Block) -> tuple[bytes, Counter[tuple[str, str]]]:
    """Process one block: the output bytes and the mentions counted by
    (kind, id)."""
    assert _WORKER is not None
    gaz, opts = _WORKER
    if opts.input_format == "jsonl":
        return _work_record(gaz, opts, block)
    text = block.text
    mentions = gaz.find(text, kinds=opts.kinds, overlap=opts.overlap)
    counts = Counter((m.kind, m.id) for m in mentions)
    if opts.format == "jsonl":
        return _jsonl(block, text, mentions, None), counts
    return _render(gaz, opts, text, mentions).encode("utf-8"), counts


def _render(gaz: Normalizer, opts: Options, text: str, mentions: list[Mention]) -> str:
    return gaz.render(text, mentions, style=opts.format, lang=opts.lang, kinds=opts.kinds)


def _work_record(gaz: Normalizer, opts: Options,
                 block: Block) -> tuple[bytes, Counter[tuple[str, str]]]:
    try:
        record = json.loads(block.text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{block.source}:{block.line}: not JSON: {exc.msg}") from None
    if not isinstance(record, dict) or not isinstance(record.get(opts.text_field), str):
        raise InputError(f"{block.source}:{block.line}: no string field {opts.text_field!r}")
    text = record[opts.text_field]
    mentions = gaz.find(text, kinds=opts.kinds, overlap=opts.overlap)
    counts = Counter((m.kind, m.id) for m in mentions)
    if opts.format == "jsonl":
        return _jsonl(block, text, mentions, block.line), counts
    record[opts.text_field] = _render(gaz, opts, text, mentions)
    ending = "\r\n" if block.text.endswith("\r\n") else "\n"
    return (json.dumps(record, ensure_ascii=False) + ending).encode("utf-8"), counts


def _jsonl(block: Block, text: str, mentions: list[Mention], record: int | None) -> bytes:
    newlines = [i for i, ch in enumerate(text) if ch == "\n"] if record is None else []
    out = []
    for m in mentions:
        rec: dict[str, Any] = {"source": block.source}
        if record is not None:
            rec["record"] = record
            rec["start"], rec["end"] = m.start, m.end
        else:
            k = bisect.bisect_left(newlines, m.start)
            line_start = newlines[k - 1] + 1 if k else 0
            rec["line"] = block.line + k
            rec["column"] = m.start - line_start
            rec["start"], rec["end"] = block.offset + m.start, block.offset + m.end
        rec.update(text=m.text, id=m.id, kind=m.kind, name=m.name, score=m.score,
                   method=m.method)
        out.append(json.dumps(rec, ensure_ascii=False) + "\n")
    return "".join(out).encode("utf-8")


# --------------------------------------------------------------- the runner
def run(sources: list[str], *, output: str | None, in_place: bool, opts: Options,
        jobs: int, errors: str, stats: bool, progress: bool | None = None) -> int:
    """Process *sources* (``-`` is stdin); return the exit status."""
    status = 0
    files = [s for s in sources if s != "-"]
    if in_place and (not files or len(files) != len(sources)):
        raise InputError("--in-place needs files, not stdin")
    good: list[str] = []
    for path in sources:
        if path == "-" or errors == "replace":
            good.append(path)
            continue
        try:
            check_file(path)
            good.append(path)
        except InputError as exc:
            if "binary file" in str(exc):
                print(f"normalize: skipped: {exc}", file=sys.stderr)
                status = 1
                continue
            raise
    gaz = load(*opts.gazetteer, bundled=opts.bundled)
    gaz.find("")  # build the index once, before workers fork
    counts: Counter[tuple[str, str]] = Counter()
    total = sum(os.path.getsize(p) for p in good if p != "-")
    bar = _progress(total, progress)
    pool = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(
        jobs, initializer=_set, initargs=(gaz, opts)) if jobs > 1 else None
    _set(gaz, opts)
    try:
        if in_place:
            for path in good:
                with atomic_output(path) as out:
                    _stream(_blocks_of([path], opts, errors), out, pool, jobs, counts, bar)
        else:
            with atomic_output(output) as out:
                _stream(_blocks_of(good, opts, errors), out, pool, jobs, counts, bar)
    finally:
        if pool is not None:
            pool.terminate()
        if bar is not None:
            bar.close()
    if stats:
        _print_stats(counts, gaz)
    return status


def _blocks_of(paths: list[str], opts: Options, errors: str) -> Iterator[Block]:
    for p in paths:
        if opts.input_format == "jsonl":
            yield from records(p, errors)
        else:
            yield from blocks(p, errors)


def _stream(source: Iterable[Block], out: BinaryIO, pool: Any, jobs: int,
            counts: Counter[tuple[str, str]], bar: Any) -> None:
    if pool is None:
        for block in source:
            data, c = work(block)
            out.write(data)
            counts.update(c)
            if bar is not None:
                bar.update(len(block.text.encode("utf-8")))
        return
    # at most a few blocks per worker in flight: constant memory, order kept
    pending: list[tuple[Block, Any]] = []
    limit = 2 * jobs
    for block in source:
        pending.append((block, pool.apply_async(work, (block,))))
        if len(pending) >= limit:
            _drain(pending.pop(0), out, counts, bar)
    while pending:
        _drain(pending.pop(0), out, counts, bar)


def _drain(item: tuple[Block, Any], out: BinaryIO, counts: Counter[tuple[str, str]],
           bar: Any) -> None:
    block, result = item
    data, c = result.get()
    out.write(data)
    counts.update(c)
    if bar is not None:
        bar.update(len(block.text.encode("utf-8")))


def _progress(total: int, wanted: bool | None) -> Any:
    if wanted is False or (wanted is None and not sys.stderr.isatty()) or total < 1 << 20:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, desc="normalize", file=sys.stderr)


def _print_stats(counts: Counter[tuple[str, str]], gaz: Normalizer) -> None:
    by_kind: Counter[str] = Counter()
    for (kind, _id), n in counts.items():
        by_kind[kind] += n
    err = sys.stderr
    print(f"mentions: {sum(counts.values())}", file=err)
    for kind, n in by_kind.most_common():
        print(f"  {kind:<8} {n}", file=err)
    print("by entity:", file=err)
    for (_kind, eid), n in counts.most_common():
        print(f"  {n:>7}  {eid}  {gaz.entity(eid).name}", file=err)
