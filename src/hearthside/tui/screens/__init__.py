"""The app's rooms and dialogs, one module each."""
