"""The language of a transcript, told from a bounded sample of its text."""
from __future__ import annotations

import pytest

from build_scripts.pipeline.language import detect_language

ENGLISH = ("We have had very constructive talks as part of the regular communications between "
           "our countries' foreign ministers. Today we had an in-person meeting.")
RUSSIAN = ("Уважаемые дамы и господа, у нас состоялись очень конструктивные переговоры в рамках "
           "регулярных контактов между министрами иностранных дел наших стран.")
# Mostly Russian, with Latin names and abbreviations as Russian sites print them.
MIXED = ("Министр иностранных дел России Сергей Лавров провёл переговоры с Mukhtar Tleuberdi. "
         "Стороны обсудили сотрудничество в рамках EAEU, CSTO и SCO, а также работу Roscosmos на Байконуре.")
KAZAKH = ("Қазақстан Республикасының Сыртқы істер министрі Ресей Федерациясының Сыртқы істер "
          "министрімен кездесті. Тараптар екіжақты ынтымақтастықтың өзекті мәселелерін талқылады.")


@pytest.mark.parametrize("text, code", [
    (ENGLISH, "en"),
    (RUSSIAN, "ru"),
    (MIXED, "ru"),
    (KAZAKH, "kk"),
    (ENGLISH * 700, "en"),            # ~100 KB: only the start is read
    (" ".join([RUSSIAN] * 2 + [ENGLISH] * 300), "ru"),  # only the first 200 letters are read
])
def test_detect_language(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", [
    "", "Лавров:", "Question:", "9 сентября 2020 года", "12:05 — 14:30, № 1234", "EAEU CSTO",
])
def test_too_short_to_tell(text):
    assert detect_language(text) is None
