"""The words the app shows, read from the Markdown files under ``content/``."""
