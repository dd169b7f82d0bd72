#!/usr/bin/env python3
"""Build the catalog: ``python build.py [build|check|serve|new] [options]``."""

import sys

from site_gen.cli import main

if __name__ == "__main__":
    sys.exit(main())
