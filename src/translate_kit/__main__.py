"""``python -m translate_kit`` is the same as the ``translate-kit`` command."""

from translate_kit.cli import main

main()
