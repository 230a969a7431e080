"""The Beranda's white boxes, bold headings and wrapped notes, shared by its lists and its
pictures."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


def kotak(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """A white box of the Beranda, with the layout its content goes in."""
    frame = QFrame(parent)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet("QFrame#kotak { background: #ffffff; }")
    frame.setObjectName("kotak")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 10)
    return frame, layout


def judul(teks: str, parent: QWidget, besar: float = 1.15) -> QLabel:
    """A bold heading, ``besar`` times the usual size."""
    label = QLabel(teks, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * besar)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def catatan(parent: QWidget) -> QLabel:
    """A plain-text note that wraps to the width it is given (it claims none of its own)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label
