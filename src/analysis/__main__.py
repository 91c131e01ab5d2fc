"""``python -m analysis``: see :mod:`analysis.cli`."""
import sys

from .cli import run

sys.exit(run())
