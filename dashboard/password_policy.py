"""Which new passwords to refuse: too short, too simple, too common, or made from the user's name.

Modelled on NIST SP 800-63B (a length minimum plus a check against passwords known to be guessed
first) rather than on composition rules: a long passphrase is fine; `aaaaaaaaaa`, ten spaces,
`Password123!` and `admin12345` for the user admin12345 are not. The list of common bases is short
and written here; the variations guessing tools try first (case, digits and symbols around the
word, l33t spellings) are folded away before comparing.
"""

from __future__ import annotations

import re
import unicodedata

MIN_LENGTH = 10
MIN_DISTINCT = 5

# Bases that head every guessing list, and words any attacker tries against this service.
COMMON = frozenset("""
password passw0rd passphrase letmein welcome iloveyou trustno1 changeme default secret qwerty qwertz
azerty admin administrator root login master monkey dragon football baseball soccer sunshine princess
shadow superman batman starwars whatever freedom michael jennifer jordan hunter ranger charlie
liverpool arsenal chelsea manchester london england summer winter autumn spring monday friday
computer internet hello hellothere goodbye access mustang harley killer pepper ginger cheese
biscuit chocolate flower purple orange yellow banana lovely loveme blessed jesus angel
peerfeed peersupport moderator moderation dashboard mentalhealth wellbeing recovery support
nhs carers caring service userpassword guest test testing testtest demo
""".split())
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
                       "@": "a", "$": "s", "!": "i", "|": "l", "+": "t"})
_SEQUENCES = ("0123456789" * 3, "abcdefghijklmnopqrstuvwxyz" * 2, "qwertyuiopasdfghjklzxcvbnm",
              "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _letters(text: str) -> str:
    """The word under the decorations: digits and symbols at either end dropped, l33t undone, then
    only letters kept ("P@55w0rd2024!!" is "password")."""
    inner = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", _fold(text))
    return re.sub(r"[^a-z]", "", inner.translate(_LEET))


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]", "", _fold(text))


def password_problem(password: str, username: str = "", email: str | None = None) -> str | None:
    """Why `password` is refused for this user, or None when it is acceptable."""
    if len(password.strip()) < MIN_LENGTH:
        return f"a password needs at least {MIN_LENGTH} characters (not counting spaces at either end)"
    if len(set(_fold(password))) < MIN_DISTINCT:
        return f"a password needs at least {MIN_DISTINCT} different characters"
    folded = _fold(password)
    if any(folded in seq or folded in seq[::-1] for seq in _SEQUENCES):
        return "a password cannot be a run of keys or letters"
    if any(folded == (folded[:n] * (len(folded) // n + 1))[:len(folded)] for n in range(1, len(folded) // 2 + 1)):
        return "a password cannot be a short pattern repeated"
    compact = _alnum(password)
    for name in (username, (email or "").split("@")[0]):
        name = _alnum(name or "")
        if len(name) >= 3 and (name in compact or name in _letters(password) or compact in name):
            return "a password cannot contain the user name or e-mail name"
    core = _letters(password)
    for word in COMMON:
        if word in core and len(core.replace(word, "", 1)) < 4:
            return "that password is among the first any guessing tool tries; choose a longer, unusual one"
    return None
