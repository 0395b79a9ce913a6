/** A picture when there is one, else initials on a colour derived from the name. */
const HUES = [210, 260, 330, 20, 150, 190, 280, 40];

function hueOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return HUES[Math.abs(hash) % HUES.length]!;
}

const ARABIC = /[\u0600-\u06FF]/;
// The article "ال" is not the word's initial: بدر الشهري is ب ش, not ب ا.
const ARABIC_ARTICLE = /^ال(?=[\u0600-\u06FF]{2})/;

/** The first letter that names a word: past the Arabic article, past leading punctuation. */
function initialOf(word: string): string | undefined {
  const bare = word.replace(ARABIC_ARTICLE, '');
  return [...bare].find((char) => /\p{L}|\p{N}/u.test(char));
}

/**
 * Two letters for an avatar: first and last word. Arabic letters stay apart (a space keeps
 * them from joining into one shape), Latin ones are capitals.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  const letters = picked.map(initialOf).filter((letter): letter is string => Boolean(letter));
  if (letters.length === 0) return '?';
  const joiner = letters.every((letter) => ARABIC.test(letter)) ? ' ' : '';
  return letters.join(joiner).toLocaleUpperCase();
}

export function Avatar({
  name,
  src,
  size = 36,
}: {
  name: string;
  src?: string | null;
  size?: number;
}) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (src) {
    return <img className="avatar" src={src} alt="" width={size} height={size} style={style} />;
  }
  return (
    // Initials are drawn by CSS (::before): decoration, never part of a control's name.
    <span
      className="avatar avatar-initials"
      aria-hidden="true"
      data-initials={initialsOf(name)}
      style={{ ...style, backgroundColor: `hsl(${hueOf(name)} 55% 30%)` }}
    />
  );
}
