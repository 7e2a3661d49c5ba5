"""Entry point of the packaged app (PyInstaller): `cwgdraft.gui.app:main`."""

from __future__ import annotations

import sys

from cwgdraft.gui.app import main

if __name__ == "__main__":
    sys.exit(main())
