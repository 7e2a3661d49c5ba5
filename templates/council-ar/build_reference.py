"""Build reference.docx beside this script: `python templates/council-ar/build_reference.py`.

The styles, fonts, sizes and page setup are in `cwgdraft/formats/reference.py`.
"""

from pathlib import Path

from cwgdraft.formats.reference import build_reference

if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "reference.docx"
    build_reference(target)
    print(target)
