"""``python -m interlingua``: the command-line interface."""

from ._cli import main

raise SystemExit(main())
