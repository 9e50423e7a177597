"""Windows that fit the screens people have (issue #17): 1366×768 laptops, often at 125% scaling.

- `fit_to_screen` clamps a window (with room for its title bar) to its screen's available geometry;
  `keep_on_screen` does it every time a dialog is shown, `fit_dialog` also gives it a size it may grow to.
- `scrollable` puts a dialog's body in a scroll area so a small screen scrolls rather than cuts it off.
- `guard_wheel` stops spin boxes, combo boxes and date edits from changing under a wheel that was meant to
  scroll the page: they take the wheel only once focused (clicked or tabbed into).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QScrollArea,
    QWidget,
)

# Room kept for a window's frame: a title bar and thin borders as Windows 10/11 and the usual Linux
# desktops draw them, in logical pixels. Before a window is first shown its real frame is unknown, and
# offscreen (tests) there is none to speak of; a real frame larger than this counts instead.
FRAME_ALLOWANCE = QMargins(4, 32, 4, 4)


def screen_of(widget: QWidget) -> QScreen:
    """The screen the widget is on (or its parent's, or the primary one)."""
    for candidate in (widget, widget.parentWidget()):
        if candidate is not None:
            screen = candidate.screen()
            if screen is not None:
                return screen
    primary = QGuiApplication.primaryScreen()
    assert primary is not None, "no screen"
    return primary


def available_geometry(widget: QWidget) -> QRect:
    return screen_of(widget).availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    """The window's frame once shown, side by side no less than the allowance."""
    frame, inner = window.frameGeometry(), window.geometry()
    real = QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )
    allowance = FRAME_ALLOWANCE
    return QMargins(
        max(real.left(), allowance.left()),
        max(real.top(), allowance.top()),
        max(real.right(), allowance.right()),
        max(real.bottom(), allowance.bottom()),
    )


def fitting_size(window: QWidget, wanted: QSize | None = None) -> QSize:
    """`wanted` (default: the window's size) no larger than the screen leaves room for, frame included."""
    room = available_geometry(window).marginsRemoved(frame_margins(window)).size()
    wanted = wanted if wanted is not None else window.size()
    return wanted.boundedTo(room)


def fit_to_screen(window: QWidget) -> None:
    """Shrink the window to its screen's available geometry and move it (frame included) inside it."""
    area = available_geometry(window)
    margins = frame_margins(window)
    room = area.marginsRemoved(margins)
    size = window.size().boundedTo(room.size()).expandedTo(window.minimumSize().boundedTo(room.size()))
    if size != window.size():
        window.resize(size)
    # move() and x()/y() place the frame: keep the frame's outer rectangle inside the area
    outer_width = window.width() + margins.left() + margins.right()
    outer_height = window.height() + margins.top() + margins.bottom()
    x = min(max(window.x(), area.left()), max(area.left(), area.right() + 1 - outer_width))
    y = min(max(window.y(), area.top()), max(area.top(), area.bottom() + 1 - outer_height))
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class ScreenFitter(QObject):
    """Refits its window each time it is shown (dialogs are reused, screens change between shows)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            fit_to_screen(watched)
        return False


def keep_on_screen(window: QWidget) -> None:
    """Fit `window` to the screen whenever it is shown (idempotent)."""
    if window.findChild(ScreenFitter, "screenFitter", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        fitter = ScreenFitter(window)
        fitter.setObjectName("screenFitter")
        window.installEventFilter(fitter)


def fit_dialog(dialog: QWidget, *, preferred: QSize | None = None, minimum: QSize | None = None) -> None:
    """Fit a dialog to the screen whenever shown: `preferred` if it has room, never beyond the screen;
    `minimum` only where the content scrolls (an explicit minimum overrides the layout's); its
    wheel-sensitive inputs guarded."""
    if minimum is not None:
        dialog.setMinimumSize(minimum.boundedTo(fitting_size(dialog, minimum)))
    if preferred is not None:
        dialog.resize(fitting_size(dialog, preferred))
    keep_on_screen(dialog)
    guard_wheel(dialog)


def scrollable(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` inside a frameless scroll area that resizes it: tall forms scroll on small screens."""
    area = QScrollArea(parent)
    area.setObjectName("fitScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


# --- the wheel ----------------------------------------------------------------------------------------

WHEEL_SENSITIVE = (QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """A wheel over an unfocused spin box / combo box / date edit scrolls the page instead of the value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QGuiApplication.sendEvent(area.viewport(), event)
        return True  # eaten: the value does not change


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def guard_wheel(root: QWidget) -> WheelGuard:
    """Guard every wheel-sensitive input under `root` (call again after adding inputs; no doubles)."""
    guard = root.findChild(WheelGuard, "wheelGuard", Qt.FindChildOption.FindDirectChildrenOnly)
    if guard is None:
        guard = WheelGuard(root)
        guard.setObjectName("wheelGuard")
    for widget in root.findChildren(QWidget):
        if isinstance(widget, WHEEL_SENSITIVE) and not widget.property("wheelGuarded"):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel no longer gives focus
            widget.installEventFilter(guard)
            widget.setProperty("wheelGuarded", True)
    return guard
