"""Modal dialogs: questions, export, help, unlocking, welcome, a week's logs."""
