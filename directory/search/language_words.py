"""Language names in the words typed: "in arabo", "arabic", "ucraino" ask for activities offered
in that language, which activities record (``Language``, the ``lingua`` filter's tags).

Such a name becomes the language filter, shown as an active filter the family can remove (its
chip's link drops the name from the words), rather than a word matched in the documents:

- the languages an activity is offered in are recorded, not written in its text: "arabo" as
  a word finds the few listings that happen to mention it, the filter finds all of them, from
  the tags' index, and the facets count what is shown;
- the name in the words is ambiguous: "corso di inglese" is an English course, not an
  activity held in English. So a name is read as the filter only when it says so: after "in",
  "lingua", "language", "parla"… ("doposcuola in arabo", "in lingua araba"), in English (no
  Italian listing says "arabic"), or with no other meaningful word ("ucraino"). Otherwise it
  stays a word ("ripetizioni di inglese");
- an explicit ``lingua`` parameter wins: the words are then left alone.

Italian is never read as a filter (nearly every activity is offered in Italian, and
"italiano" is what families type for Italian courses).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from directory.search.stopwords import is_filler
from directory.search.text import normalize

# Words saying that the next language name is the language spoken.
MARKERS = frozenset(
    {"in", "lingua", "language", "parla", "parlano", "parlate", "speaks", "speaking", "spoken"}
)
NEVER = {"it"}  # see the module's docstring
# Names the taxonomy does not spell out.
EXTRA = {"romeno": "ro", "romena": "ro", "bangla": "bn", "tagalog": "tl", "lis": "ise"}


@dataclass(frozen=True)
class LanguageWords:
    """A language the words name as such: its code, and the words without its name (and the
    marker before it), as ``text.normalize`` gives them; empty when only filler is left."""

    code: str
    rest: str


def _italian_forms(name: str) -> list[str]:
    """arabo: arabo, araba, arabi, arabe; inglese: inglese, inglesi."""
    if name.endswith("o"):
        return [name[:-1] + ending for ending in "oaie"]
    if name.endswith("e"):
        return [name, name[:-1] + "i"]
    return [name]


def names(languages: Iterable) -> tuple[dict[str, str], set[str]]:
    """({word: language code} in Italian and English, {the English words}), from the
    one-word names of the languages (``Language.name``, ``name_en``)."""
    italian, english = dict(EXTRA), {}
    for language in languages:
        if language.code in NEVER:
            continue
        name = normalize(language.name)
        if name and " " not in name:
            for form in _italian_forms(name):
                italian.setdefault(form, language.code)
        name_en = normalize(language.name_en)
        if name_en and " " not in name_en:
            english.setdefault(name_en, language.code)
    return {**italian, **english}, set(english)


def _after_marker(tokens: list[str], index: int) -> tuple[bool, int | None]:
    """Whether a marker comes before ``tokens[index]`` with only filler between, and where the
    markers and filler before it start ("in lingua araba": at "in")."""
    start, marked = index, False
    for before in range(index - 1, -1, -1):
        if tokens[before] in MARKERS:
            start, marked = before, True
        elif is_filler(tokens[before]):
            start = before
        else:
            break
    return marked, start if marked else None


def find(text: str, languages: Iterable) -> LanguageWords | None:
    """The language the words name as the one spoken (see the module), or None."""
    by_word, english = names(languages)
    tokens = normalize(text).split()
    for index, token in enumerate(tokens):
        code = by_word.get(token)
        if code is None:
            continue
        marked, marker = _after_marker(tokens, index)
        others = [
            t for i, t in enumerate(tokens) if i != index and t not in MARKERS and not is_filler(t)
        ]
        if marked or token in english or not others:
            dropped = {index} if marker is None else set(range(marker, index + 1))
            rest = [t for i, t in enumerate(tokens) if i not in dropped]
            # Nothing but filler left ("in lingua araba"): no words to match.
            return LanguageWords(code, " ".join(rest) if others else "")
    return None
