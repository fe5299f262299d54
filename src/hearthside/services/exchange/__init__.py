"""Words in and out of the journal: exports, imports, and notes shared with the spouse."""
