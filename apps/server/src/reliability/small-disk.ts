/**
 * A small real filesystem for disk-full tests: a tmpfs of a few megabytes mounted on a
 * temporary directory (root can mount; the test says so when it cannot). `fill` leaves only
 * a little room with a ballast file, `free` deletes it: the space comes back without a restart.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  path: string;
  /** Bytes still free. */
  free(): number;
  /** Writes a ballast file until only `leaveBytes` are free. */
  fill(leaveBytes: number): void;
  /** Deletes the ballast. */
  release(): void;
  /** A directory on the disk owned by `owner` (PostgreSQL tablespaces must be). */
  directory(name: string, owner?: { uid: number; gid: number }): string;
  unmount(): void;
}

export function mountSmallDisk(sizeMb: number): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), 'bevatel-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', path], {
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(path, { recursive: true, force: true });
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new Error(
      `The disk-full tests mount a ${sizeMb} MB tmpfs and need root (or CAP_SYS_ADMIN): ${detail}`,
    );
  }
  const ballast = join(path, 'ballast');
  const available = () => {
    const stats = statfsSync(path);
    return stats.bavail * stats.bsize;
  };
  return {
    path,
    free: available,
    fill(leaveBytes) {
      const size = Math.max(0, available() - leaveBytes);
      writeFileSync(ballast, Buffer.alloc(size));
    },
    release() {
      rmSync(ballast, { force: true });
    },
    directory(name, owner) {
      const dir = join(path, name);
      mkdirSync(dir, { recursive: true });
      if (owner) chownSync(dir, owner.uid, owner.gid);
      return dir;
    },
    unmount() {
      try {
        execFileSync('umount', ['-l', path], { stdio: 'pipe' });
      } finally {
        rmSync(path, { recursive: true, force: true });
      }
    },
  };
}
