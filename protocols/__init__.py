"""Built-in protocol definitions (data files); installed as `walkapp._protocols`."""
