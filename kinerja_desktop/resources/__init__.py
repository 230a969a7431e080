"""Files shipped with the application, read through :func:`resource`."""

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable


def resource(relative: str) -> Traversable:
    """Return a shipped resource, e.g. ``resource("data/pangkat-golongan.csv")``."""
    node = files(__name__)
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


__all__ = ["as_file", "resource"]
