"""Site chrome in a transcript from any publisher, told from speech without per-site rules.

The signals are jusText's: a paragraph of speech is long, ends like a sentence and
is dense in function words; a menu item, a share button, a caption or a footer
is short, has no sentence punctuation, few function words, and often a link, a
date stamp or a symbol. Lines that say what they are (a copyright or licence
notice, a publication stamp, "See also", a hashtag, a photo caption, a document
number, a bare address) are chrome wherever they stand; other short lines only at
the edges, before the text starts or after it ends. A line that reads as a
sentence is never removed. Each removal keeps its reason for `--explain`.
"""
from __future__ import annotations

import re

SENTENCE_END = tuple(".!?…\"”»")
SPEECH_END = SENTENCE_END + tuple(",:;")
MENU_SEPARATOR = re.compile(r"\s[|•»›·/]\s|\s[|•»›·]$|^[|•»›·]\s")
_ANY = re.I | re.S
MAX_CHROME = 400  # characters: a notice, stamp or menu line is never longer than this
# Lines that say what they are: chrome wherever they stand (reason, pattern over the whole line).
STRONG = (
    ("copyright or licence notice", re.compile(
        r".*(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|all content on this site is licensed|"
        r"creative commons attribution|все материалы сайта доступны|все права защищены).*", _ANY)),
    ("publication stamp: when the page was posted or changed, not the event", re.compile(
        r"(?:last )?(?:updated|modified|published|posted)(?: at| on|:)?\s.*\d.*|"
        r"(?:дата (?:публикации|изменения)|опубликовано|обновлено)\b.*\d.*", _ANY)),
    ("section list of the page", re.compile(r"(?:published in sections?|опубликован[а-я]* в\s+раздел[а-я]*)\s*:.*", _ANY)),
    ("link to the page itself", re.compile(r"(?:direct link|ссылка на материал|permalink|short link|url)\s*:.*", _ANY)),
    ("web address", re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.(?:ru|kz|com|org|net|gov|int|info|"
                               r"by|ua|uz|kg|tj|am|az|ge|cn|uk|de|fr)/\S*", re.I)),
    ("hashtag line", re.compile(r"(?:#[\w-]+\s*)+")),
    ("'See also' box", re.compile(r"(?:see also|read also|related (?:news|materials|articles)|more on the topic|"
                                  r"смотрите также|см\. также|читайте также|по теме)\s*:?", re.I)),
    ("photo caption or credit", re.compile(r"(?:photo|photos|фото|video|видео)(?:\s*(?:by|credit))?\s*:.*|"
                                           r"\((?:photo|фото)[^)]*\)", re.I)),
    ("document number", re.compile(r"(?:No\.|№|Doc(?:ument)?\.? ?No\.?)\s*[\w/-]*\d[\w/-]*(?:\s*-\s*[\w/.-]+)?", re.I)),
    ("text-version or accessibility link", re.compile(
        r"(?:текстовая версия|версия для (?:слабовидящих|печати)|version for\s+people with disabilities|"
        r"print version|mobile version|text version)", re.I)),
    ("share or subscribe control", re.compile(
        r"(?:share|print|send by email|subscribe|follow us.*|поделиться|подписаться.*|распечатать|"
        r"message preview|addressee email|publication status|читать далее|read more)\s*:?", re.I)),
    ("separator", re.compile(r"[*•·_=~\-–—\s]{3,}")),
)
# All of STRONG as one pattern (one pass over a line instead of one per reason); its group says which.
_STRONG_ANY = re.compile("|".join(f"(?P<r{i}>(?{'i' if p.flags & re.I else ''}{'s' if p.flags & re.S else ''}:{p.pattern}))"
                                  for i, (_, p) in enumerate(STRONG)))
_FUNCTION_WORDS = frozenset(
    "a an and are as at be but by for from has have he her his i in is it its of on or our that the their "
    "they this to was we were which will with you not would can all been also into than there these "
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только её мне было "
    "вот от меня ещё нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь "
    "опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была "
    "сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним "
    "здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об "
    "другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем "
    "хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между".split())
_WORD = re.compile(r"[^\W\d_]+")
_PICTOGRAPH = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200d]+")


def strip_pictographs(text: str) -> str:
    """The line without the emoji a channel puts before it ("💬 Sergey Lavrov: …")."""
    return _PICTOGRAPH.sub("", text.strip()).strip()


def strong_reason(text: str) -> str | None:
    """Why a line is chrome wherever it stands (a notice, a stamp, "See also" …), or None."""
    if not text.strip() or len(text) > MAX_CHROME or (len(text) > 80 and text.rstrip().endswith(SENTENCE_END)):
        return None  # nothing, or a long sentence
    text = " ".join(text.split())
    if text.endswith(SENTENCE_END) and len(text.split()) >= 8:
        return None  # a sentence: never removed
    match = _STRONG_ANY.fullmatch(text)
    if match:
        return STRONG[int(match.lastgroup[1:])][0]
    if MENU_SEPARATOR.search(text) and not text.endswith(SENTENCE_END):
        return "menu or breadcrumb (items between separators)"
    if _PICTOGRAPH.match(text) and not text.endswith(SPEECH_END) and len(text.split()) <= 8:
        return "link or call to action marked with a symbol"
    return None


def function_word_share(text: str) -> float:
    """The share of a line's words that are function words (jusText's stop-word density)."""
    words = _WORD.findall(text[:400].lower())  # the opening words tell as well as the whole
    return sum(w in _FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def is_speech(text: str) -> bool:
    """A line that reads as a sentence of speech: long enough, sentence punctuation, function words."""
    text = strip_pictographs(text)
    words = text.split()
    return text.endswith(SPEECH_END) and len(words) >= 8 and function_word_share(text) >= 0.15


def edge_reason(text: str) -> str:
    """Why a line outside the text (before it starts, after it ends) is taken for chrome."""
    text = " ".join(text.split())
    if len(text.split()) <= 4 and not text.endswith(SENTENCE_END):
        return "short line outside the text, without sentence punctuation (menu, site name or button)"
    return "line outside the text (site chrome or the page's own description)"


# Tool-tips a site prints beside a name, left in the copied text: "Nikol Pashinyan Pashinyan NikolPrime Minister
# of the Republic of Armenia:", "Михаил Мишустин      Мишустин Михаил ВладимировичПредседатель Правительства ," —
# the name again, surname first, with an office glued to it.
TOOLTIP = re.compile(r"(?P<first>[A-ZА-ЯЁ][\w’'-]+) (?P<last>[A-ZА-ЯЁ][\w’'-]+)(?P<gap>\s+)"
                     r"(?P<tip>(?P=last) (?P=first)(?: [A-ZА-ЯЁ][a-zа-яё]+)?(?=[A-ZА-ЯЁa-zа-яё])[^,:\n]*?)\s*(?=[,:]|$)")
TOOLTIP_ALONE = re.compile(r"(?P<gap>\s{3,})(?P<tip>[A-ZА-ЯЁ][\w’'-]+ [A-ZА-ЯЁ][\w’'-]+ [A-ZА-ЯЁ][a-zа-яё]+"
                           r"(?=[A-ZА-ЯЁa-zа-яё])[A-ZА-ЯЁa-zа-яё][^,:\n]*?)\s*(?=[,:]|$)")
_GLUED = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")


# A glossary tool-tip set off by wide gaps: "…Organisation   Background information Shanghai Cooperation
# Organisation (SCO)    (SCO) will…".
GLOSSARY_TIP = re.compile(r"(?P<gap>\s{3,})(?P<tip>(?:Background information|Справочная информация|Справка)\s[^\n]{1,160}?)"
                          r"(?=\s{3,}|\s*$)")


def tooltips(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each tool-tip a site printed beside a name or a term in `text`."""
    if "   " not in text and not _GLUED.search(text):
        return []  # a tool-tip leaves a wide gap, or (in an export's labels) an office glued to the name
    if "   " in text and GLOSSARY_TIP.search(text):
        return [(m.start("gap"), m.end("tip"), m.group("tip")) for m in GLOSSARY_TIP.finditer(text)]
    spans = [(m.start("gap"), m.end("tip"), m.group("tip")) for m in TOOLTIP.finditer(text)
             if _GLUED.search(m.group("tip")) or "   " in m.group("gap")]
    if not spans and "   " in text:
        spans = [(m.start("gap"), m.end("tip"), m.group("tip")) for m in TOOLTIP_ALONE.finditer(text)]
    return spans


_PERSONAL = frozenset("i we you my our your me us myself ourselves я мы вы мой моя моё наш наша наше ваш ваша "
                      "меня нас вас мне нам вам".split())


def is_narrative(texts: list[str], min_words: int = 8) -> bool:
    """A block written about the event in the third person (a page's lead), not spoken: no I, we or you."""
    words = [w for text in texts for w in _WORD.findall(text.lower())]
    return len(words) >= min_words and not any(w in _PERSONAL for w in words)
