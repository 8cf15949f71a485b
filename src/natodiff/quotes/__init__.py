"""Quotations: find them in each text (find), then check the outlet's against the source (verify)."""

from natodiff.quotes.find import Quotation, find_quotes
from natodiff.quotes.verify import compare_quotes

__all__ = ["Quotation", "compare_quotes", "find_quotes"]
