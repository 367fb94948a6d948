"""Printable documents on paper and in PDF files, with QtGui only (no widgets).

Layer order: ``app | cli | commands > ui > render > model > resources``. The command line and
the UI both come here; this package imports the model, never the UI, and needs a
``QGuiApplication`` (offscreen is fine), not a ``QApplication``.

- :mod:`.layout` — a :class:`~assistant.model.exports.document.Document` as HTML laid out by
  ``QTextDocument`` in the IPAex Gothic font, on an A4 page; the same layout goes to a PDF file,
  to the print preview and to the printer (the dialogs for those live in ``ui/printing.py``).
- :mod:`.pdf` — :func:`~assistant.render.pdf.write_pdf`: the PDF file, written atomically.
- :mod:`.tounicode` — corrects the text a reader copies out of the PDF (see below).

Why Qt and not a PDF library: the print preview and the printer need Qt's layout anyway, so a
second layout engine (ReportLab, fpdf2) would have to redraw the same pages in another language
and would drift from what is printed. Qt's PDF engine has one fault, in the text layer only: its
``ToUnicode`` map names, for each glyph, the *lowest* code point the font draws with it, and IPAex
draws 一 and the Kangxi radical ⼀ (U+2F00) with one glyph — so 山田 一郎 copied out of the PDF
came back as ⼭⽥ ⼀郎, and a space as a tab. :mod:`.tounicode` rewrites each font's map after Qt
has written the file, naming for every glyph the character that was actually drawn with it.
"""
