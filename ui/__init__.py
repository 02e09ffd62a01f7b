"""walkapp's Qt desktop layer (installed as `walkapp.ui`). Imports walkapp; never the reverse."""
