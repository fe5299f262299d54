"""What a person does with the journal, as functions over the store and the texts.

The CLI and the full-screen app both call these, and get records back.
"""
