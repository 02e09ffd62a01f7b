"""One module per screen; the main window composes them."""
