"""Spell checking: Arabic words against a Hunspell Arabic dictionary, Latin
words against an English one, and the words the user added, kept per user.

The binding is pyenchant (maintained; installs from PyPI everywhere, with
Enchant and Hunspell bundled in its Windows wheels, and from the system's
`libenchant-2-2` on Linux and Homebrew's `enchant` on macOS). Enchant runs
the Hunspell C library on the system's dictionaries (Debian: `hunspell-ar`,
`hunspell-en-us`): about 5 µs a word and 0.1 s to load the Arabic
dictionary, where the pure-Python spylls takes 3 s to load it and 0.6 ms a
word (a 600-paragraph report would take seconds), and cyhunspell and
hunspell have had no release since 2021 and 2018 and no wheels for current
Pythons. The Arabic dictionary ignores tashkeel and tatweel itself.

Nothing here knows Qt: the app runs `Checker.check` off the GUI thread.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cwgdraft.core.errors import CwgError

WORDS_ENV = "CWGDRAFT_WORDS"
ARABIC_DICTIONARIES = ("ar", "ar_SA", "ar_EG")
ENGLISH_DICTIONARIES = ("en_US", "en_GB", "en")

# An Arabic word: letters, with the marks and tatweel typed inside it. A Latin word: letters,
# with an apostrophe or hyphen inside (`don't`, `child-friendly`).
_ARABIC_WORD = "[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06d5\u06fa-\u06fc][\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06fc\u0640]*"
_LATIN_WORD = r"[A-Za-z\u00c0-\u024f]+(?:['’\-\u2011][A-Za-z\u00c0-\u024f]+)*"
_TOKEN = re.compile(f"({_ARABIC_WORD})|({_LATIN_WORD})")
# Never checked: addresses, e-mail, file names, codes (`X.1205`, `C22/7-A`), acronyms.
_SKIP = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|\S*[A-Za-z][\w\u2011-]*[./][\w/.\u2011-]*\w")


class SpellingUnavailable(CwgError):
    """No spell checking here: the binding or a dictionary is missing."""


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    arabic: bool


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str


def tokens(text: str) -> list[Token]:
    """The words to check, with their offsets; addresses, codes and acronyms left out."""
    skipped = [(m.start(), m.end()) for m in _SKIP.finditer(text)]
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        if any(a <= start < b for a, b in skipped):
            continue
        word = m.group()
        arabic = m.group(1) is not None
        if not arabic:
            # Acronyms and names in capitals (`CWG`, `ITU`), single letters, words glued to digits: not words to check.
            if len(word) < 2 or word.isupper() or (end < len(text) and text[end].isdigit()) or (
                    start > 0 and text[start - 1].isdigit()):
                continue
        elif len(word) < 2:
            continue
        out.append(Token(start, end, word, arabic))
    return out


def user_words_path() -> Path:
    """The user's own dictionary: `$CWGDRAFT_WORDS`, else `words.txt` in the user's data folder."""
    env = os.environ.get(WORDS_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("cwgdraft") / "words.txt"


def _normal(word: str) -> str:
    """A word as the user's dictionary keeps it: no tashkeel or tatweel, NFC."""
    word = unicodedata.normalize("NFC", word)
    return "".join(c for c in word if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))


class Checker:
    """Checks text against the dictionaries and the user's words; safe to share between threads."""

    def __init__(self, arabic: Any, english: Any | None, words_path: Path | None = None) -> None:
        self._arabic = arabic
        self._english = english
        self._lock = threading.Lock()
        self._known: dict[str, bool] = {}
        self.words_path = words_path or user_words_path()
        self.user_words: set[str] = set()
        try:
            text = self.words_path.read_text(encoding="utf-8")
            self.user_words = {_normal(w.strip()) for w in text.splitlines() if w.strip()}
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError):
            self.user_words = set()  # a damaged word list is ignored, never fatal

    @classmethod
    def default(cls, words_path: Path | None = None) -> Checker:
        """The Arabic and English dictionaries of this machine, through Enchant's Hunspell."""
        try:
            import enchant
        except ImportError as exc:  # the package, or the system's Enchant library, is missing
            raise SpellingUnavailable(
                f"spell checking needs pyenchant and the Enchant library ({exc}); "
                "on Debian: apt-get install libenchant-2-2 hunspell-ar hunspell-en-us") from exc
        broker = enchant.Broker()
        broker.set_ordering("*", "hunspell,aspell,myspell,nuspell")

        def first(tags: tuple[str, ...]) -> Any | None:
            for tag in tags:
                if broker.dict_exists(tag):
                    return broker.request_dict(tag)
            return None

        arabic = first(ARABIC_DICTIONARIES)
        if arabic is None:
            raise SpellingUnavailable("no Arabic dictionary for spell checking; on Debian: apt-get install hunspell-ar")
        return cls(arabic, first(ENGLISH_DICTIONARIES), words_path)

    def known(self, token: Token) -> bool:
        word = token.word.replace("\u2011", "-").replace("’", "'")
        cached = self._known.get(word)
        if cached is not None:
            return cached
        if _normal(word) in self.user_words:
            return True
        with self._lock:
            if token.arabic:
                ok = bool(self._arabic.check(word))
            elif self._english is None:
                ok = True  # no English dictionary: Latin words are not judged
            else:
                ok = bool(self._english.check(word)) or bool(self._english.check(word.lower()))
        self._known[word] = ok
        return ok

    def check(self, text: str) -> list[Misspelling]:
        """The misspelled words of a text, in order."""
        return [Misspelling(t.start, t.end, t.word) for t in tokens(text) if not self.known(t)]

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        arabic = bool(_TOKEN.fullmatch(word) and _TOKEN.fullmatch(word).group(1))  # type: ignore[union-attr]
        dictionary = self._arabic if arabic else self._english
        if dictionary is None:
            return []
        with self._lock:
            found = [s for s in dictionary.suggest(word) if s != word]
        return found[:limit]

    def add(self, word: str) -> None:
        """Add a word to the user's dictionary (kept in `words_path`, one word a line)."""
        word = _normal(word.strip())
        if not word or word in self.user_words:
            return
        self.user_words.add(word)
        self._known = {k: v for k, v in self._known.items() if _normal(k) != word}
        try:
            self.words_path.parent.mkdir(parents=True, exist_ok=True)
            with self.words_path.open("a", encoding="utf-8") as fh:
                fh.write(word + "\n")
        except OSError as exc:
            raise CwgError(f"{self.words_path}: the word was not kept ({exc.strerror})") from exc
