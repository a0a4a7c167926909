"""The same regular expression, made to fail fast where it cannot start.

Python's `re` tries a case-insensitive pattern at every position of the text, and a pattern that
opens with a long alternation ("killed|died|shot|..." in a dozen inflections) pays for every
alternative at every word boundary. `quick` puts in front a lookahead on the characters a match
can start with, read from the parsed pattern: positions that cannot start a match fail after one
character test. The matches (spans, groups) are exactly those of the original pattern; patterns
whose first character cannot be told (one that may match the empty string, a back-reference, a
negated class, local case flags) are returned as they are.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from typing import Any

try:  # the parser `re` itself compiles with; private, so its absence only costs speed
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - other Pythons
    _c = _p = None  # type: ignore[assignment]


class _Unknown(Exception):
    """The first character of a match cannot be told."""


def _first(seq: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """(class items a match of the parsed sequence can start with, whether it can be empty)."""
    items: list[tuple[Any, Any]] = []
    for op, av in seq:
        got, empty = _first_op(op, av)
        items += got
        if not empty:
            return items, False
    return items, True


def _first_op(op: Any, av: Any) -> tuple[list[tuple[Any, Any]], bool]:
    if op is _c.LITERAL:
        return [(op, av)], False
    if op is _c.IN:
        if any(o is _c.NEGATE for o, _ in av):
            raise _Unknown
        return list(av), False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # zero-width: the next item consumes the first character
    if op is _c.BRANCH:
        items: list[tuple[Any, Any]] = []
        empty = False
        for alt in av[1]:
            got, e = _first(alt)
            items += got
            empty = empty or e
        return items, empty
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        if add or remove:
            raise _Unknown  # local flags would change what the lookahead's class matches
        return _first(sub)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        least, _, sub = av
        got, e = _first(sub)
        return got, e or least == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(av)
    raise _Unknown


def _escape(cp: int) -> str:
    ch = chr(cp)
    if ch in "\\]^-[":
        return "\\" + ch
    return f"\\x{cp:02x}" if cp < 32 else ch


def first_chars(rx: re.Pattern[str]) -> str | None:
    """A character class (as regex text, under the pattern's flags) holding every character a
    match of `rx` can start with; None when that cannot be told."""
    if _p is None or rx.flags & re.VERBOSE:
        return None
    try:
        items, empty = _first(_p.parse(rx.pattern, rx.flags).data)
        if empty or not items:
            return None
        cats = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_WORD: r"\w",
                _c.CATEGORY_NOT_WORD: r"\W", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_NOT_SPACE: r"\S"}
        parts = []
        for op, av in items:
            if op is _c.LITERAL:
                parts.append(_escape(av))
            elif op is _c.RANGE:
                parts.append(f"{_escape(av[0])}-{_escape(av[1])}")
            elif op is _c.CATEGORY and av in cats:
                parts.append(cats[av])
            else:
                return None
    except (_Unknown, re.error, TypeError, ValueError):
        return None
    return "[" + "".join(dict.fromkeys(parts)) + "]"


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def quick(rx: re.Pattern[str]) -> re.Pattern[str]:
    """`rx` with a lookahead on its possible first characters (same matches, found sooner)."""
    chars = first_chars(rx)
    if chars is None:
        return rx
    head = m.group(0) if (m := _GLOBAL_FLAGS.match(rx.pattern)) else ""
    return re.compile(f"{head}(?={chars})(?:{rx.pattern[len(head):]})", rx.flags)


_WRAP_HEAD, _WRAP_TAIL = r"(?<![\w-])(?:", r")(?![\w-])"  # how rules.patterns_re/sources wrap a pattern


def _letters(pattern: str, flags: int) -> frozenset[str] | None:
    """The lower-case ASCII letters a match of `pattern` can start with; None if other characters."""
    try:
        items, empty = _first(_p.parse(pattern, flags).data)
    except (_Unknown, re.error, TypeError, ValueError):
        return None
    if empty or not items or any(op is not _c.LITERAL or not chr(av).isascii() or not chr(av).isalpha()
                                 for op, av in items):
        return None
    return frozenset(chr(av).lower() for _, av in items)


class _Joined:
    """Which of many word patterns occur in a text, in one scan of it (any text; see Occurrences).

    The patterns written as `(?<![\\w-])(?:...)(?![\\w-])` are joined into one alternation,
    grouped by first letter, scanned once; a pattern hidden where an earlier one matched at the
    same place is tried there alone. The answer is exactly `patterns[i].search(text) is not None`
    (others are searched alone)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        flags = patterns[0].flags if patterns else 0
        self._alone: set[int] = set()
        self._letters: dict[int, frozenset[str] | None] = {}
        groups: dict[str, list[int]] = {}  # first letter ("~": unknown) -> patterns, in order
        for i, rx in enumerate(patterns):
            body = rx.pattern[len(_WRAP_HEAD) : -len(_WRAP_TAIL)]
            joinable = (
                _p is not None and rx.flags == flags and rx.pattern.startswith(_WRAP_HEAD)
                and rx.pattern.endswith(_WRAP_TAIL) and "(?P" not in body and not re.search(r"\\[1-9]", body)
            )
            if not joinable:
                self._alone.add(i)
                continue
            letters = self._letters[i] = _letters(body, flags)
            for key in sorted(letters) if letters else ["~"]:
                groups.setdefault(key, []).append(i)
        self._marker: dict[int, int] = {}  # group number of an alternative's empty marker -> pattern
        alts, count = [], 0
        for key in sorted(groups):
            parts = []
            for i in groups[key]:
                count += patterns[i].groups + 1
                self._marker[count] = i
                parts.append(f"(?:{patterns[i].pattern[len(_WRAP_HEAD) : -len(_WRAP_TAIL)]})()")
            alts.append("|".join(parts) if key == "~" else f"(?=[{key}])(?:{'|'.join(parts)})")
        self._joined = re.compile(_WRAP_HEAD + "|".join(alts) + _WRAP_TAIL, flags) if alts else None

    def occurring(self, text: str, candidates: list[int] | None = None) -> set[int]:
        """The indices (among `candidates`, default all) of the patterns with a match in `text`."""
        wanted = set(range(len(self.patterns)) if candidates is None else candidates)
        found = {i for i in wanted & self._alone if self.patterns[i].search(text)}
        starts: list[int] = []
        pos = 0
        while not wanted <= found and self._joined is not None and (m := self._joined.search(text, pos)):
            i = self._marker.get(m.lastindex or 0)
            if i is not None and m.start(m.lastindex or 0) == m.end():
                found.add(i)
            starts.append(m.start())
            pos = m.start() + 1  # every place where some pattern matches is a start found here
        for i in wanted - found - self._alone:
            letters = self._letters[i]
            for s in starts:
                ch = text[s]
                if letters is not None and ch.isascii() and ch.lower() not in letters:
                    continue
                if self.patterns[i].match(text, s):
                    found.add(i)
                    break
        return found & wanted


class Occurrences:
    """Which of many word patterns occur anywhere in a text.

    The extractor asks, per article, which of ~100 source and actor patterns occur at all; one
    `search` each went over the whole article ~40 times, and one search of all of them joined
    (`_Joined`) still tried every alternative at every word (2.7 ms an article, 8% of a
    worker's time). A pattern written as `(?<![\\w-])(?:...)(?![\\w-])` can only match where the
    text's word is one of its first words (`first_words`): in a text of ASCII characters (where
    lower case compares as IGNORECASE does), each word looks up the patterns that may start
    with it and only those are tried there; where a pattern goes on after one space, with its
    first two words. Patterns whose first words cannot be told, and texts
    with other characters, take the joined scan. The answer is exactly
    `patterns[i].search(text) is not None`."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns
        # a first word, or a first word and the next ("the army", see `lead_key`) -> the patterns
        # that may start with it: "the" begins ~20 patterns, tried at each of ~45 "the" of an
        # article (three quarters of the look-ups), most never matching there
        self._by_word: dict[str, list[int]] = {}
        self._leads: set[str] = set()  # first words looked up with the word after them
        rest = []
        for i, rx in enumerate(patterns):
            words = wrapped_first_words(rx, two=True) or wrapped_first_words(rx)
            if words is None:
                rest.append(i)
                continue
            for w in sorted(words):
                self._by_word.setdefault(w, []).append(i)
                if " " in w:
                    self._leads.add(w.split(" ")[0])
        #: patterns an ASCII text's words are looked up for (a screen by required words before
        #: asking about them only costs time: each is tried at the words it may start with)
        self.looked_up = frozenset(range(len(patterns))) - set(rest)
        self._rest_ids = rest
        self._rest = _Joined([patterns[i] for i in rest])

    @cached_property
    def _all(self) -> _Joined:
        """The joined scan of every pattern, for texts not in ASCII (made on the first)."""
        return _Joined(self.patterns)

    def occurring(self, text: str, candidates: list[int] | None = None) -> set[int]:
        """The indices (among `candidates`, default all) of the patterns with a match in `text`."""
        wanted = set(range(len(self.patterns)) if candidates is None else candidates)
        if not text.isascii():
            return self._all.occurring(text, list(wanted))  # what IGNORECASE matches is not lower()
        rest = [j for j, i in enumerate(self._rest_ids) if i in wanted]
        found = {self._rest_ids[j] for j in self._rest.occurring(text, rest)} if rest else set()
        todo = wanted & self.looked_up
        lower = text.lower()  # ASCII: same offsets, and what IGNORECASE compares
        by_word, leads, none = self._by_word, self._leads, ()
        for m in _WORD_AT_START.finditer(lower):
            if not todo:
                break
            word = m.group(0)
            ids = by_word.get(word, none)
            if word in leads:
                ids = [*ids, *by_word.get(lead_key(lower, m.start(), m.end()), none)]
            for i in ids:
                if i in todo and self.patterns[i].match(text, m.start()):
                    found.add(i)
                    todo.discard(i)
        return found


# A whole word where a wrapped pattern may start: no word character or hyphen before it.
_WORD_AT_START = re.compile(r"(?<![\w-])\w+")
#: Beyond this many first words (or repeats of a group within the first word), a pattern is
#: scanned for, not looked up.
_MAX_WORDS, _MAX_REPEATS = 2000, 4
_FOLDS_TO_ASCII = re.compile(r"[a-z0-9_]", re.IGNORECASE)


def wrapped_first_words(rx: re.Pattern[str], two: bool = False) -> frozenset[str] | None:
    """`first_words` of a pattern written as `(?<![\\w-])(?:...)(?![\\w-])` (a match starts a
    word of the text, as `start_words` reads them); None for a pattern written otherwise."""
    if not (rx.pattern.startswith(_WRAP_HEAD) and rx.pattern.endswith(_WRAP_TAIL)):
        return None
    return first_words(rx.pattern[len(_WRAP_HEAD) : -len(_WRAP_TAIL)], rx.flags, two)


@lru_cache(maxsize=64)
def start_words(text: str) -> frozenset[str] | None:
    """The lower-case words of an ASCII text where a wrapped pattern may start (no word character
    or hyphen before them): a pattern none of whose `wrapped_first_words` is among them cannot
    match. None for a text with other characters (IGNORECASE is not lower() there)."""
    return frozenset(_WORD_AT_START.findall(text.lower())) if text.isascii() else None


def first_words(pattern: str, flags: int = 0, two: bool = False) -> frozenset[str] | None:
    """Every word (lower-case run of word characters) a match of `pattern` in a text of ASCII
    characters can begin with, and maybe more; None when that cannot be told (a class such as
    \\w, a long repeat, a match that may begin with another character).

    With `two`, a first word the match continues after one space with another word is given
    with that word ("the army", see `lead_key`), one followed by anything else alone ("turkey"
    of "turkey's army", "sohr" at the end of the match)."""
    if _p is None:
        return None
    try:
        opened, closed = _heads(_p.parse(pattern, flags).data, {""}, two)
    except (_Unknown, re.error, TypeError, ValueError, RecursionError):
        return None
    words = {w.removesuffix(" ") for w in opened} | closed  # a match may end after the space
    return frozenset(words) if words and "" not in words else None


def lead_key(lower: str, start: int, end: int) -> str:
    """The text's key for `first_words(..., two=True)` at the word lower[start:end] (an ASCII
    text, lower case): with the next word when one space separates them, else the word alone."""
    if lower[end : end + 1] == " " and (nxt := _WORD.match(lower, end + 1)):
        return lower[start : nxt.end()]
    return lower[start:end]


_WORD = re.compile(r"\w+")


def _heads(seq: Any, opened: set[str], two: bool = False) -> tuple[set[str], set[str]]:
    """(first words still open after the parsed sequence, first words it ended), from `opened`."""
    closed: set[str] = set()
    for op, av in seq:
        if not opened:
            break
        opened, more = _heads_op(op, av, opened, two)
        closed |= more
        if len(opened) + len(closed) > _MAX_WORDS:
            raise _Unknown
    return opened, closed


def _heads_op(op: Any, av: Any, opened: set[str], two: bool) -> tuple[set[str], set[str]]:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return opened, set()  # zero-width: not checking it can only allow more words
    if op is _c.LITERAL:
        return _then(chr(av), opened, two)
    if op is _c.IN:
        chars: list[str] = []
        for o, a in av:
            if o is _c.LITERAL:
                chars.append(chr(a))
            elif o is _c.RANGE and a[1] - a[0] < 32:
                chars += [chr(c) for c in range(a[0], a[1] + 1)]
            else:
                raise _Unknown
        out: tuple[set[str], set[str]] = (set(), set())
        for ch in chars:
            o2, c2 = _then(ch, opened, two)
            out[0].update(o2)
            out[1].update(c2)
        return out
    if op is _c.BRANCH:
        out = (set(), set())
        for alt in av[1]:
            o2, c2 = _heads(alt, opened, two)
            out[0].update(o2)
            out[1].update(c2)
        return out
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        if add or remove:
            raise _Unknown
        return _heads(sub, opened, two)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _heads(av, opened, two)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        least, most, sub = av
        result, closed, cur, n = (set(opened) if least == 0 else set()), set(), opened, 0
        while cur and n < most:
            n += 1
            if n > _MAX_REPEATS:
                raise _Unknown
            cur, more = _heads(sub, cur, two)
            closed |= more
            if n >= least:
                result |= cur
        return result, closed
    raise _Unknown


def _then(ch: str, opened: set[str], two: bool = False) -> tuple[set[str], set[str]]:
    """The first words after one more character: longer (a word character), or ended. With
    `two`, a first word goes on after one space, and a space not followed by a word character
    leaves the first word alone."""
    if not ch.isascii():
        if _FOLDS_TO_ASCII.match(ch):
            raise _Unknown  # IGNORECASE folds it onto an ASCII letter (the Kelvin sign onto k)
        return set(), set()  # no character of an ASCII text matches it
    if ch.isalnum() or ch == "_":
        return {w + ch.lower() for w in opened}, set()
    if not two:
        return set(), set(opened)
    more = {w + " " for w in opened if ch == " " and w and " " not in w}
    return more, {w.removesuffix(" ") for w in opened if w + " " not in more}


def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` holds (a lower-cased text holding
    none of them has no match), or None when that cannot be told. Read from the parsed pattern,
    for what `rules.required_literal` cannot tell: a run of literal characters, or a group,
    alternation or lookaround each branch of which holds such strings ("(?:medical|hospital|health)
    staff": one of "medical", "hospital", "health"); of several, the set whose shortest string is
    longest. Letters compare as `rules.required_literal`'s do (ASCII, lower case)."""
    if _p is None:
        return None
    try:
        found = _needed(_p.parse(pattern, flags).data)
    except (re.error, TypeError, ValueError, RecursionError):
        return None
    return frozenset(found) if found else None


def _needed(seq: Any) -> set[str] | None:
    """Strings one of which every match of the parsed sequence holds (see required_words)."""
    options: list[set[str]] = []
    run = ""
    for op, av in [*seq, (None, None)]:  # a last item that ends the last run
        if op is _c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if op is _c.AT:
            continue  # zero-width (\b, ^): the characters on either side are still adjacent
        if len(run) >= 3 and any(ch.isalpha() for ch in run):
            options.append({run})
        run = ""
        sub: set[str] | None = None
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            sub = _needed(av[3])
        elif op is _c.BRANCH:
            parts = [_needed(alt) for alt in av[1]]
            sub = None if any(not part for part in parts) else set().union(*parts)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            sub = _needed(av[2])
        elif op is _c.ASSERT:
            sub = _needed(av[1])  # a positive lookahead or lookbehind: its text is in the text too
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            sub = _needed(av)
        if sub:
            options.append(sub)
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _strings(seq: Any, cap: int = 20_000) -> set[str] | None:
    """Every string the parsed pattern matches, when they are few and plain (literals, small
    classes, alternations, short repeats); None otherwise."""
    out = {""}
    for op, av in seq:
        opts: set[str] | None
        if op is _c.LITERAL:
            opts = {chr(av)}
        elif op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            opts = {chr(v) for _, v in av}
        elif op is _c.BRANCH:
            parts = [_strings(alt, cap) for alt in av[1]]
            opts = None if any(p is None for p in parts) else set().union(*parts)  # type: ignore[arg-type]
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:
            opts = _strings(av[3], cap)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[1] <= 3:
            sub = _strings(av[2], cap)
            opts = None if sub is None else {"".join(p) for n in range(av[0], av[1] + 1)
                                              for p in itertools.product(sorted(sub), repeat=n)}
        else:
            return None
        if opts is None:
            return None
        out = {a + b for a in out for b in opts}
        if len(out) > cap:
            return None
    return out


class WordFilter:
    """Can a whole-word alternation match a text? Told from the text's words, without the search.

    A case-insensitive `\\b(?:kill|killed|...)\\b` (or `(?<![\\w-])...(?![\\w-])`) tries its
    alternatives at every word; a set lookup of the text's words is several times cheaper, and
    the search then runs only on the texts that pass. A match of an alternative made of word
    characters only is a whole word of the text (one run of `token`); one with other characters
    ("took full control") starts with a whole word ("took"), or else occurs as a substring. Exact
    for ASCII texts and alternatives (under IGNORECASE, other characters match ASCII letters);
    any other text passes."""

    def __init__(self, body: str, token: str = r"\w+") -> None:
        strings = _strings(_p.parse(body, re.IGNORECASE).data) if _p is not None else None
        self.exact = strings is not None and all(s and s.isascii() for s in strings)
        self._token = re.compile(token)
        words: set[str] = set()
        self.heads: dict[str, list[str]] = {}  # a phrase's first word (a whole word) -> phrases
        self.phrases: list[str] = []  # phrases that start with another character
        for s in sorted({s.lower() for s in strings or ()}):
            head = self._token.match(s)
            if head and head.end() == len(s):
                words.add(s)
            elif head:
                self.heads.setdefault(head.group(0), []).append(s)
            else:
                self.phrases.append(s)
        self.words = frozenset(words)

    def may_match(self, text: str) -> bool:
        """False only when no alternative can match in `text`."""
        if not self.exact or not text.isascii():
            return True
        low, tokens = _words_of(text, self._token)
        if not self.words.isdisjoint(tokens):
            return True
        # loops, not any() over generators: asked ~170 times an article, most often with no head
        # word among the text's words and no phrase to look for
        if self.heads:
            for h in self.heads.keys() & tokens:
                for p in self.heads[h]:
                    if p in low:
                        return True
        for p in self.phrases:
            if p in low:
                return True
        return False


@lru_cache(maxsize=64)
def _words_of(text: str, token: re.Pattern[str]) -> tuple[str, frozenset[str]]:
    """The lower-cased text and its words: several filters ask about one sentence in a row."""
    low = text.lower()
    return low, frozenset(token.findall(low))


class Prefiltered:
    """A compiled pattern searched only in texts its `WordFilter` lets through (same results)."""

    def __init__(self, rx: re.Pattern[str], words: WordFilter) -> None:
        self.rx, self.words, self.pattern = rx, words, rx.pattern

    def search(self, text: str) -> re.Match[str] | None:
        return self.rx.search(text) if self.words.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text) if self.words.may_match(text) else iter(())
