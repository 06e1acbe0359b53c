import 'server-only';

// Which listed sounds are one typo away from a traveller's: the sound with one consonant
// added, dropped, changed, or two neighbours swapped. Found without comparing against
// every listed sound: each listed sound is filed under itself with one consonant left out
// (and that position), and a traveller's sound looks up its own such forms.

/** The distinct sounds of a watchlist's words, numbered, with their typo keys and neighbours. */
export interface SoundTable {
  readonly ids: ReadonlyMap<string, number>;
  readonly sounds: readonly string[];
  readonly typoKeys: ReadonlyMap<string, Int32Array>;
  /** Per listed sound, the listed sounds a typo away: worked out once, as most travellers' words are listed sounds. */
  readonly neighbours: readonly Int32Array[];
  /** Neighbours of sounds not listed, as travellers bring them (bounded; a sound's neighbours never change). */
  readonly unlisted: Map<string, Int32Array>;
}

// Sounds of one consonant are one edit from half the list (L: ALI; B: ABU).
export const MIN_SOUND_FOR_TYPOS = 2;
const MAX_UNLISTED_REMEMBERED = 20_000;

function leftOut(sound: string, i: number): string {
  return sound.slice(0, i) + sound.slice(i + 1);
}

function searchNear(table: Pick<SoundTable, 'ids' | 'sounds' | 'typoKeys'>, sound: string): Int32Array {
  if (sound.length < MIN_SOUND_FOR_TYPOS) return new Int32Array(0);
  const found = new Set<number>();
  // Every key below is one edit by construction; only the sound itself and one-consonant sounds are left out.
  const take = (id: number | undefined) => {
    if (id !== undefined && (table.sounds[id] as string).length >= MIN_SOUND_FOR_TYPOS && table.sounds[id] !== sound) found.add(id);
  };
  // The listed sound has one consonant more.
  for (const id of table.typoKeys.get(`-${sound}`) ?? []) take(id);
  for (let i = 0; i < sound.length; i++) {
    const rest = leftOut(sound, i);
    // One consonant fewer; one changed at the same place.
    take(table.ids.get(rest));
    for (const id of table.typoKeys.get(`${i}-${rest}`) ?? []) take(id);
    // Two neighbours swapped.
    if (i + 1 < sound.length && sound[i] !== sound[i + 1]) take(table.ids.get(`${sound.slice(0, i)}${sound[i + 1]}${sound[i]}${sound.slice(i + 2)}`));
  }
  return Int32Array.from(found);
}

export function buildSoundTable(sounds: Iterable<string>): SoundTable {
  const ids = new Map<string, number>();
  const list: string[] = [];
  const keys = new Map<string, number[]>();
  const file = (key: string, id: number) => {
    const filed = keys.get(key);
    if (filed) filed.push(id);
    else keys.set(key, [id]);
  };
  for (const sound of sounds) {
    if (sound === '' || ids.has(sound)) continue;
    const id = list.push(sound) - 1;
    ids.set(sound, id);
    if (sound.length < MIN_SOUND_FOR_TYPOS) continue;
    for (let i = 0; i < sound.length; i++) {
      const rest = leftOut(sound, i);
      file(`-${rest}`, id);
      file(`${i}-${rest}`, id);
    }
  }
  const searchable = { ids, sounds: list, typoKeys: new Map([...keys].map(([key, found]) => [key, Int32Array.from(found)])) };
  return { ...searchable, neighbours: list.map((sound) => searchNear(searchable, sound)), unlisted: new Map() };
}

/** The listed sounds one typo away from `sound` (never `sound` itself). */
export function nearSoundIds(table: SoundTable, sound: string): Int32Array {
  const id = table.ids.get(sound);
  if (id !== undefined) return table.neighbours[id] as Int32Array;
  let near = table.unlisted.get(sound);
  if (near === undefined) {
    if (table.unlisted.size >= MAX_UNLISTED_REMEMBERED) table.unlisted.clear();
    near = searchNear(table, sound);
    table.unlisted.set(sound, near);
  }
  return near;
}
