"""Load every scheme table and check its samples; print each mismatch.

    python tools/check_schemes.py [NAME ...]

Exit status 1 if any table fails to load or any sample differs.  The test
suite runs the same check; this script is for editing tables.
"""

import sys

sys.path.insert(0, ".")
from normalize.errors import NormalizeError
from normalize.schemes import REGISTRY
from normalize.translit import transliterate


def main(names: list[str]) -> int:
    try:
        tables = REGISTRY.tables()
    except NormalizeError as exc:
        print(f"error: {exc}")
        return 1
    bad = 0
    for t in tables:
        if names and t.info.name not in names:
            continue
        for cyr, lat in t.samples:
            got = transliterate(cyr, t.info.name)
            if got != lat:
                bad += 1
                print(f"{t.info.name}: {cyr!r}\n   want {lat!r}\n   got  {got!r}")
    print(f"{len(tables)} tables, {bad} sample mismatches")
    return 1 if bad else 0


raise SystemExit(main(sys.argv[1:]))
