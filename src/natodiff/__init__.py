"""natodiff: diff for news coverage.

``compare(source_text, outlet_text)`` returns a ``Comparison``; the renderers
under ``natodiff.render`` turn it into text, JSON, Markdown, HTML or Word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["compare", "Comparison", "Kind", "Options", "__version__"]

if TYPE_CHECKING:
    from natodiff.compare import compare
    from natodiff.model import Comparison, Kind, Options


def __getattr__(name: str) -> Any:
    # Lazy, so that `natodiff --help` does not pay for the core.
    if name == "compare":
        from natodiff.compare import compare

        return compare
    if name in ("Comparison", "Kind", "Options"):
        from natodiff import model

        return getattr(model, name)
    raise AttributeError(name)
