"""natodiff: diff for news coverage.

``compare(source_text, outlet_text)`` returns a ``Comparison``; the renderers
under ``natodiff.render`` turn it into text, JSON, Markdown, HTML or Word.
The core imports only the standard library, so importing it here is cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

from natodiff.api import compare  # noqa: E402
from natodiff.model import Comparison, Kind, Options  # noqa: E402

__all__ = ["compare", "Comparison", "Kind", "Options", "__version__"]
