import 'server-only';

// Arabic theophoric compounds are written as one word, two words or three: ABDULRAHMAN,
// ABDEL RAHMAN, ABD AL-RAHMAN, ABDURRAHMAN; SALAHUDDIN, SALAH AL-DIN; NOORULLAH, NOOR ULLAH.
// Each becomes one token in one spelling, so token counts agree however the name was split.

const ABD_WORD = /^ABD(?:(?:U|E|A|O|OU|I)L)?$/;
// ABDUR RAHMAN, ABDUS SALAM: the article assimilated to the next word's first consonant.
const ABD_ASSIMILATED_WORD = /^ABD(?:U|E|A|O|OU)([BCDFGJKLMNPQRSTVXZ]H?)$/;
const ABD_JOINED = /^ABD(?:U|E|A|O|OU|I)?L(.+)$/;
const ABD_JOINED_ASSIMILATED = /^ABD(?:U|E|A|O|OU)([BCDFGJKMNPQRSTVXZ])\1(.*)$/;
const ARTICLES = new Set(['AL', 'EL', 'UL', 'AD', 'ED', 'UD', 'ID']);
// DIN, DEEN, DINE, and with the article glued on: EDDIN, UDDIN, ELDINE, ALDIN.
const DIN_WORD = /^(?:[AEOU][LD])?D(?:I|EE)NE?$/;
// DEN is the Dutch article too (VAN DEN BERG): DIN only after an Arabic article (BADR AL DEN).
const DIN_AFTER_ARTICLE = new Set(['DEN', 'DENE']);
const DIN_JOINED = /^(.{2,}?)(?:[AEOU]?D|[AEOU]L)D(?:I|EE)NE?$/;
const ULLAH_WORDS = new Set(['ULLAH', 'ALLAH', 'OLLAH', 'ULLA']);
const ULLAH_JOINED = /^(.{2,}?)(?:[AUO]LLAH|[UO]LLA)$/;

// Cheap tests first: almost no word is a compound.
const MAY_BE_COMPOUND = /^ABD|[DL]D(?:I|EE)NE?$|LLAH?$/;

/** One word in its compound spelling (ABDELKADER → ABDULKADER, SALAHEDDINE → SALAHUDDIN). */
function respellWord(word: string): string {
  if (!MAY_BE_COMPOUND.test(word)) return word;
  let match = ABD_JOINED_ASSIMILATED.exec(word);
  if (match) return `ABDUL${match[1]}${match[2]}`;
  match = ABD_JOINED.exec(word);
  if (match) return `ABDUL${match[1]}`;
  match = DIN_JOINED.exec(word);
  if (match) return `${match[1]}UDDIN`;
  match = ULLAH_JOINED.exec(word);
  if (match) return `${match[1]}ULLAH`;
  return word;
}

/** Joins the words of one name field that form a compound, and respells joined ones. */
export function joinCompounds(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const assimilated = word.startsWith('ABD') ? ABD_ASSIMILATED_WORD.exec(word) : null;
    if (ABD_WORD.test(word) || (assimilated && next?.startsWith(assimilated[1] as string))) {
      // ABD [AL] RAHMAN: skip the article, join the next word; ABD AL-LAH keeps its L.
      let j = i + 1;
      if (ABD_WORD.test(word) && ARTICLES.has(words[j] ?? '') && words[j + 1] !== undefined) j += 1;
      const rest = words[j];
      // Nothing to join, or only an initial (ABDUL Q.): the word stands alone.
      if (rest === undefined || rest.length < 2) {
        out.push('ABDUL');
        continue;
      }
      out.push(respellWord(`ABDUL${rest.replace(/^(?:AL|EL|UL)(?=.{3})/, '')}`));
      i = j;
      continue;
    }
    const previous = out[out.length - 1];
    if (previous !== undefined) {
      // SALAH [AL] DIN, NOOR ULLAH: the suffix joins the word before it.
      const viaArticle = ARTICLES.has(word) && next !== undefined && (DIN_WORD.test(next) || DIN_AFTER_ARTICLE.has(next) || ULLAH_WORDS.has(next));
      const suffixAt = viaArticle ? i + 1 : i;
      const suffix = words[suffixAt] as string;
      const din = DIN_WORD.test(suffix) || (viaArticle && DIN_AFTER_ARTICLE.has(suffix));
      if (din || ULLAH_WORDS.has(suffix)) {
        out[out.length - 1] = din ? `${previous}UDDIN` : respellWord(`${previous}ULLAH`);
        i = suffixAt;
        continue;
      }
    }
    out.push(respellWord(word));
  }
  return out;
}
