"""`python -m conflictwatch ...`: the same as the `conflictwatch` command."""

from conflictwatch.cli import main

if __name__ == "__main__":  # worker processes import this module without running the command
    main()
