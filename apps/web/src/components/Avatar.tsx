/** A picture when there is one, else initials on a colour derived from the name. */
const HUES = [210, 260, 330, 20, 150, 190, 280, 40];

function hueOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return HUES[Math.abs(hash) % HUES.length]!;
}

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
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
