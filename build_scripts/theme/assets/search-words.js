/* The search's words, as the index has them (build_scripts/site/indexes/search_terms.py does the
 * same in Python; tests/test_search_terms.py runs both on every word of the corpus):
 * fold (lower case, Latin accents dropped, ё as е, й kept) and the Snowball stem, Russian for
 * Cyrillic words and English for Latin ones. The stemmers are search/stemmer.js, which the
 * generator copies from build_scripts/site/indexes/snowball_stemmers.js (cut from npm's
 * snowball-stemmers); it must be loaded before the first stem().
 */
(function (global) {
  "use strict";

  function fold(text) {
    text = text.toLowerCase().replace(/ё/g, "е");
    if (!/[^\x00-\x7f]/.test(text)) return text;
    return text.replace(/й/g, "\ue000").normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(/\ue000/g, "й").normalize("NFC");
  }

  /* A word mixing Latin and Cyrillic look-alikes ("Cовещание" with a Latin C), in the script most
     of its letters are in (search_terms.py `unmix`). */
  var LATIN = "aceopxykmtbh", CYRILLIC = "асеорхукмтвн";
  function unmix(word) {
    var cyrillic = (word.match(/[\u0400-\u04ff]/g) || []).length, latin = (word.match(/[a-z]/g) || []).length;
    if (!cyrillic || !latin) return word;
    var from = cyrillic >= latin ? LATIN : CYRILLIC, to = cyrillic >= latin ? CYRILLIC : LATIN;
    return word.split("").map(function (ch) { var i = from.indexOf(ch); return i < 0 ? ch : to.charAt(i); }).join("");
  }
  function tokens(text) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).map(unmix);
  }

  var stemmers = null, known = Object.create(null);  // no prototype: any word is a plain key
  function stem(word) {
    if (!stemmers) {
      stemmers = { en: global.snowballFactory.newStemmer("english"), ru: global.snowballFactory.newStemmer("russian") };
    }
    if (!(word in known)) {
      known[word] = /[\u0400-\u04ff]/.test(word) ? stemmers.ru.stem(word)
        : /[a-z]/.test(word) && !/[^\x00-\x7f]/.test(word) ? stemmers.en.stem(word) : word;
    }
    return known[word];
  }

  /* indexes/search_names.py `sound_key`: `table` is anyascii's transliteration of the letters
     the index's names use (names.js). */
  var SOUNDS = [["shch", "sh"], ["sch", "sh"], ["dzh", "j"], ["zh", "j"], ["kh", "h"], ["gh", "g"], ["ts", "c"],
                ["tz", "c"], ["cz", "c"], ["ph", "f"], ["x", "ks"], ["q", "k"], ["w", "v"]];
  function soundKey(word, table) {
    var key = "";
    fold(word).split("").forEach(function (ch) { key += ch.charCodeAt(0) < 128 ? ch : (table[ch] || ""); });
    key = key.toLowerCase().replace(/[^a-z]/g, "");
    SOUNDS.forEach(function (pair) { key = key.split(pair[0]).join(pair[1]); });
    return key.replace(/y/g, "i").replace(/[iy](?=[aeou])|(?<=[aeou])[iy]/g, "").replace(/(.)\1+/g, "$1");
  }

  global.ArchiveSearchWords = { fold: fold, tokens: tokens, stem: stem, soundKey: soundKey };
})(this);
