"""``python -m normalize``: the same as the ``normalize`` command."""

from .cli import main

raise SystemExit(main())
