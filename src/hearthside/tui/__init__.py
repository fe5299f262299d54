"""The full-screen app. The only package that imports Textual."""
