"""The desktop app (PySide6). The only package of cwgdraft that imports Qt."""
