"""`python -m walkapp` — same as the `walkapp` command."""

import sys

from walkapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
