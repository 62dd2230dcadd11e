"""Is this a Swedish word? For deciding whether a line break fell inside a word.

A word is known when Swedish text uses it often enough (the `wordfreq`
package's Swedish list), or when it is a compound of known words joined
directly or by a linking "s" ("miljö|samverkans|organisationer"), as Swedish
writes its compounds. A single letter is a word only when it is one of the
one-letter words (i, å, ö). The list is loaded on first use.
"""
from __future__ import annotations

from functools import lru_cache

MIN_ZIPF = 1.5  # a whole word this frequent (zipf scale) is known
PART_ZIPF = 2.0  # a leading part of a compound must be more frequent, so that noise does not make compounds
STANDALONE_ZIPF = 3.0  # a form in s rarer than this is a compound's head ("informations"), not a genitive ("läns")
FUNCTION_ZIPF = 6.0  # words this frequent are function words ("från", "till", "inte")
MIN_PART = 4  # letters in a part of a compound (so that "och", "för" never make one)
MAX_PARTS = 4
DEFINITE_ENDINGS = ("n", "en", "t", "et", "na")
GENITIVE_ENDINGS = ("nas", "ens", "ets")  # "lantbrukarnas", "kommunens": a word of its own, not a head
ADJECTIVE_ENDINGS = ("lig", "liga", "isk", "iska")
# endings a layout may carry to the next line alone ("inspektör" / "er"), never words there
INFLECTIONS = frozenset({"a", "e", "n", "t", "s", "en", "et", "er", "ar", "or", "na", "ns", "ts", "erna",
                         "arna", "orna", "ens", "ets", "ers", "ad", "at", "de", "te"})
ONE_LETTER_WORDS = frozenset("iåö")
LISTED_ZIPF = 1.0  # a rare word of the list still counts at its own frequency when weighing a break
NOT_A_WORD = -30.0  # the odds of what is no word
TIE = 0.01  # odds this close are as likely


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    """wordfreq's Swedish frequencies (its "best" list), as `wordfreq.get_frequency_dict` gives
    them: read straight from the list wordfreq ships when it is where wordfreq keeps it, since
    importing wordfreq takes a tenth of a second of every process's start."""
    buckets = shipped_buckets("sv")
    if buckets is None:
        from wordfreq import get_frequency_dict

        return get_frequency_dict("sv", wordlist="best")
    # one frequency per bucket of words (one centibel), shared by its words, as wordfreq does
    return {word: freq for index, bucket in enumerate(buckets) for freq in (10 ** (-index / 100),) for word in bucket}


def shipped_buckets(lang: str) -> list[list[str]] | None:
    """The words of wordfreq's best list for `lang` by frequency in centibels (its "cBpack"
    file: a header, then one list of words per centibel), or None when it cannot be read so."""
    import gzip
    from importlib.util import find_spec
    from pathlib import Path

    try:
        import msgpack

        spec = find_spec("wordfreq")
        folder = Path(next(iter(spec.submodule_search_locations or []))) / "data"  # type: ignore[union-attr]
        path = next(p for p in (folder / f"large_{lang}.msgpack.gz", folder / f"small_{lang}.msgpack.gz")
                    if p.exists())
        with gzip.open(path, "rb") as f:
            data = msgpack.load(f, raw=False)
    except Exception:  # wordfreq laid out otherwise: ask wordfreq itself
        return None
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    return data[1:]


@lru_cache(maxsize=1)
def sorted_words() -> tuple[str, ...]:
    return tuple(sorted(frequencies()))


def begins_word(fragment: str) -> bool:
    """Whether a known word begins with `fragment` (a word broken at a line's end begins so)."""
    from bisect import bisect_right

    words = sorted_words()
    i = bisect_right(words, fragment)
    return i < len(words) and words[i].startswith(fragment)


def zipf(word: str) -> float:
    """The word's frequency on the zipf scale (log10 per billion words); 0 when unseen."""
    from math import log10

    f = frequencies().get(word, 0.0)
    return log10(f) + 9 if f > 0 else 0.0


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    w = word.casefold()
    if not w.isalpha():
        return False
    if len(w) == 1:
        return w in ONE_LETTER_WORDS
    return zipf(w) >= MIN_ZIPF or is_compound(w, MAX_PARTS)


def is_part(part: str, last: bool = False) -> bool:
    """A known part of a compound; the last part carries the inflection, so it may be rarer.
    The commonest words ("från", "till", "inte") lead no compound the list would not hold, and
    neither does a noun in its definite form ("samordnaren", "miljön"), nor an adjective in -lig
    or -isk ("naturlig"): Swedish compounds are led by the stem ("samordnar|stöd")."""
    z = zipf(part)
    if len(part) < MIN_PART or z < (MIN_ZIPF if last else PART_ZIPF):
        return False
    return last or z < FUNCTION_ZIPF and not is_definite(part) and not part.endswith(ADJECTIVE_ENDINGS)


def is_definite(word: str) -> bool:
    """A definite form: the word without its ending ("-n", "-en", "-t", "-et", "-na") is a
    commoner word ("samordnaren" -> "samordnare", "miljön" -> "miljö")."""
    return any(word.endswith(end) and zipf(word[:-len(end)]) > zipf(word)
               for end in DEFINITE_ENDINGS if len(word) - len(end) >= MIN_PART - 1)


def splits(word: str):
    """(head, rest) for every known leading part of `word`, longest first; a linking s after the
    head may be dropped from the rest."""
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:i], word[i:]
        if is_part(head):
            yield head, tail
            if tail[0] == "s" and len(tail) > MIN_PART:
                yield head, tail[1:]


@lru_cache(maxsize=65536)
def is_compound(word: str, parts: int) -> bool:
    """Whether `word` splits into at most `parts` known parts, each maybe followed by a linking s."""
    if is_part(word, last=True):
        return True
    return parts > 1 and any(is_compound(rest, parts - 1) for _, rest in splits(word))


def listed_zipf(word: str) -> float | None:
    """The word's frequency when the list holds it often enough to trust (else None)."""
    z = zipf(word)
    return z if z >= LISTED_ZIPF and (len(word) > 1 or word in ONE_LETTER_WORDS) else None


def join_preference(first: str, second: str) -> int:
    """Whether Swedish writes `first` + `second` as one word (1), as two (-1), or either (0).

    A word followed by the start of another word, broken at the next line's end, keeps its
    space ("Länsstyrelsen" / "sammankallan…", but "genom" / "föran…" begins "genomförande");
    else a fragment that is no word on either side joins ("b" / "ehovs…", "Samordnare" / "n").
    Two words join when the list holds the joined word more often than the two are likely
    side by side, taken as independent ("samman" + "kallande": one; "i" + "landet": two).
    A compound the list does not hold joins when the break falls inside one of its parts
    (an ending alone: "miljöskyddsinspektör" + "er") or after a head that only a compound uses
    ("miljöskydds" + "inspektörer"); else by how likely its parts make it against the two pieces' parts
    (`odds`): a break between two parts that stand alone ("läns" + "gemensamma", "bebyggd" +
    "miljö") is as likely either way. A joined form that is no word at all: two.
    """
    a, b = first.casefold(), second.casefold()
    if (is_word(a) and not is_word(b) and len(b) >= MIN_PART and begins_word(b)
            and not is_word(a + b) and not begins_word(a + b)):
        return -1  # "Länsstyrelsen" + "sammankallan…": a word, then the start of the next one
    if not is_word(a) or not is_word(b):
        return 1
    joined = listed_zipf(a + b)
    if joined is not None:
        apart = (listed_zipf(a) or MIN_ZIPF) + (listed_zipf(b) or MIN_ZIPF) - 9
        return 1 if joined > apart else -1
    if not is_word(a + b):
        return -1
    if zipf(a) < STANDALONE_ZIPF and a.endswith("s") and not a.endswith(GENITIVE_ENDINGS) and is_word(a[:-1]):
        return 1  # "miljöskydds": a compound's head with its linking s, no word on its own
    if b in INFLECTIONS:
        return 1  # "inspektör" + "er", "tillsynsprojekt" + "en": an ending, not a word
    if a.endswith(GENITIVE_ENDINGS) and len(b) >= MIN_PART:
        return -1  # "Lantbrukarnas" + "riksförbund": a definite genitive leads no compound
    if len(a) < MIN_PART or len(b) < MIN_PART:
        return -1 if zipf(b) >= FUNCTION_ZIPF else 1  # "med" stays a word; "samordna" + "ren" is inside a part
    together, apart = odds(a + b), odds(a) + odds(b) - 9
    if abs(together - apart) < TIE:
        return 0
    return 1 if together > apart else -1


@lru_cache(maxsize=65536)
def odds(word: str, parts: int = MAX_PARTS) -> float:
    """How likely a word is (zipf scale): the likelier of its listed frequency and its best split
    into known parts, each part as likely as on its own and the parts taken as independent.
    So "behovs|utrednings|mallen" beats "behovsutred" + "ningsmallen", made of odd parts."""
    best = zipf(word) if is_part(word, last=True) or listed_zipf(word) is not None else NOT_A_WORD
    if parts > 1:
        best = max([best] + [zipf(head) + odds(rest, parts - 1) - 9 for head, rest in splits(word)])
    return best
