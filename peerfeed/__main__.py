"""`python -m peerfeed ...`: the same CLI as the `peerfeed` script."""

from peerfeed.cli import app

if __name__ == "__main__":
    app()
