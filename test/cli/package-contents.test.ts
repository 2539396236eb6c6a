/**
 * What `npm pack` ships: the licence, and every file the shipped Markdown links to, so that
 * the README read from node_modules/drizzle-catalog (or on the registry's page) has no dead
 * links (issue 14, item 16).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join, normalize } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The packed paths, from npm itself (scripts off: no build needed to list them). */
const packedFiles = (): readonly string[] => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(output) as { readonly files: readonly { readonly path: string }[] }[];
  return (pack?.files ?? []).map((file) => file.path);
};

/** Relative link targets (`[text](target)`) of a Markdown file, without anchors. */
const relativeLinks = (markdown: string): readonly string[] =>
  [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => (match[1] ?? '').split('#')[0] ?? '')
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target));

describe('the npm package', () => {
  let files: readonly string[];
  beforeAll(() => {
    files = packedFiles();
  });

  it('ships the licence, the README, the docs and the JSON Schemas', () => {
    for (const path of ['LICENSE', 'README.md', 'package.json', 'docs/verify.md', 'schemas/snapshot.v1.schema.json']) {
      expect(files).toContain(path);
    }
  });

  it('ships every file the shipped Markdown links to', () => {
    const markdown = files.filter((path) => path.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(3);
    const dead: string[] = [];
    for (const file of markdown) {
      for (const target of relativeLinks(readFileSync(join(root, file), 'utf8'))) {
        const path = normalize(join(dirname(file), target)).replace(/\/$/, '');
        const shipped = files.some((packed) => packed === path || packed.startsWith(`${path}/`));
        if (!shipped) dead.push(`${file} → ${target}`);
      }
    }
    expect(dead).toEqual([]);
  });
});
