"""Printable information sheets (SpOON's "materiale multilingue") for an activity, a desk and a
family's list: one A4 page in the reader's language, with the Italian beside what the
Italian-speaking operator must read.

The pipeline, for the views of ``directory.views.sheets`` and ``sportelli.views.sheets``:

- ``labels``: the sheet's headings, each in the reader's language and in Italian
  (``Bilingual``), and the weekly hours with the days named in both;
- ``qr``: the QR code back to the page the sheet was printed from, as inline SVG (no image
  request: the same markup works in the browser and in the PDF);
- ``pdf``: the sheet's HTML rendered to PDF by WeasyPrint (Pango and HarfBuzz: Arabic shaped
  and set right to left, Chinese in its own font), fetching nothing over the network.

The HTML page and the PDF come from the same template (``templates/sheets/``), so what is tested
on the page is what is printed.
"""
