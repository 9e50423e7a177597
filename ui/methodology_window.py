"""帮助 › 指标口径 (F1): every figure's definition, searchable, from msfood.reports.appendix.methodology (the same
text the completion report prints as its appendix). A list of the figures on the left, the definitions
on the right; typing in the search box keeps only the figures that mention the text."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from msfood.i18n import t
from msfood.reports.appendix.methodology import GROUPS, RULE_BASES, Definition, matching
from ui.i18n import is_english
from ui.screen_fit import fit_dialog
from ui.theme import muted_text_colour, status_colour

KEY_ROLE = Qt.ItemDataRole.UserRole
BASIS_TONES = {"national": "good", "setting": "info", "convention": "accent"}  # hues in ui/theme.py


def _lang() -> str | None:
    return "en" if is_english() else None


def basis_colour(basis: str, background: QColor) -> str:
    """A rule basis's colour (national green, local blue) made to read on the text's background."""
    tone = BASIS_TONES.get(basis)
    if tone is None:
        return QApplication.palette().color(QPalette.ColorRole.Text).name()
    return status_colour(tone, background).name()


def definition_html(definition: Definition, lang: str | None, background: QColor | None = None) -> str:
    other = "zh_CN" if lang else "en"
    background = background if background is not None else base_colour()
    colour = basis_colour(definition.basis, background)
    muted = muted_text_colour(background).name()
    return (
        f'<a name="{definition.key}"></a>'
        f'<h3 style="margin-bottom:2px">{escape(definition.get("title", lang))}</h3>'
        f'<p style="margin-top:0;color:{colour}"><b>{escape(definition.basis_text(lang))}</b></p>'
        f"<p>{escape(definition.get('text', lang))}</p>"
        f'<p style="color:{muted};font-size:small">{escape(definition.get("text", other))}</p>'
    )


def rule_bases_html(lang: str | None, background: QColor | None = None) -> str:
    """The table of rules: national or local (after the definitions)."""
    background = background if background is not None else base_colour()
    rows = "".join(
        f"<tr><td>{escape(r.get('rule', lang))}</td>"
        f'<td style="color:{basis_colour(r.basis, background)}"><b>{escape(r.basis_label(lang))}</b></td>'
        f"<td>{escape(r.get('source', lang))}</td></tr>"
        for r in RULE_BASES
    )
    head = "".join(
        f"<th align=left>{escape(t(f'method.col_{c}', lang))}</th>" for c in ("rule", "basis", "rule_source")
    )
    return (f'<a name="rule_bases"></a><h2>{escape(t("method.rule_bases", lang))}</h2>'
            f'<table border="1" cellspacing="0" cellpadding="4"><tr>{head}</tr>{rows}</table>')  # fmt: skip


class MethodologyWindow(QWidget):
    """A top-level, non-modal window (the main window keeps one and raises it again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        lang = _lang()
        self.setObjectName("methodologyWindow")
        self.setWindowTitle(t("method.title", lang))
        fit_dialog(self, preferred=QSize(1000, 680))
        layout = QVBoxLayout(self)
        intro = QLabel(t("method.window_intro", lang))
        intro.setObjectName("methodologyIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(t("method.search", lang)))
        self.search = QLineEdit()
        self.search.setObjectName("methodologySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(t("method.search_hint", lang))
        self.search.textChanged.connect(self._on_search_text_changed)
        row.addWidget(self.search, 1)
        self.status = QLabel()
        self.status.setObjectName("methodologyStatus")
        row.addWidget(self.status)
        layout.addLayout(row)
        splitter = QSplitter()
        self.tree = QTreeWidget()
        self.tree.setObjectName("methodologyTree")
        self.tree.setHeaderHidden(True)
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.browser = QTextBrowser()
        self.browser.setObjectName("methodologyText")
        self.browser.setOpenLinks(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        layout.addWidget(splitter, 1)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.search.setFocus)
        self.shown_keys: list[str] = []
        self._render("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "shown_keys"):
            self._render(self.search.text())  # the HTML colours were made for the old palette

    def _render(self, text: str) -> None:
        lang = _lang()
        background = self.browser.palette().color(QPalette.ColorRole.Base)
        wanted = set(matching(text))
        self.tree.clear()
        parts: list[str] = []
        self.shown_keys = []
        for group in GROUPS:
            found = [d for d in group.definitions if d.key in wanted]
            if not found:
                continue
            top = QTreeWidgetItem([group.get_title(lang)])
            top.setData(0, KEY_ROLE, found[0].key)
            self.tree.addTopLevelItem(top)
            parts.append(f"<h2>{escape(group.get_title(lang))}</h2>")
            for definition in found:
                item = QTreeWidgetItem([definition.get("title", lang)])
                item.setData(0, KEY_ROLE, definition.key)
                top.addChild(item)
                parts.append(definition_html(definition, lang, background))
                self.shown_keys.append(definition.key)
        self.tree.expandAll()
        if not text.strip():
            parts.append(rule_bases_html(lang, background))
        if not self.shown_keys:
            parts.append(f"<p>{escape(t('method.no_match', lang, text=text.strip()))}</p>")
        self.browser.setHtml("".join(parts))
        self.status.setText(t("method.count", lang, n=len(self.shown_keys)))

    def titles(self) -> list[str]:
        """The figures listed now (the tree's second level), in order."""
        found: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                found += [child.text(0) for j in range(top.childCount()) if (child := top.child(j))]
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            if self.isWindow():
                self.close()
            else:  # a tab of the help window: that window closes
                event.ignore()
            return
        super().keyPressEvent(event)

    def show_definition(self, key: str) -> None:
        self.browser.scrollToAnchor(key)

    def _on_search_text_changed(self, text: str) -> None:
        self._render(text)
        if text.strip():
            self.browser.find(text.strip())

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.show_definition(str(item.data(0, KEY_ROLE)))


def base_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Base)
