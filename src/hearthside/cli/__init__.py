"""The ``hearthside`` command, one module per topic; quick commands never load Textual."""
