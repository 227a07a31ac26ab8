"""The command line: thin click commands that parse arguments and hand off to the library."""

from __future__ import annotations

from .main import main

__all__ = ["main"]
