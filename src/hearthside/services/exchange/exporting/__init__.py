"""Taking words out of Hearthside: md, txt, json, html and ics exports, and note cards.

Exporting only reads the store. Files are written whole (atomically), mode 0600,
under the home's ``exports/`` folder unless another place is chosen, and never
over an existing file unless asked (``force``).
"""
