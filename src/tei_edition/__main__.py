"""`python -m tei_edition` runs the command-line interface."""

from tei_edition.cli import main

if __name__ == "__main__":
    main()
