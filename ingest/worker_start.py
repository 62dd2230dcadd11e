"""What every parsing worker needs, loaded once in the process the workers fork from.

`ingest.parallel` starts its workers from a forkserver that imports the
modules of `PRELOAD`, this one among them. Importing it loads the PDF library
and the Swedish word list the PDF reader decides word breaks with, so each
worker starts with them in memory instead of spending a fifth of a second on
them before its first file (and again after each replacement).
"""
from __future__ import annotations

import pypdfium2.raw  # noqa: F401  (starts PDFium)

from parsers.pdf.words import frequencies, sorted_words

frequencies()
sorted_words()
