"""peerfeed: one curated, moderated feed of a peer-support community's conversation.

The shared core holds only what every stage needs: the `Post` record and the settings object.
"""

__version__ = "0.1.0"
