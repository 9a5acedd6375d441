"""Entry point of the frozen app (PyInstaller): the same ``main`` as the ``mou-drafter`` command."""

import sys

from mou_drafter.cli import main

if __name__ == "__main__":
    sys.exit(main())
