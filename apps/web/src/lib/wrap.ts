/**
 * Where an address may wrap: e-mail addresses and URLs have no spaces, so without help a
 * narrow column cuts them mid-word ("sara.alqahtani@exam|ple.com"). Break opportunities go
 * where a reader expects them (the Chicago Manual's rule for URLs): after "//" and ":", before
 * "@", ".", "/", "?", "#", "%", "~", "_", "-" and ",", before and after "=" and "&".
 * Returns the text cut into pieces; a line may break between any two.
 */
const ADDRESS = /[@/]|\.\w{2,}/;
const MIN_LENGTH = 16;

export function addressBreaks(word: string): string[] {
  if (word.length < MIN_LENGTH || !ADDRESS.test(word)) return [word];
  const pieces: string[] = [];
  let current = '';
  const cut = () => {
    if (current) pieces.push(current);
    current = '';
  };
  for (let i = 0; i < word.length; i += 1) {
    const char = word[i]!;
    const next = word[i + 1];
    if (char === '/' && next === '/') {
      current += '//';
      i += 1;
      cut();
    } else if (char === ':') {
      current += char;
      cut();
    } else if (char === '=' || char === '&') {
      cut();
      current += char;
      cut();
    } else if ('@./?#%~_-,'.includes(char) && current !== '') {
      cut();
      current += char;
    } else current += char;
  }
  cut();
  return pieces;
}

/**
 * A whole text as runs between which a line may also break (besides its spaces): only long
 * addresses are cut, the rest stays in as few runs as possible.
 */
export function wrappableRuns(text: string): string[] {
  const runs: string[] = [''];
  for (const part of text.split(/(\s+)/)) {
    const pieces = addressBreaks(part);
    runs[runs.length - 1] += pieces[0] ?? '';
    runs.push(...pieces.slice(1));
  }
  return runs;
}
