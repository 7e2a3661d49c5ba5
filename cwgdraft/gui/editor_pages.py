"""The editor pages of the main window, each made the first time it is shown.

The window opens on the front page; the others (meetings, people,
contributions, remarks, sections, signature) are made, and their modules
imported, when something first reaches them: the outline, a menu, "go to" from
a check or a field, find, the review pane, an undo that lands on one. Every
path asks for a page by name (`page(name)`), so none finds it missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from cwgdraft.gui.editors.base import Page

# Page name -> (module, class). The names are those of `MainWindow.go_to`.
PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "front": ("cwgdraft.gui.editors.front", "FrontPage"),
    "meetings": ("cwgdraft.gui.editors.meetings", "MeetingsPage"),
    "people": ("cwgdraft.gui.editors.tables", "PeoplePage"),
    "contributions": ("cwgdraft.gui.editors.tables", "ContributionsPage"),
    "remarks": ("cwgdraft.gui.editors.tables", "RemarksPage"),
    "section": ("cwgdraft.gui.editors.sections", "SectionPage"),
    "signature": ("cwgdraft.gui.editors.signature", "SignaturePage"),
}


class EditorPages(QStackedWidget):
    """The stack of editor pages (and whatever else the window shows in their place).

    `built(name, page)` is called once a page is made, for the window to connect it and
    give it the state it keeps for it (which section is open, the splitter's place)."""

    def __init__(self, host: Any, built: Callable[[str, Page], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editorPages")
        self.host = host
        self._on_built = built
        self._pages: dict[str, Page] = {}

    def page(self, name: str) -> Page:
        """The page `name`, made now if it was not yet (KeyError: no such page)."""
        page = self._pages.get(name)
        if page is None:
            module, cls = PAGE_CLASSES[name]
            page = getattr(import_module(module), cls)(self.host)
            self._pages[name] = page
            self.addWidget(page)
            self._on_built(name, page)
        return page

    def made(self, name: str) -> Page | None:
        """The page `name` if it was made, else None (never makes it)."""
        return self._pages.get(name)

    def made_pages(self) -> list[Page]:
        """The pages made so far."""
        return list(self._pages.values())

    def showing(self, name: str) -> bool:
        """Whether the page on show is `name` (without making it)."""
        page = self._pages.get(name)
        return page is not None and self.currentWidget() is page


class PagesByName(Mapping[str, "Page"]):
    """Every editor page by name; looking one up makes it. Code that must not make pages
    uses `EditorPages.made_pages()` instead of `values()`."""

    def __init__(self, pages: EditorPages) -> None:
        self._pages = pages

    def __getitem__(self, name: str) -> Page:
        return self._pages.page(name)

    def __iter__(self) -> Iterator[str]:
        return iter(PAGE_CLASSES)

    def __len__(self) -> int:
        return len(PAGE_CLASSES)
