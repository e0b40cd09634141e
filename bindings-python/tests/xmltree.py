"""Element-for-element comparison of two XML documents, as tests/xml_tree.rs does: same
namespaces and local names in the same order, same leaf text; prefixes, namespace
declarations, comments, the XML declaration and indentation are not significant."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import List, Optional, Tuple

Node = Tuple[str, str, List["Node"]]  # (qualified name, text, children)


def _node(el: ET.Element) -> Node:
    children = [_node(c) for c in el if isinstance(c.tag, str)]
    # Text of an element with children is not significant (indentation); a leaf's text is,
    # verbatim. ElementTree splits text around comments: join the pieces.
    text = "" if children else "".join(el.itertext())
    return (el.tag, text, children)


def _parse(doc: bytes) -> Node:
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=False))
    parser.feed(doc)
    return _node(parser.close())


def _diff(path: str, a: Node, b: Node) -> Optional[str]:
    here = f"{path}/{a[0]}"
    if a[0] != b[0]:
        return f"{path}: expected <{b[0]}>, got <{a[0]}>"
    if a[1] != b[1]:
        return f"{here}: expected text {b[1]!r}, got {a[1]!r}"
    for i, (ca, cb) in enumerate(zip(a[2], b[2])):
        d = _diff(f"{here}[{i}]", ca, cb)
        if d is not None:
            return d
    if len(a[2]) != len(b[2]):
        return (f"{here}: expected children {[c[0] for c in b[2]]}, "
                f"got {[c[0] for c in a[2]]}")
    return None


def same_document(got: bytes, expected: bytes) -> Optional[str]:
    """``None`` when the documents are the same element for element, else the difference."""
    return _diff("", _parse(got), _parse(expected))
