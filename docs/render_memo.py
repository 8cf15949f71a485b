"""Render page 1 of the memo on the bundled samples as docs/memo-page1.png.

    python docs/render_memo.py [--pages] [--paper a4|letter] [--out DIR]

Writes the memo with the installed ``natodiff`` (this checkout's source
first), converts it to PDF with LibreOffice (``soffice``) and page 1 to PNG
with ``pdftoppm`` (poppler-utils). The README shows the PNG: regenerate it
after changing the memo, and look at it before committing. ``--pages``
prints the PDF's page count and the page on which the annex starts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "nato-press-release-2024-02-15.txt"
OUTLET = ROOT / "samples" / "outlet-report-2024-02-15.txt"
LABELS = ("--source-label", "the NATO press release", "--outlet-label", "the outlet")


def memo(path: Path, paper: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "SOURCE_DATE_EPOCH": "1708041600"}
    subprocess.run([sys.executable, "-m", "natodiff", "memo", str(SOURCE), str(OUTLET), "-o", str(path),
                    "--force", "--paper", paper, "--classification", "UNCLASSIFIED", *LABELS],
                   check=True, env=env)


def to_pdf(docx: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("render_memo: LibreOffice (soffice) is not installed")
    profile = (docx.parent / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(docx.parent), str(docx)], check=True, capture_output=True, timeout=180)
    return docx.with_suffix(".pdf")


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext), folded."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paper", default="a4", choices=("a4", "letter"))
    parser.add_argument("--pages", action="store_true", help="print the page count and the annex's first page")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="where memo-page1.png goes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "memo.docx"
        memo(docx, args.paper)
        pdf = to_pdf(docx)
        if args.pages:
            texts = pages(pdf)
            annex = next(n for n, t in enumerate(texts, 1) if re.search(r"Annex: figures", t))
            print(f"{args.paper}: {len(texts)} pages, annex starts on page {annex}")
            return
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(args.out / "memo-page1")], check=True)
    print(args.out / "memo-page1.png")


if __name__ == "__main__":
    main()
