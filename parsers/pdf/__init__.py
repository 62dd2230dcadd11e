"""The PDF reader: a page source fills the page model, one layout path makes the document model.

    source_plumber ─┐
                    ├─ page_model.PageData ─ layout ─ furniture ─ text_tables ─ table_runs ─ paragraphs ─ Document
    (other sources) ┘  (orientation: pages turned to read upright)     (lines, frames, frame_tables, word_breaks)

`reader.read_pdf` runs it all. Everything after the page model is the same
whichever library read the page.
"""
