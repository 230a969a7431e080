"""A layout that places widgets in a row and wraps them onto the next line when space ends.

After Qt's Flow Layout example. Used where a row of short labels (the colour legend of the
Target & Realisasi tab) must stay readable on a narrow window instead of being clipped: a
plain QHBoxLayout squeezes each label below its text once the row no longer fits.
"""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hint, wrapped to as many lines as the width needs."""

    def __init__(self, parent: QWidget | None = None, jarak: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._jarak = jarak
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's contract
        """Keep the item (Qt calls this from addWidget)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the layout holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's contract
        """The item at ``index``, or None past the end (how Qt walks a layout)."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's contract
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's contract
        """The layout takes the width it is given and no more height than it needs."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's contract
        """Its height depends on its width: narrower means more lines."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's contract
        """The height the items need when wrapped at ``width``."""
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's contract
        """Place the items inside ``rect``."""
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's contract
        """As small as the widest item: the layout never forces its window wider."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's contract
        """The widest item plus the margins."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if line and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._jarak, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._jarak
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()
