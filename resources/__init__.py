"""Bundled icons, fonts and styles (data files); installed as `walkapp._resources`."""
