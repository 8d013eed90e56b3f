"""Run the ``newsclean`` command: ``python -m newsclean``."""

from newsclean.cli import main

raise SystemExit(main())
