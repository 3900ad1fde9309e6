"""``python -m asyncwriter`` runs the same entry point as the ``asyncwriter`` command."""

from __future__ import annotations

import sys

from asyncwriter.cli import main

sys.exit(main())
