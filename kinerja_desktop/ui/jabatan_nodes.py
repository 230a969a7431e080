"""The nodes of the jabatan tree: plain objects built from the core's list of jabatan, so the
tree is built without Qt and swapped into the model whole.

After Anki's sidebar: each node has a kind (:class:`JenisNode`) that answers the policy
questions (can it be renamed, removed, dragged, dropped on?).
"""

from enum import Enum

from kinerja_desktop.db.queries_jabatan import JabatanInfo


class JenisNode(Enum):
    """The kinds of node in the tree; each answers what the operator may do with it."""

    CAMAT = "camat"  # the root: the Camat, who heads the office and is not a jabatan row
    JABATAN = "jabatan"

    @property
    def can_edit(self) -> bool:
        """Can be renamed, removed and dragged."""
        return self is JenisNode.JABATAN

    @property
    def accepts_drop(self) -> bool:
        """A jabatan can be dropped on it to become its bawahan."""
        return True


class Node:
    """One node: a plain object, so that the tree is built without Qt and swapped in whole."""

    def __init__(
        self,
        jenis: JenisNode,
        nama: str,
        kode: str = "",
        jabatan_id: int | None = None,
        pemangku: tuple[str, ...] = (),
        indikator: tuple[tuple[int, str, str], ...] = (),
    ) -> None:
        self.jenis = jenis
        self.nama = nama
        self.kode = kode
        self.jabatan_id = jabatan_id
        self.pemangku = pemangku
        self.indikator = indikator  # (id, kode, nama) of its indicators, for the search
        self.parent: Node | None = None
        self.children: list[Node] = []
        self._row = 0

    def add(self, child: "Node") -> None:
        """Append ``child`` below this node."""
        child.parent = self
        child._row = len(self.children)
        self.children.append(child)

    def row(self) -> int:
        """This node's position among its siblings (kept, since views ask very often)."""
        return self._row

    def contains(self, jabatan_id: int) -> bool:
        """True when ``jabatan_id`` is this node or one of its bawahan."""
        if self.jabatan_id == jabatan_id:
            return True
        return any(child.contains(jabatan_id) for child in self.children)

    def walk(self) -> "list[Node]":
        """This node and all below it, in display order."""
        found = [self]
        for child in self.children:
            found += child.walk()
        return found

    def indikator_cocok(self, cari: str) -> list[tuple[int, str, str]]:
        """The indicators whose code or name holds ``cari`` (lower case)."""
        if not cari:
            return []
        return [i for i in self.indikator if cari in f"{i[1]} {i[2]}".lower()]

    @property
    def tooltip(self) -> str:
        """The full text of the node, for long titles cut off in a narrow pane."""
        if self.jenis is JenisNode.CAMAT:
            nama = f"\n{self.pemangku[0]}" if self.pemangku else ""
            return f"{self.nama}{nama}\nSeret jabatan ke sini agar langsung di bawah Camat."
        pemangku = ", ".join(self.pemangku) if self.pemangku else "belum ada pemangku"
        return f"{self.nama}\nKode: {self.kode}\nPemangku: {pemangku}"


def build_tree(items: list[JabatanInfo], camat: str, penandatangan: str | None) -> Node:
    """The tree of ``items`` under a Camat root; siblings keep the order of ``items``.

    A jabatan whose atasan is missing from ``items`` is shown directly under the Camat,
    so that no jabatan is ever hidden.
    """
    root = Node(JenisNode.CAMAT, camat, pemangku=(penandatangan,) if penandatangan else ())
    nodes = {
        i.id: Node(JenisNode.JABATAN, i.nama, i.kode, i.id, i.pemangku, i.indikator) for i in items
    }
    for info in items:
        parent = nodes.get(info.atasan_id) if info.atasan_id is not None else None
        (parent or root).add(nodes[info.id])
    return root
